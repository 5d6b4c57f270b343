// The runs of a scheduled job as `logs` reads them: sacct's rows (one per run: a cron job keeps its job id and is
// accounted REQUEUED after each run, with the run's exit code), each run's first line in the one output file,
// which run is shown, and the words for it. The rows and lines are as Slurm 22.05 and job.sh.hbs print them.
import { describe, expect, it } from '@jest/globals'
import { formatRunsTable, formatShownRun } from '../../src/logs/format-runs.js'
import {
  chooseRun,
  matchRunOutputs,
  parseRunChoice,
  parseRunHeaders,
  parseRunRows,
  runLabel
} from '../../src/logs/scheduled-runs.js'
import { logsRequest } from '../../src/cli/logs-command.js'
import { removalQuestion, removeRequest } from '../../src/cli/remove-command.js'
import { cronRunResult, parseJobState } from '../../src/sandbox/job-state.js'
import { parseSacct, sacctCommand } from '../../src/sandbox/slurm-queries.js'
import { UserError } from '../../src/errors/user-error.js'

/** The example's config: the requests check that the config file is there. */
const CONFIG = 'examples/caqrn/.github/slurm-gitops.yml'

// Two runs of cron job 528 (one failed), a run cut by its time limit, and a one-off run by sbatch still running.
const ROWS = [
  '528|REQUEUED|0:0|2026-12-02T00:58:27|2026-12-02T00:59:00|2026-12-02T00:59:21|00:00:21|vm|caqrn-production-daily',
  '528|REQUEUED|3:0|2026-12-02T00:59:21|2026-12-02T01:00:00|2026-12-02T01:00:20|00:00:20|vm|caqrn-production-daily',
  '529|REQUEUED|0:15|2026-12-02T01:00:20|2026-12-02T01:01:00|2026-12-02T01:02:09|00:01:09|vm|caqrn-production-daily',
  '530|RUNNING|0:0|2026-12-02T01:05:00|2026-12-02T01:05:01|Unknown|00:00:09|vm|caqrn-production-daily',
  ''
].join('\n')

const line = (time: string, job: string, run?: number) =>
  `[${time}+00:00] caqrn production daily: job ${job}${run ? ` run ${run}` : ''} on vm, revision 1a2b3c`

// Offsets and ends as the logs step reports them; 529's first run has the old header (no "run N").
const HEADERS = [
  `0\t120\t${line('2026-12-02T00:59:01', '528', 1)}`,
  `120\t300\t${line('2026-12-02T01:00:01', '528', 2)}`,
  `300\t400\t${line('2026-12-02T01:01:01', '529')}`,
  `400\t450\tnot a run's first line`,
  `450\t520\t${line('2026-12-02T01:05:02', '530', 1)}`
].join('\n')

const runs = () => matchRunOutputs(parseRunRows(ROWS), parseRunHeaders(HEADERS))

