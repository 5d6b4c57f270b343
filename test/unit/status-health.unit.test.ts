// Health from Slurm's records as the status step reports them: the last run, missed runs, the queue.
import { describe, expect, it } from '@jest/globals'
import { statusFacts } from '../../src/status/facts.js'
import { decideHealth } from '../../src/status/health.js'
import { runOutcome } from '../../src/status/job-runs.js'
import { scrontabEntries } from '../../src/status/scrontab-entries.js'
import { BLOCK, JOB, NOW, RUNS, base64, cronRun, epoch, statusResults } from '../status-results.js'

const WEEK = 7 * 86400

function health(change: Record<string, string | undefined> = {}, lookbackSeconds = WEEK) {
  const results = statusResults() as Record<string, string | undefined>
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete results[key]
    else results[key] = value
  }
  return decideHealth({ facts: statusFacts(results as Record<string, string>), lookbackSeconds, nowMs: NOW })
}

const runs = (...rows: string[]) => base64(rows.join('\n'))
const codes = (verdict: { reasons: { code: string }[] }) => verdict.reasons.map(r => r.code)

describe('decideHealth', () => {
  it('is Healthy when the last run of the cron job succeeded and it waits for its next time', () => {
    const verdict = health()
    expect(verdict.status).toBe('Healthy')
    expect(verdict.reasons).toEqual([])
    const [job] = verdict.jobs
    expect(job).toMatchObject({
      name: 'daily',
      jobName: JOB,
      schedule: '0 2 * * *',
      enabled: true,
      health: 'Healthy'
    })
    expect(job!.queued).toMatchObject({ jobId: '812', state: 'PENDING', reason: 'BeginTime' })
    expect(job!.lastRuns.map(r => [r.startMs, r.outcome, r.summary, r.elapsedSeconds])).toEqual([
      [Date.parse('2026-12-02T02:00:02Z'), 'succeeded', 'COMPLETED', 5],
      [Date.parse('2026-12-01T02:00:01Z'), 'succeeded', 'COMPLETED', 5]
    ])
  })

  it('is Healthy right after a deploy, before the job ever ran', () => {
    const justDeployed = `900|${JOB}|PENDING|${epoch('2026-12-03T02:00:00Z')}|${epoch('2026-12-02T09:59:00Z')}|BeginTime`
    const verdict = health({
      runs: '',
      queue: base64(justDeployed),
      'live-since': epoch('2026-12-02T09:59:00Z')
    })
    expect(verdict.status).toBe('Healthy')
    expect(verdict.jobs[0]!.lastRuns).toEqual([])
  })

  it('is Degraded when the last run exited non-zero (a cron run is REQUEUED with its exit code)', () => {
    const verdict = health({ runs: runs(RUNS[0]!, cronRun('812', '2026-12-02T02:00:02Z', 4, '3:0')) })
    expect(verdict.status).toBe('Degraded')
    expect(verdict.reasons).toEqual([
      {
        code: 'last-run-failed',
        job: 'daily',
        message:
          'its last run (job 812, started Wed 2026-12-02 02:00 Etc/UTC (8 h ago)) failed: FAILED 3:0: the job script exited with code 3'
      }
    ])
  })

  it('names a time limit and memory as the causes, and a run from before the live release as such', () => {
    const limited = `812|${JOB}|REQUEUED|0:15|1|${epoch('2026-12-02T02:00:00Z')}|${epoch('2026-12-02T08:00:30Z')}|06:00:30|06:00:00|vm`
    expect(health({ runs: runs(limited) }).reasons[0]!.message).toMatch(
      /failed: TIMEOUT: the job reached its time limit$/
    )
    const killed = `812|${JOB}|REQUEUED|0:9|1|${epoch('2026-12-02T02:00:00Z')}|${epoch('2026-12-02T02:10:00Z')}|00:10:00|06:00:00|vm`
    expect(health({ runs: runs(killed) }).reasons[0]!.message).toMatch(
      /failed: FAILED 0:9: the job script was killed by SIGKILL$/
    )
    const oom = `813|${JOB}|OUT_OF_MEMORY|0:125|1|${epoch('2026-12-02T02:00:00Z')}|${epoch('2026-12-02T02:01:00Z')}|00:01:00|06:00:00|vm`
    expect(health({ runs: runs(oom) }).reasons[0]!.message).toMatch(
      /failed: OUT_OF_MEMORY: the job ran out of memory/
    )
    const failedBefore = health({
      runs: runs(cronRun('812', '2026-12-02T02:00:02Z', 4, '1:0')),
      'live-since': epoch('2026-12-02T09:00:00Z')
    })
    expect(failedBefore.status).toBe('Degraded')
    expect(failedBefore.reasons[0]!.message).toContain(', before the live release went live) failed')
  })

  it('judges by the last run that ended: a run going on now does not hide the failure before it', () => {
    const running = `812|${JOB}|RUNNING|0:0|1|${epoch('2026-12-02T09:30:00Z')}|Unknown|00:30:00|06:00:00|vm`
    const verdict = health({ runs: runs(cronRun('812', '2026-12-02T02:00:02Z', 4, '2:0'), running) })
    expect(verdict.status).toBe('Degraded')
    expect(verdict.jobs[0]!.lastRuns[0]).toMatchObject({ outcome: 'running', summary: 'RUNNING' })
    expect(health({ runs: runs(RUNS[1]!, running) }).status).toBe('Healthy')
  })

  it('is Degraded when no run started within its last two scheduled times', () => {
    const verdict = health({
      runs: runs(cronRun('812', '2026-11-29T02:00:01Z', 5)),
      queue: base64(
        `812|${JOB}|PENDING|${epoch('2026-12-01T02:00:00Z')}|${epoch('2026-11-29T02:00:06Z')}|Resources`
      ),
      'live-since': epoch('2026-11-20T00:00:00Z')
    })
    expect(verdict.status).toBe('Degraded')
    expect(verdict.reasons).toEqual([
      {
        code: 'missed',
        job: 'daily',
        message:
          'no run started since Tue 2026-12-01 02:00 Etc/UTC (1 d 8 h ago): its last two scheduled times passed without one (the last was Wed 2026-12-02 02:00 Etc/UTC (8 h ago)); the latest run started Sun 2026-11-29 02:00 Etc/UTC (3 d 8 h ago); its cron job is pending (Resources)'
      }
    ])
  })

  it('is not late for times before its release went live or its cron job was installed', () => {
    const old = runs(cronRun('812', '2026-11-20T02:00:01Z', 5))
    expect(health({ runs: old, 'live-since': epoch('2026-12-01T12:00:00Z') }).status).toBe('Healthy')
    const installed = `900|${JOB}|PENDING|${epoch('2026-12-03T02:00:00Z')}|${epoch('2026-12-01T12:00:00Z')}|BeginTime`
    expect(
      health({ runs: old, queue: base64(installed), 'live-since': epoch('2026-11-01T00:00:00Z') }).status
    ).toBe('Healthy')
  })

  it('is Unknown when the records read do not reach back to its scheduled times', () => {
    const monthly = BLOCK.replace('0 2 * * *', '0 2 1 * *')
    const verdict = health({
      'release-block': base64(monthly),
      'scrontab-block': base64(monthly),
      runs: '',
      queue: base64(
        `812|${JOB}|PENDING|${epoch('2027-01-01T02:00:00Z')}|${epoch('2025-01-01T02:00:06Z')}|BeginTime`
      ),
      'live-since': epoch('2025-01-01T00:00:00Z')
    })
    expect(verdict.status).toBe('Unknown')
    expect(codes(verdict)).toEqual(['runs-out-of-reach'])
  })

  it('is Degraded when Slurm has no cron job for it (its entry was disabled or removed)', () => {
    const verdict = health({ queue: '' })
    expect(verdict.status).toBe('Degraded')
    expect(codes(verdict)).toEqual(['not-queued'])
  })

  it('leaves out an entry the live release disables, and is Healthy with no jobs at all', () => {
    const off = BLOCK.replace(/^(#SCRON .*|0 2 .*)$/gm, line => `#DISABLED: ${line}`)
    const verdict = health({ 'release-block': base64(off), queue: '', runs: '' })
    expect(verdict.status).toBe('Healthy')
    expect(verdict.jobs[0]).toMatchObject({ enabled: false, reasons: [] })
    const none = health({
      'release-block': base64(
        BLOCK.split('\n')
          .filter(l => l.startsWith('# '))
          .join('\n')
      )
    })
    expect(none).toMatchObject({ status: 'Healthy', jobs: [], notes: [{ code: 'no-jobs' }] })
  })

  it('is Unknown when nothing is deployed or Slurm could not be asked', () => {
    expect(codes(health({ current: 'missing', 'release-block': undefined }))).toEqual(['not-deployed'])
    const noAccounting = health({
      runs: undefined,
      'runs-error': 'sacct: error: Slurm accounting storage is disabled'
    })
    expect(noAccounting.status).toBe('Unknown')
    expect(noAccounting.reasons[0]).toEqual({
      code: 'runs-unreadable',
      message:
        "Slurm's accounting could not be read (sacct): sacct: error: Slurm accounting storage is disabled"
    })
    expect(health({ queue: undefined, 'queue-error': 'squeue: error: timeout' }).status).toBe('Unknown')
  })

  it('keeps the jobs of this deployment by their exact names', () => {
    const other = `990|${JOB}-extra|FAILED|1:0|1|${epoch('2026-12-02T09:00:00Z')}|${epoch('2026-12-02T09:01:00Z')}|00:01:00|06:00:00|vm`
    expect(health({ runs: runs(...RUNS, other) }).status).toBe('Healthy')
  })
})

describe('runOutcome', () => {
  it('reads records that are not runs: the queued instance, one cancelled or dropped before it ran', () => {
    const facts = statusFacts(
      statusResults({
        runs: runs(
          `812|${JOB}|PENDING|0:0|1|Unknown|Unknown|00:00:00|06:00:00|None assigned`,
          `812|${JOB}|CANCELLED by 1001|1:0|1|None|5|00:00:00|06:00:00|None assigned`,
          // Dropped by a scrontab install: Slurm 22.05 gives it a start time, and no node.
          `813|${JOB}|CANCELLED|1:0|5|5|5|00:00:00|06:00:00|None assigned`,
          `814|${JOB}|CANCELLED by 1001|0:0|5|5|7|00:00:02|06:00:00|vm`
        )
      })
    )
    expect(facts.runs!.map(runOutcome)).toEqual([
      { kind: 'not-a-run' },
      { kind: 'not-a-run' },
      { kind: 'not-a-run' },
      {
        kind: 'failed',
        summary: 'CANCELLED by 1001',
        message: 'CANCELLED by 1001: the job was cancelled by uid 1001'
      }
    ])
  })
})

describe('scrontabEntries', () => {
  it('reads each schedule with its #SCRON options, disabled ones and nicknames too', () => {
    const block = [
      '# >>> m >>>',
      '#SCRON -p dev -J first',
      '@hourly /r/jobs/first.sh --flag',
      '#DISABLED: #SCRON --job-name=second --time=1',
      '#DISABLED: 5 4 * * 1 /r/jobs/second.sh',
      '# <<< m <<<'
    ].join('\n')
    expect(scrontabEntries(block)).toEqual([
      { schedule: '@hourly', command: '/r/jobs/first.sh --flag', jobName: 'first', disabled: false },
      { schedule: '5 4 * * 1', command: '/r/jobs/second.sh', jobName: 'second', disabled: true }
    ])
  })
})
