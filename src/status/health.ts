// Health: do the live release's scheduled jobs run, by Slurm's own records? A job is Degraded when its last run
// failed (an exit code other than 0, a time limit, out of memory, cancelled), when no run started within its
// last two scheduled times, or when Slurm has no cron job for it (it will not run). Unknown where the records
// could not be read or do not reach back far enough. The deployment is as its worst job.
import { formatClusterTime, formatRelative } from './cluster-time.js'
import { previousFireTimes, readCronSchedule } from './cron-times.js'
import type { QueuedJob, RunRecord, StatusFacts } from './facts.js'
import { runOutcome, type RunOutcome } from './job-runs.js'
import { scrontabEntries, type ScrontabEntry } from './scrontab-entries.js'
import type { HealthStatus, Reason, Verdict } from './verdict.js'

/** One run, for the presenters. */
export interface RunView {
  jobId: string
  state: string
  exitCode: string
  outcome: RunOutcome['kind']
  /** `COMPLETED`, `FAILED 3:0`, `TIMEOUT`, … */
  summary: string
  startMs?: number
  endMs?: number
  elapsedSeconds?: number
}

export interface JobHealth {
  /** The job's name in the config (`daily`, from its script's path `<root>/jobs/daily.sh`), else its job name. */
  name: string
  jobName: string
  schedule: string
  /** False for an entry the live release itself has disabled: it is not expected to run. */
  enabled: boolean
  health: HealthStatus
  reasons: Reason[]
  /** Newest first. */
  lastRuns: RunView[]
  /** Its cron job in the queue: the next start, or the run going on now. */
  queued?: QueuedJob
}

export interface HealthInput {
  facts: StatusFacts
  /** How far back sacct was asked (the status run's lookback). */
  lookbackSeconds: number
  /** When the cluster's clock is unknown. */
  nowMs: number
  /** Runs shown per job. */
  runsShown?: number
}

export interface HealthResult extends Verdict<HealthStatus> {
  jobs: JobHealth[]
}

export function decideHealth(input: HealthInput): HealthResult {
  const { facts } = input
  const reasons: Reason[] = []
  const notes: Reason[] = []
  if (facts.current !== 'complete' || facts.releaseBlock === undefined) {
    const message =
      facts.current === undefined
        ? 'the status step did not report what is deployed'
        : 'nothing complete is deployed, so no scheduled job runs'
    return { status: 'Unknown', reasons: [{ code: 'not-deployed', message }], notes, jobs: [] }
  }
  if (facts.queue === undefined)
    reasons.push({
      code: 'queue-unreadable',
      message: `Slurm's queue could not be read (squeue): ${facts.queueError ?? 'not reported'}`
    })
  if (facts.runs === undefined)
    reasons.push({
      code: 'runs-unreadable',
      message: `Slurm's accounting could not be read (sacct): ${facts.runsError ?? 'not reported'}`
    })
  const entries = scrontabEntries(facts.releaseBlock)
  if (entries.length === 0) notes.push({ code: 'no-jobs', message: 'the live release schedules no jobs' })
  const jobs = entries.map(entry => jobHealth(entry, input))
  for (const job of jobs) reasons.push(...job.reasons.map(r => ({ ...r, job: job.name })))
  const worst = jobs.map(j => j.health)
  const status: HealthStatus = worst.includes('Degraded')
    ? 'Degraded'
    : worst.includes('Unknown') || reasons.length > 0
      ? 'Unknown'
      : 'Healthy'
  return { status, reasons, notes, jobs }
}

