// The Slurm commands the watcher runs, and parsers for what they print. Each command asks about one job id,
// checked to be digits, so nothing else reaches a shell; the job name is the last field because it is the only
// one that may contain the separator.
import { shellQuote } from '../render/shell-quote.js'
import { parseExitCode, parseJobState, type ExitStatus, type JobState } from './job-state.js'
import { slurmTimestamp } from './slurm-time.js'

/** A Slurm job id as sbatch --parsable prints it (one cluster, no array or het job). */
export function checkJobId(value: string): string | null {
  if (/^[1-9][0-9]{0,9}$/.test(value)) return null
  return `job id ${JSON.stringify(value)} is not a Slurm job id; use the number sbatch printed, e.g. 12345`
}

function jobIdWord(jobId: string): string {
  const problem = checkJobId(jobId)
  if (problem) throw new Error(problem)
  return jobId
}

const SQUEUE_FIELDS = ['%i', '%T', '%r', '%V', '%S', '%N', '%u', '%l', '%j']

/** One job's line from squeue: `squeue -h -j ID -o '%i|%T|%r|%V|%S|%N|%u|%l|%j'`. */
export function squeueCommand(jobId: string): string {
  return `squeue -h -j ${jobIdWord(jobId)} -o ${shellQuote(SQUEUE_FIELDS.join('|'))}`
}

export interface QueueEntry {
  jobId: string
  state: JobState
  /** Why it is pending ("Priority", "Resources", "BeginTime", …), or "None". */
  reason: string
  submitTime?: string
  /** The actual start, or for a pending job the expected one (when Slurm has one). */
  startTime?: string
  node?: string
  user: string
  /** As squeue prints it: "30:00", "1:00:00", "1-00:00:00", "UNLIMITED". */
  timeLimit: string
  name: string
}

export type QueueAnswer =
  /** squeue shows the job. */
  | { kind: 'listed'; entry: QueueEntry }
  /** squeue does not know it: "Invalid job id specified", or (just after submit) an empty answer. */
  | { kind: 'unlisted' }
  /** squeue itself failed (controller down, timeout): try again later. */
  | { kind: 'error'; message: string }

/** Reads squeue's answer about `jobId` from its exit code and output. */
export function parseSqueue(
  jobId: string,
  result: { code: number | null; stdout: string; stderr: string }
): QueueAnswer {
  if (result.code !== 0) {
    if (/Invalid job id/i.test(result.stderr)) return { kind: 'unlisted' }
    return { kind: 'error', message: failure('squeue', result) }
  }
  for (const line of result.stdout.split('\n')) {
    const fields = line.split('|')
    if (fields.length < SQUEUE_FIELDS.length || fields[0] !== jobId) continue
    const [id, state, reason, submit, start, node, user, timeLimit] = fields
    return {
      kind: 'listed',
      entry: {
        jobId: id,
        state: parseJobState(state as string),
        reason: reason as string,
        ...optional('submitTime', slurmTimestamp(submit)),
        ...optional('startTime', slurmTimestamp(start)),
        ...optional('node', nodeList(node)),
        user: user as string,
        timeLimit: timeLimit as string,
        name: fields.slice(SQUEUE_FIELDS.length - 1).join('|')
      }
    }
  }
  return { kind: 'unlisted' }
}

const SACCT_FIELDS = [
  'JobID',
  'State',
  'ExitCode',
  'Submit',
  'Start',
  'End',
  'NodeList',
  'User',
  'Reason',
  'Timelimit',
  'JobName'
]

/**
 * The job's accounting record: `sacct -X -n -P -j ID --starttime SUBMIT -o JobID,State,…,JobName`. A job id can
 * be reused after the controller lost its state, so `--starttime` (this job's submit time, or earlier) keeps an old
 * job's row out; without it, sacct -j searches all of history.
 */
export function sacctCommand(
  jobId: string,
  startTime?: string,
  options: { everyRun?: boolean } = {}
): string {
  const since = startTime === undefined ? '' : ` --starttime ${shellQuote(checkedTimestamp(startTime))}`
  // -D: a requeued (cron) job has a row per run; without it sacct shows the latest only, which just after a run
  // of a cron job is already its next, pending instance.
  const every = options.everyRun ? ' -D' : ''
  return `sacct -X${every} -n -P -j ${jobIdWord(jobId)}${since} -o ${SACCT_FIELDS.join(',')}`
}

function checkedTimestamp(value: string): string {
  const timestamp = slurmTimestamp(value)
  if (timestamp === undefined) throw new Error(`${JSON.stringify(value)} is not a Slurm timestamp`)
  return timestamp
}