describe('the runs of a scheduled job', () => {
  it('reads sacct rows: one per run, times as Slurm prints them, Unknown ends left out', () => {
    const rows = parseRunRows(ROWS)
    expect(rows).toHaveLength(4)
    expect(rows[1]).toEqual({
      jobId: '528',
      state: { name: 'REQUEUED', text: 'REQUEUED' },
      exit: { code: 3, signal: 0 },
      submitTime: '2026-12-02T00:59:21',
      startTime: '2026-12-02T01:00:00',
      endTime: '2026-12-02T01:00:20',
      elapsed: '00:00:20',
      node: 'vm',
      name: 'caqrn-production-daily'
    })
    expect(rows[3]?.endTime).toBeUndefined()
  })

  it("finds each run's first line by its job id and start, also when one job id has several runs", () => {
    expect(runs().map(r => [runLabel(r), r.output?.offset, r.output?.end])).toEqual([
      ['528:1', 0, 120],
      ['528:2', 120, 300],
      ['529', 300, 400],
      ['530:1', 450, 520]
    ])
    // A first line before the run's start, or of another job id, is not the run's.
    const late = parseRunHeaders(`0\t10\t${line('2026-12-02T00:58:59', '528', 1)}`)
    expect(matchRunOutputs(parseRunRows(ROWS), late).every(r => r.output === undefined)).toBe(true)
  })

  it('shows the latest run, or the one asked for; says why when there is none', () => {
    const list = runs()
    expect(chooseRun(list, undefined, 'daily')).toEqual({ run: list[3] })
    expect(chooseRun(list, { jobId: '528' }, 'daily')).toEqual({ run: list[1] })
    expect(chooseRun(list, { jobId: '528', run: 1 }, 'daily')).toEqual({ run: list[0] })
    expect(chooseRun(list, { jobId: '528', run: 7 }, 'daily')).toEqual({
      problem:
        'run 7 of job id 528 is not among the listed runs of job daily (listed: 528:1, 528:2); list more with --runs'
    })
    expect(chooseRun([], { jobId: '1' }, 'daily')).toEqual({
      problem: 'job id 1 is not among the listed runs of job daily; list more with --runs, or check the id'
    })
    expect(chooseRun([], undefined, 'daily')).toEqual({
      problem: "job daily has no runs in Slurm's accounting yet"
    })
  })

  it('reads --run as a job id, or a job id and run', () => {
    expect(parseRunChoice('528')).toEqual({ jobId: '528' })
    expect(parseRunChoice('528:2')).toEqual({ jobId: '528', run: 2 })
    for (const bad of ['', '0', '528:', '528:0', 'x', '528.2', '528:2:1']) {
      expect(parseRunChoice(bad)).toEqual({ problem: expect.stringContaining('is not a run') })
    }
  })

  it("judges a cron job's run by its exit code: REQUEUED is how every run of a cron job ends", () => {
    const result = (state: string, exit: string) => {
      const [code, signal] = exit.split(':').map(Number) as [number, number]
      const { over, succeeded, summary } = cronRunResult(parseJobState(state), { code, signal })
      return [over, succeeded, summary]
    }
    expect(result('REQUEUED', '0:0')).toEqual([true, true, 'COMPLETED'])
    expect(result('REQUEUED', '3:0')).toEqual([true, false, 'FAILED 3:0'])
    expect(result('REQUEUED', '0:15')).toEqual([true, false, 'KILLED 0:15'])
    expect(cronRunResult(parseJobState('REQUEUED'), { code: 0, signal: 15 }).message).toContain(
      'killed by SIGTERM (its time limit, or a cancel)'
    )
    // A one-off (sbatch, or a run the install made a one-off) ends as any job.
    expect(result('FAILED', '3:0')).toEqual([true, false, 'FAILED 3:0'])
    expect(result('TIMEOUT', '0:0')).toEqual([true, false, 'TIMEOUT'])
    expect(result('RUNNING', '0:0')).toEqual([false, false, 'RUNNING'])
  })

  it('prints a table, oldest first, and which run the output is', () => {
    expect(formatRunsTable(runs())).toEqual([
      'run    result       start                end                  elapsed   node',
      '528:1  COMPLETED    2026-12-02T00:59:00  2026-12-02T00:59:21  00:00:21  vm',
      '528:2  FAILED 3:0   2026-12-02T01:00:00  2026-12-02T01:00:20  00:00:20  vm',
      '529    KILLED 0:15  2026-12-02T01:01:00  2026-12-02T01:02:09  00:01:09  vm',
      '530:1  RUNNING      2026-12-02T01:05:01  -                    00:00:09  vm'
    ])
    const [first] = runs()
    expect(formatShownRun(first!, '/p/logs/daily.out', { from: 0, to: 120, skipped: 0 })).toBe(
      'the output of run 528:1 (started 2026-12-02T00:59:00), bytes 0-120 of /p/logs/daily.out'
    )
    expect(formatShownRun(first!, '/p/logs/daily.out', { from: 20, to: 120, skipped: 20 })).toBe(
      'the output of run 528:1 (started 2026-12-02T00:59:00), its last 100 bytes (bytes 20-120 of /p/logs/daily.out; its first 20 bytes are left out)'
    )
  })
})

