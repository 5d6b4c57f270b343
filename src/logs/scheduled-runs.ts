// The runs of a scheduled job, as `slurm-gitops logs` shows them: Slurm's records of them (sacct -D, one row per
// run) and where each run's output is in the job's one output file. Pure, so every rule is tested without a
// cluster.
//
// A cron job keeps its job id from run to run (Slurm requeues it after each run, and accounts every run under
// that id: REQUEUED, with the run's exit code); only a scrontab install gives its entry a new id. So a run is
// found in the file by its first line, which the job script writes before anything else,
//
//   [2026-12-02T01:00:00+00:00] caqrn production daily: job 528 run 2 on node1, revision 1a2b…
//
// as the first such line with the run's job id at or after its start (both in the cluster's time zone).
import { parseExitCode, parseJobState } from '../sandbox/job-state.js'
import { nodeList, type AccountingRecord } from '../sandbox/slurm-queries.js'
import { slurmTimestamp } from '../sandbox/slurm-time.js'

/** One run: the fields of its accounting record that `logs` shows, and where its output is. */
export interface ScheduledRun extends Pick<
  AccountingRecord,
  'jobId' | 'state' | 'exit' | 'submitTime' | 'startTime' | 'endTime' | 'node' | 'name'
> {
  /** As sacct prints it, e.g. "00:12:07" or "1-02:00:00". */
  elapsed: string
  /** Where the run's output is in the file, when its first line was found. */
  output?: RunOutput
}

export interface RunOutput {
  /** Byte offset of the run's first line. */
  offset: number
  /** Where its output ends: the next run's first line, or the end of the file when it was read. */
  end: number
  /** Which run of its job id it was (the job script's `run N`), when the line says. */
  run?: number
  /** The first line itself. */
  header: string
}

/** One run's first line in the output file (the `log-headers` result: offset, end, line). */
export interface RunHeader extends RunOutput {
  jobId: string
  /** Its time as the cluster's wall clock, like sacct's timestamps ("2026-12-02T01:00:00"). */
  time: string
}

/** sacct's rows in the order of the step's LOGS_SACCT_FIELDS: JobID,State,ExitCode,Submit,Start,End,Elapsed,NodeList,JobName. */
export function parseRunRows(text: string): ScheduledRun[] {
  const runs: ScheduledRun[] = []
  for (const line of text.split('\n')) {
    const fields = line.split('|')
    if (fields.length < 9 || !/^\d+$/.test(fields[0] ?? '')) continue
    const [jobId, state, exit, submit, start, end, elapsed, node] = fields as [string, ...string[]]
    const run: ScheduledRun = {
      jobId,
      state: parseJobState(state ?? ''),
      elapsed: elapsed ?? '',
      name: fields.slice(8).join('|')
    }
    const exitStatus = parseExitCode(exit ?? '')
    if (exitStatus) run.exit = exitStatus
    const times = { submitTime: submit, startTime: start, endTime: end }
    for (const [key, value] of Object.entries(times)) {
      const timestamp = slurmTimestamp(value)
      if (timestamp) run[key as keyof typeof times] = timestamp
    }
    const nodes = nodeList(node)
    if (nodes) run.node = nodes
    runs.push(run)
  }
  return runs
}

const HEADER = /^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})[^\]]*\] [^:]*: job (\d+)(?: run (\d+))? /

/** The `log-headers` lines: offset, end, first line (tab-separated). Lines that are not a run's first line are skipped. */
export function parseRunHeaders(text: string): RunHeader[] {
  const headers: RunHeader[] = []
  for (const line of text.split('\n')) {
    const [offset, end, ...rest] = line.split('\t')
    const header = rest.join('\t')
    const match = HEADER.exec(header)
    if (!match || !/^\d+$/.test(offset ?? '') || !/^\d+$/.test(end ?? '')) continue
    headers.push({
      offset: Number(offset),
      end: Number(end),
      jobId: match[2] as string,
      time: match[1] as string,
      ...(match[3] ? { run: Number(match[3]) } : {}),
      header
    })
  }
  return headers
}

/**
 * Gives each run its output: the first line with its job id at or after its start (and not after its end), each
 * line taken once. Timestamps of one format and zone compare as strings.
 */
export function matchRunOutputs(runs: ScheduledRun[], headers: RunHeader[]): ScheduledRun[] {
  const taken = new Set<RunHeader>()
  return runs.map(run => {
    const start = run.startTime
    if (start === undefined) return run
    const header = headers.find(
      h =>
        !taken.has(h) &&
        h.jobId === run.jobId &&
        h.time >= start &&
        (run.endTime === undefined || h.time <= run.endTime)
    )
    if (!header) return run
    taken.add(header)
    const { offset, end, header: line } = header
    return { ...run, output: { offset, end, header: line, ...(header.run ? { run: header.run } : {}) } }
  })
}

/** `--run`: a job id, or a job id and which of its runs (`528:2`, as the run's first line says `run 2`). */
export interface RunChoice {
  jobId: string
  run?: number
}

export function parseRunChoice(text: string): RunChoice | { problem: string } {
  const match = /^([1-9][0-9]{0,9})(?::([1-9][0-9]{0,5}))?$/.exec(text)
  if (!match) {
    return {
      problem: `${JSON.stringify(text)} is not a run: give a job id (its latest run, e.g. 528) or a job id and run (528:2)`
    }
  }
  return { jobId: match[1] as string, ...(match[2] ? { run: Number(match[2]) } : {}) }
}

/** The label of a run: `528:2` when its first line was found, else the job id. */
export function runLabel(run: ScheduledRun): string {
  return run.output?.run ? `${run.jobId}:${run.output.run}` : run.jobId
}

/** The run to show: the latest (the runs are oldest first), or the chosen one; a sentence when there is none. */
export function chooseRun(
  runs: ScheduledRun[],
  choice: RunChoice | undefined,
  job: string
): { run: ScheduledRun } | { problem: string } {
  const candidates = choice ? runs.filter(run => run.jobId === choice.jobId) : runs
  const run =
    choice?.run === undefined
      ? candidates[candidates.length - 1]
      : candidates.find(candidate => candidate.output?.run === choice.run)
  if (run) return { run }
  if (!choice) return { problem: `job ${job} has no runs in Slurm's accounting yet` }
  const which =
    choice.run === undefined ? `job id ${choice.jobId}` : `run ${choice.run} of job id ${choice.jobId}`
  return {
    problem:
      candidates.length === 0
        ? `${which} is not among the listed runs of job ${job}; list more with --runs, or check the id`
        : `${which} is not among the listed runs of job ${job} (listed: ${candidates.map(runLabel).join(', ')}); list more with --runs`
  }
}