export interface AccountingRecord {
  jobId: string
  state: JobState
  exit?: ExitStatus
  submitTime?: string
  startTime?: string
  endTime?: string
  node?: string
  user: string
  reason: string
  timeLimit: string
  name: string
}

export type AccountingAnswer =
  | { kind: 'recorded'; record: AccountingRecord }
  /** No row (yet: accounting lags a few seconds behind the controller). */
  | { kind: 'unrecorded' }
  | { kind: 'error'; message: string }

/**
 * Reads sacct's rows for `jobId`. Several rows (a reused id, a requeued job) → the latest submit at or after
 * `notBefore`, when given; with `pick: 'first'`, the earliest such (one run of a cron job, submitted at
 * `notBefore`, among the rows of every run: sacctCommand's everyRun).
 */
export function parseSacct(
  jobId: string,
  result: { code: number | null; stdout: string; stderr: string },
  notBefore?: string,
  pick: 'latest' | 'first' = 'latest'
): AccountingAnswer {
  if (result.code !== 0) return { kind: 'error', message: failure('sacct', result) }
  let best: AccountingRecord | undefined
  for (const line of result.stdout.split('\n')) {
    const fields = line.split('|')
    if (fields.length < SACCT_FIELDS.length || fields[0] !== jobId) continue
    const [id, state, exit, submit, start, end, node, user, reason, timeLimit] = fields
    const record: AccountingRecord = {
      jobId: id,
      state: parseJobState(state as string),
      ...optional('exit', parseExitCode(exit as string)),
      ...optional('submitTime', slurmTimestamp(submit)),
      ...optional('startTime', slurmTimestamp(start)),
      ...optional('endTime', slurmTimestamp(end)),
      ...optional('node', nodeList(node)),
      user: user as string,
      reason: reason as string,
      timeLimit: timeLimit as string,
      name: fields.slice(SACCT_FIELDS.length - 1).join('|')
    }
    // Timestamps of one format and zone compare as strings.
    if (notBefore !== undefined && (record.submitTime ?? '') < notBefore) continue
    const later = (record.submitTime ?? '') >= (best?.submitTime ?? '')
    if (!best || (pick === 'latest' ? later : !later)) best = record
  }
  return best ? { kind: 'recorded', record: best } : { kind: 'unrecorded' }
}

/** `scancel ID`: by job id only. By name or user it would also end (and disable) cron jobs of the account. */
export function scancelCommand(jobId: string): string {
  return `scancel ${jobIdWord(jobId)}`
}

/** The controller's full record of one job, one line: `scontrol show job -o ID`. */
export function scontrolShowJobCommand(jobId: string): string {
  return `scontrol show job -o ${jobIdWord(jobId)}`
}

export type ControllerAnswer =
  | { kind: 'listed'; fields: Record<string, string> }
  | { kind: 'unlisted' }
  | { kind: 'error'; message: string }

/**
 * Reads `scontrol show job -o`: space-separated Key=Value pairs. Values with spaces exist only in a few keys
 * (Command, WorkDir, Comment, …), so a word without "=" is glued to the previous value.
 */
export function parseScontrolShowJob(
  jobId: string,
  result: { code: number | null; stdout: string; stderr: string }
): ControllerAnswer {
  if (result.code !== 0) {
    if (/Invalid job id/i.test(result.stderr)) return { kind: 'unlisted' }
    return { kind: 'error', message: failure('scontrol', result) }
  }
  for (const line of result.stdout.split('\n')) {
    const fields: Record<string, string> = {}
    let last: string | undefined
    for (const word of line.trim().split(/ +/)) {
      const eq = word.indexOf('=')
      if (eq > 0 && /^[A-Za-z][A-Za-z0-9_:/]*$/.test(word.slice(0, eq))) {
        last = word.slice(0, eq)
        fields[last] = word.slice(eq + 1)
      } else if (last !== undefined && word !== '') {
        fields[last] += ` ${word}`
      }
    }
    if (fields.JobId === jobId) return { kind: 'listed', fields }
  }
  return { kind: 'unlisted' }
}

/** "caqrn(1001)" → "caqrn" */
export function userName(userId: string): string {
  return userId.replace(/\(\d+\)$/, '')
}

/** The nodes a job ran on, as squeue and sacct print them; undefined for one that has none (yet). */
export function nodeList(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' || trimmed === 'None assigned' || trimmed === '(null)' ? undefined : trimmed
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function failure(command: string, result: { code: number | null; stderr: string; stdout: string }): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' / ')
  const status = result.code === null ? 'was interrupted' : `exited ${result.code}`
  return `${command} ${status}${text ? `: ${text}` : ''}`
}