describe("one run of a cron job in sacct's rows", () => {
  it('asks for every run (-D) and takes the one submitted first since the run: the next instance is already pending', () => {
    expect(sacctCommand('528', '2026-12-02T01:49:50', { everyRun: true })).toBe(
      'sacct -X -D -n -P -j 528 --starttime 2026-12-02T01:49:50 -o JobID,State,ExitCode,Submit,Start,End,NodeList,User,Reason,Timelimit,JobName'
    )
    const stdout = [
      '528|REQUEUED|0:0|2026-12-02T01:49:50|2026-12-02T01:50:00|2026-12-02T01:50:08|vm|caqrn|None|00:02:00|x',
      '528|PENDING|0:0|2026-12-02T01:50:08|Unknown|Unknown|None assigned|caqrn|BeginTime|00:02:00|x'
    ].join('\n')
    const result = { code: 0, stdout, stderr: '' }
    const first = parseSacct('528', result, '2026-12-02T01:49:50', 'first')
    expect(first).toMatchObject({
      kind: 'recorded',
      record: { state: { name: 'REQUEUED' }, endTime: '2026-12-02T01:50:08' }
    })
    expect(parseSacct('528', result, '2026-12-02T01:49:50')).toMatchObject({
      record: { state: { name: 'PENDING' } }
    })
  })
})

describe('the flags of logs and remove', () => {
  const problems = (build: () => unknown) => {
    try {
      build()
    } catch (error) {
      if (error instanceof UserError) return error.problems.map(p => `${p.where}: ${p.message}`)
      throw error
    }
    return []
  }

  it('logs: --runs 1-100, --run JOBID[:RUN], --job a job name', () => {
    expect(logsRequest({ config: CONFIG, branch: 'main' }, {})).toMatchObject({
      branch: 'main',
      runs: 5,
      follow: false
    })
    expect(
      logsRequest(
        { config: CONFIG, branch: 'main', runs: '12', run: '528:2', follow: true, job: 'daily' },
        {}
      )
    ).toMatchObject({
      runs: 12,
      run: { jobId: '528', run: 2 },
      follow: true,
      job: 'daily'
    })
    expect(problems(() => logsRequest({ config: CONFIG, runs: '0', run: 'x', job: 'a b' }, {}))).toEqual([
      expect.stringMatching(/^--job: /),
      '--runs: must be a number from 1 to 100',
      '--run: "x" is not a run: give a job id (its latest run, e.g. 528) or a job id and run (528:2)'
    ])
  })

  it('remove: one of --branch and --sandbox; --purge only for a deployment; the question says what goes and what stays', () => {
    expect(problems(() => removeRequest({ config: CONFIG }, {}))).toEqual([
      '--branch / --sandbox: give one: --branch B removes a deployment, --sandbox NAME a sandbox'
    ])
    expect(
      problems(() => removeRequest({ config: CONFIG, branch: 'main', sandbox: 'alice' }, {}))
    ).toHaveLength(1)
    expect(problems(() => removeRequest({ config: CONFIG, sandbox: 'alice', purge: true }, {}))).toEqual([
      '--purge: is for a deployment (its data and logs); a sandbox goes whole'
    ])
    const request = removeRequest({ config: CONFIG, branch: 'main', force: true }, {})
    expect(request).toMatchObject({ target: { branch: 'main' }, force: true, purge: false, runUrl: 'cli' })
    expect(removalQuestion(request)).toBe(
      'Remove the deployment of main: its scrontab block, its cron job (a running one is cancelled), current, releases, venv references and mirror (its data directory and logs stay)?'
    )
    expect(removalQuestion(removeRequest({ config: CONFIG, sandbox: 'alice' }, {}))).toBe(
      "Remove sandbox alice: its run directories, their queued jobs, and its refs in the sandboxes' mirror?"
    )
  })
})