function jobHealth(entry: ScrontabEntry, input: HealthInput): JobHealth {
  const { facts } = input
  const now = facts.clockMs ?? input.nowMs
  const zone = facts.timeZone
  const at = (ms: number) => `${formatClusterTime(zone, ms)} (${formatRelative(ms, now)})`
  const name = /\/jobs\/([^/\s]+)\.sh$/.exec(entry.command)?.[1] ?? entry.jobName
  const records = (facts.runs ?? []).filter(r => r.name === entry.jobName)
  const runs = records
    .map(record => ({ record, outcome: runOutcome(record) }))
    .filter(run => run.outcome.kind !== 'not-a-run')
    .sort((a, b) => b.record.startMs! - a.record.startMs!)
  // The cron job waits PENDING for its time; a copy of the job submitted by hand may be queued beside it.
  const queue = (facts.queue ?? []).filter(q => q.name === entry.jobName)
  const queued = queue.find(q => q.state === 'PENDING') ?? queue[0]
  const job: JobHealth = {
    name,
    jobName: entry.jobName,
    schedule: entry.schedule,
    enabled: !entry.disabled,
    health: 'Healthy',
    reasons: [],
    lastRuns: runs.slice(0, input.runsShown ?? 5).map(({ record, outcome }) => runView(record, outcome)),
    ...(queued ? { queued } : {})
  }
  if (entry.disabled) return job
  const degraded = (code: string, message: string) => job.reasons.push({ code, message })
  const unknown: Reason[] = []

  if (!entry.jobName)
    unknown.push({ code: 'no-job-name', message: 'its entry names no --job-name: its runs cannot be found' })
  const lastFinished = runs.find(run => run.outcome.kind !== 'running')
  if (lastFinished?.outcome.kind === 'failed') {
    const { record, outcome } = lastFinished
    // A run before the deploy ran the code live before: still the last word on the job until it runs again.
    const before =
      facts.liveSinceMs !== undefined && record.startMs! < facts.liveSinceMs
        ? ', before the live release went live'
        : ''
    degraded(
      'last-run-failed',
      `its last run (job ${record.jobId}, started ${at(record.startMs!)}${before}) failed: ${outcome.message}`
    )
  }
  if (facts.queue !== undefined && queue.length === 0)
    degraded(
      'not-queued',
      `Slurm has no cron job ${entry.jobName} queued, so it will not run (its entry is #DISABLED or gone from the scrontab; the next deploy installs it again)`
    )

  const schedule = readCronSchedule(entry.schedule)
  if (!schedule)
    unknown.push({ code: 'schedule-unreadable', message: `its schedule "${entry.schedule}" cannot be read` })
  else if (facts.runs !== undefined) {
    const [last, before] = previousFireTimes(schedule, zone, now, 2)
    // A run for the earlier of the last two scheduled times starts at or after it. A job is not late for times
    // before its release went live, nor before its cron job was installed or last requeued (its submit time).
    const latestStart = runs[0]?.record.startMs
    const since = Math.max(
      latestStart ?? -Infinity,
      queued?.submitMs ?? -Infinity,
      facts.liveSinceMs ?? -Infinity
    )
    const windowStart = now - input.lookbackSeconds * 1000
    if (last !== undefined && before !== undefined && since < before) {
      if (latestStart === undefined && windowStart > before)
        unknown.push({
          code: 'runs-out-of-reach',
          message: `no run in the last ${Math.round(input.lookbackSeconds / 86400)} days that sacct was asked about, and its schedule reaches further back`
        })
      else {
        const waiting =
          queued && queued.reason && queued.reason !== 'BeginTime'
            ? `; its cron job is ${queued.state.toLowerCase()} (${queued.reason})`
            : ''
        degraded(
          'missed',
          `no run started since ${at(before)}: its last two scheduled times passed without one (the last was ${at(last)})${latestStart === undefined ? '' : `; the latest run started ${at(latestStart)}`}${waiting}`
        )
      }
    }
  }
  job.reasons.push(...unknown)
  job.health =
    job.reasons.length === unknown.length ? (unknown.length > 0 ? 'Unknown' : 'Healthy') : 'Degraded'
  return job
}

function runView(record: RunRecord, outcome: RunOutcome): RunView {
  const summary =
    outcome.kind === 'running' ? 'RUNNING' : outcome.kind === 'not-a-run' ? record.state : outcome.summary
  return {
    jobId: record.jobId,
    state: record.state,
    exitCode: record.exitCode,
    outcome: outcome.kind,
    summary,
    ...(record.startMs !== undefined ? { startMs: record.startMs } : {}),
    ...(record.endMs !== undefined ? { endMs: record.endMs } : {}),
    ...(record.elapsedSeconds !== undefined ? { elapsedSeconds: record.elapsedSeconds } : {})
  }
}
