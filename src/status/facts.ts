// What the status step reported (deploy-templates/steps/status.sh), read into typed facts. Nothing is decided
// here: sync.ts and health.ts do that. A fact the step did not report is `undefined` (an older or overridden
// step, or a status run that stopped early), which the decisions read as "unknown", never as "fine".
import type { ResultKey } from '../deploy/results.js'
import { clusterTimeZone, type ClusterTimeZone } from './cluster-time.js'

export type CurrentState = 'complete' | 'incomplete' | 'missing'

/** A file of the live release's rendered directory that differs from its checksum. */
export interface ChangedFile {
  change: 'modified' | 'missing' | 'added'
  path: string
}

/** A job of this deployment in Slurm's queue (squeue): a cron job waits there, PENDING, for its next start. */
export interface QueuedJob {
  jobId: string
  name: string
  state: string
  /** The next start (PENDING: the begin time Slurm computed from the schedule), or the current run's start. */
  startMs?: number
  /** When the job was submitted: for a cron job, its install or the end of its last run (it is requeued). */
  submitMs?: number
  /** squeue's reason, e.g. BeginTime, Resources. */
  reason: string
}

/** One record of Slurm's accounting (sacct -D): one run, or the queued instance of a cron job. */
export interface RunRecord {
  jobId: string
  name: string
  /** As sacct prints it: COMPLETED, FAILED, REQUEUED (a cron job's finished run), CANCELLED by 1001, … */
  state: string
  /** `code:signal`. */
  exitCode: string
  submitMs?: number
  startMs?: number
  endMs?: number
  elapsedSeconds?: number
  /** The run's time limit; undefined for UNLIMITED. */
  timeLimitSeconds?: number
  /** Where it ran; `None assigned` for a record that never ran. */
  nodes: string
}

export interface StatusFacts {
  /** The commit behind `current`; '' when none. */
  sha: string
  current?: CurrentState
  release: string
  /** When the live release went live (`current` last changed). */
  liveSinceMs?: number
  /** The live release's scrontab block. */
  releaseBlock?: string
  /** This deployment's block as the table holds it ('' when the table has none). */
  tableBlock?: string
  /** Why the table could not be read. */
  tableError?: string
  /** An unfinished go-live a running deploy holds the lock for; '' when none. */
  goingLive?: string
  /** What status repaired first (an interrupted go-live); '' when nothing. */
  repaired: string
  releaseFiles?: 'verified' | 'changed' | 'unverifiable'
  changedFiles: ChangedFile[]
  /** Stable paths ($ROOT/env.sh, …) that no longer point into `current`. */
  staleLinks?: string[]
  /** The cluster's clock. */
  clockMs?: number
  timeZone: ClusterTimeZone
  queue?: QueuedJob[]
  queueError?: string
  runs?: RunRecord[]
  runsError?: string
}

type Results = Readonly<Record<string, string>>

/** The facts of one status run's results (`report.results`). */
export function statusFacts(results: Results): StatusFacts {
  const value = (key: ResultKey): string | undefined => results[key]
  const decoded = (key: ResultKey): string | undefined => {
    const text = value(key)
    return text === undefined ? undefined : Buffer.from(text, 'base64').toString('utf8')
  }
  const none = (text: string | undefined) => (text === undefined || text === '-' ? '' : text)
  const current = value('current')
  const files = value('release-files')
  const links = value('stable-links')
  const clock = Number(value('clock'))
  return {
    sha: none(value('sha')),
    current:
      current === 'complete' || current === 'incomplete' || current === 'missing' ? current : undefined,
    release: value('release') ?? '',
    liveSinceMs: epochMs(value('live-since')),
    releaseBlock: decoded('release-block'),
    tableBlock: decoded('scrontab-block'),
    tableError: value('scrontab-error'),
    goingLive: value('golive') === undefined ? undefined : none(value('golive')),
    repaired: value('repaired') ?? '',
    releaseFiles: files === 'verified' || files === 'changed' || files === 'unverifiable' ? files : undefined,
    changedFiles: parseChangedFiles(value('changed-files') ?? ''),
    staleLinks: links === undefined ? undefined : links === 'ok' ? [] : links.split(/\s+/).filter(Boolean),
    clockMs: value('clock') !== undefined && Number.isFinite(clock) ? clock * 1000 : undefined,
    timeZone: clusterTimeZone(value('time-zone') ?? '', value('utc-offset') ?? ''),
    queue: rows(decoded('queue'), queuedJob),
    queueError: value('queue-error'),
    runs: rows(decoded('runs'), runRecord),
    runsError: value('runs-error')
  }
}

function parseChangedFiles(text: string): ChangedFile[] {
  return text
    .split(/\s+/)
    .map(token => /^(modified|missing|added):(.+)$/.exec(token))
    .filter(match => match !== null)
    .map(match => ({ change: match[1] as ChangedFile['change'], path: match[2]! }))
}

function rows<T>(text: string | undefined, read: (fields: string[]) => T): T[] | undefined {
  if (text === undefined) return undefined
  return text
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => read(line.split('|')))
}

/** squeue -o '%i|%j|%T|%S|%V|%r' with SLURM_TIME_FORMAT=%s. */
function queuedJob([jobId = '', name = '', state = '', start, submit, reason = '']: string[]): QueuedJob {
  return { jobId, name, state, startMs: epochMs(start), submitMs: epochMs(submit), reason }
}

/** sacct -o JobID,JobName,State,ExitCode,Submit,Start,End,Elapsed,Timelimit,NodeList with SLURM_TIME_FORMAT=%s. */
function runRecord([
  jobId = '',
  name = '',
  state = '',
  exitCode = '',
  submit,
  start,
  end,
  elapsed,
  limit,
  nodes = ''
]: string[]): RunRecord {
  return {
    jobId,
    name,
    state,
    exitCode,
    submitMs: epochMs(submit),
    startMs: epochMs(start),
    endMs: epochMs(end),
    elapsedSeconds: durationSeconds(elapsed),
    timeLimitSeconds: durationSeconds(limit),
    nodes
  }
}

/** Epoch seconds as Slurm prints them under SLURM_TIME_FORMAT=%s; None, Unknown, N/A are undefined. */
function epochMs(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) * 1000 : undefined
}

/** Slurm's `[D-]HH:MM:SS`, `MM:SS` or `MM:SS.mmm`. */
export function durationSeconds(text: string | undefined): number | undefined {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)(?:\.\d+)?$/.exec(text?.trim() ?? '')
  if (!match) return undefined
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)
}
