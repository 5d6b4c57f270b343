// Follows one submitted Slurm job to its end over the already open connection: its state at a polite, decaying
// rate (poll-schedule.ts), its output file streamed as it grows (log-stream.ts), and its result from sacct.
//
// - squeue answers while the job is known to the controller; once it is final or forgotten (MinJobAge), the
//   result comes from `sacct -X` limited to this job's submit time, since a job id can be reused after the
//   controller lost its state. Accounting lags by seconds: a missing or not yet final row is asked again.
// - A few failed queries in a row are tolerated; a dropped connection is re-established (watch-connection.ts).
// - On abort (the runner cancels the step) the job is cancelled by id; at the watch timeout it is cancelled or
//   left running, as configured.
import type { SandboxConfig } from '../config/types.js'
import type { Transport } from '../transport/types.js'
import { timeLimitMinutes, checkTimeLimit } from '../validate/time-limit.js'
import { cancelJob, type CancelOutcome } from './cancel.js'
import { cronRunResult, isFinalState, jobResult, type JobState } from './job-state.js'
import { LogStream } from './log-stream.js'
import { PollSchedule } from './poll-schedule.js'
import {
  parseSacct,
  parseSqueue,
  sacctCommand,
  squeueCommand,
  type AccountingRecord,
  type QueueEntry
} from './slurm-queries.js'
import { secondsBetween } from './slurm-time.js'
import { ConnectionLostError, WatchConnection, type ConnectionEvent } from './watch-connection.js'

export interface WatchJobOptions {
  transport: Transport
  /** Opens a new connection after a drop (same settings as `transport`). Without it a drop ends the watch. */
  reconnect?: () => Promise<Transport>
  jobId: string
  /**
   * A time at or before the job's submission, as Slurm prints it (e.g. `date +%Y-%m-%dT%H:%M:%S` on the login
   * node just before sbatch; submitJob returns it). sacct looks no earlier. Without it, squeue's submit time is
   * used, and for a job squeue never showed, the latest job with this id.
   */
  submittedAfter?: string
  /** The job's output file (its --output). */
  logPath: string
  /** Bytes of the log already shown (resuming a watch). Default 0. */
  logOffset?: number
  /**
   * What is followed. `job` (default): the job, to its final state. `run`: the run of a cron (scrontab) job now
   * in progress, to its end: Slurm then requeues the job for its next run (squeue lists it pending again) and
   * accounts the run REQUEUED with its exit code (cronRunResult). A cron job is never cancelled here, since
   * cancelling one disables its scrontab entry: abort and the watch timeout leave it as it is.
   */
  follow?: 'job' | 'run'
  /** The job's output, byte chunks in order, each byte once. */
  onOutput: (chunk: Buffer) => void
  /** State changes, reconnects, failed queries, …; formatWatchEvent() words them. */
  onEvent?: (event: WatchEvent) => void
  /** Abort = cancel the job (scancel by id) and return a cancelled outcome. */
  signal?: AbortSignal
  /** Give up after this long. Default: the job's time limit (from squeue) plus `queueAllowanceMs`. */
  timeoutMs?: number
  /** Default 60 min (sandbox.queueAllowanceMinutes). */
  queueAllowanceMs?: number
  /** At the watch timeout: cancel the job or leave it running. Default cancel (sandbox.onWatchTimeout). */
  onTimeout?: 'cancel' | 'leave'
  /** Longest pause between two state queries. Default 30 s (sandbox.pollCapSeconds). */
  pollCapMs?: number
  /** How long to try reconnecting after a drop. Default 300 s (sandbox.reconnectSeconds). */
  reconnectMs?: number
  /** Failed Slurm queries in a row before the watch gives up. Default 3. */
  maxFailedQueries?: number
  /** How long to keep asking sacct for the final record once squeue has let the job go. Default 60 s. */
  accountingWaitMs?: number
  /** Run Slurm commands under `bash -l` (cluster.loginShell). Default true. */
  loginShell?: boolean
  /** For tests: the clock and the jitter source of the poll schedule. */
  now?: () => number
  random?: () => number
}

export type WatchEvent =
  | { kind: 'state'; jobId: string; state: JobState; reason: string; node?: string; previous?: JobState }
  | { kind: 'query-failed'; jobId: string; message: string; inARow: number; limit: number }
  | { kind: 'accounting-pending'; jobId: string; detail: string }
  | { kind: 'timeout'; jobId: string; afterMs: number; action: 'cancel' | 'leave' }
  | { kind: 'cancelling'; jobId: string; why: 'abort' | 'timeout' }
  | { kind: 'cancelled'; jobId: string; outcome: CancelOutcome }
  | { kind: 'log-problem'; jobId: string; message: string }
  | (ConnectionEvent & { jobId: string })

/**
 * How the watch ended:
 * - `finished`: the job reached a final state by itself (its result decides `succeeded`);
 * - `cancelled`: the watch was aborted and cancelled the job;
 * - `timed-out`: the watch timeout passed and cancelled the job;
 * - `left-running`: the watch timeout passed and left the job as it was (onTimeout: leave);
 * - `connection-lost`: the connection dropped and could not be re-established; the job was left as it was;
 * - `unknown`: Slurm queries kept failing, or neither squeue nor sacct knew the job.
 */
export type WatchEnding =
  'finished' | 'cancelled' | 'timed-out' | 'left-running' | 'connection-lost' | 'unknown'

export interface WatchOutcome {
  jobId: string
  ending: WatchEnding
  /** Only a job that COMPLETED with exit code 0 succeeds. */
  succeeded: boolean
  /** Short: "COMPLETED", "FAILED 3:0", "TIMEOUT", "CANCELLED by 1001", "left running (RUNNING)". */
  summary: string
  /** One or two sentences for the log and the job summary. */
  message: string
  /** The final state (or the last one seen). */
  state?: JobState
  exitCode?: number
  signal?: number
  reason?: string
  node?: string
  submitTime?: string
  startTime?: string
  endTime?: string
  queuedSeconds?: number
  ranSeconds?: number
  slurmQueries: number
  reconnects: number
  /** Bytes of the log delivered by this watch (not counting `logOffset`). */
  bytesStreamed: number
  /** Offset to resume from: `logOffset` + bytesStreamed. */
  logOffset: number
  logPath: string
  /** The connection in use at the end: a reconnect replaces (and closes) the one passed in. */
  transport: Transport
}

/** The watch settings of the config's sandbox section, as WatchJobOptions fields. */
export function watchSettings(
  sandbox: Pick<
    SandboxConfig,
    'pollCapSeconds' | 'queueAllowanceMinutes' | 'onWatchTimeout' | 'reconnectSeconds'
  >
): Pick<WatchJobOptions, 'pollCapMs' | 'queueAllowanceMs' | 'onTimeout' | 'reconnectMs'> {
  return {
    pollCapMs: sandbox.pollCapSeconds * 1000,
    queueAllowanceMs: sandbox.queueAllowanceMinutes * 60_000,
    onTimeout: sandbox.onWatchTimeout,
    reconnectMs: sandbox.reconnectSeconds * 1000
  }
}

/** The default watch timeout: the time limit (as Slurm or the config writes it) plus the queue allowance. */
export function watchTimeoutMs(timeLimit: string, queueAllowanceMs: number): number | undefined {
  if (checkTimeLimit(timeLimit, { allowUnlimited: true }) !== null) return undefined
  const minutes = timeLimitMinutes(timeLimit)
  return Number.isFinite(minutes) ? minutes * 60_000 + queueAllowanceMs : undefined
}

// The runner KILLs 10 s after its first signal: cancel, record and drain within 8 s of the abort.
const CANCEL_MS = 5000
const CANCEL_TOTAL_MS = 8000
const DRAIN_MS = 5000

/** Watches the job to its end (or the watch's). Never throws for anything that happens on the cluster. */
export async function watchJob(options: WatchJobOptions): Promise<WatchOutcome> {
  const now = options.now ?? Date.now
  const started = now()
  const jobId = options.jobId
  const emit = (event: WatchEvent) => options.onEvent?.(event)
  const connection = new WatchConnection(options.transport, {
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    reconnectMs: options.reconnectMs ?? 300_000,
    loginShell: options.loginShell ?? true,
    onEvent: event => emit({ ...event, jobId }),
    now
  })
  const schedule = new PollSchedule(started, {
    capMs: options.pollCapMs ?? 30_000,
    ...(options.random ? { random: options.random } : {})
  })
  const startOffset = options.logOffset ?? 0
  const oneRun = options.follow === 'run'
  const log = new LogStream(connection, options.logPath, options.onOutput, {
    offset: startOffset,
    onProblem: message => emit({ kind: 'log-problem', jobId, message })
  })
  const maxFailed = options.maxFailedQueries ?? 3
  const accountingWaitMs = options.accountingWaitMs ?? 60_000
  const queueAllowanceMs = options.queueAllowanceMs ?? 60 * 60_000

  let timeoutMs = options.timeoutMs
  let submitTime = options.submittedAfter
  let lastQueue: QueueEntry | undefined
  let lastRecord: AccountingRecord | undefined
  let askAccounting = false
  let leftQueueAt: number | undefined
  let failedInARow = 0
  let lastFailure = ''
  let lastAccountingDetail: string | undefined

  const finish = async (
    ending: WatchEnding,
    fields: Partial<WatchOutcome> & Pick<WatchOutcome, 'summary' | 'message'>,
    drainMs = DRAIN_MS
  ): Promise<WatchOutcome> => {
    await log.stop()
    await log.drain(drainMs)
    const record = lastRecord
    const queue = lastQueue
    const state = fields.state ?? record?.state ?? queue?.state
    const startTime = record?.startTime ?? queue?.startTime
    const endTime = record?.endTime
    const submit = record?.submitTime ?? queue?.submitTime
    const node = record?.node ?? queue?.node
    const reason = record?.reason ?? queue?.reason
    const queued = secondsBetween(submit, startTime)
    const ran = secondsBetween(startTime, endTime)
    return {
      jobId,
      ending,
      succeeded: false,
      ...(state ? { state } : {}),
      ...(record?.exit ? { exitCode: record.exit.code, signal: record.exit.signal } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(node !== undefined ? { node } : {}),
      ...(submit !== undefined ? { submitTime: submit } : {}),
      ...(startTime !== undefined ? { startTime } : {}),
      ...(endTime !== undefined ? { endTime } : {}),
      ...(queued !== undefined ? { queuedSeconds: queued } : {}),
      ...(ran !== undefined ? { ranSeconds: ran } : {}),
      ...fields,
      slurmQueries: connection.slurmQueries,
      reconnects: connection.reconnects,
      bytesStreamed: log.offset - startOffset,
      logOffset: log.offset,
      logPath: options.logPath,
      transport: connection.transport
    }
  }

  /** scancel by id, bounded in time even if the connection is down; then the accounting record, if quick. */
  const cancelAndFinish = async (ending: 'cancelled' | 'timed-out', why: 'abort' | 'timeout') => {
    emit({ kind: 'cancelling', jobId, why })
    const deadline = now() + CANCEL_TOTAL_MS
    const cancelled = await raceTimeout(
      cancelJob(connection, jobId, { timeoutMs: CANCEL_MS - 500, now }).catch(
        (err: unknown): CancelOutcome => ({
          jobId,
          confirmed: false,
          alreadyFinished: false,
          message: `could not cancel job ${jobId}: ${err instanceof Error ? err.message : String(err)}`,
          queries: 0
        })
      ),
      CANCEL_MS
    )
    const outcome: CancelOutcome = cancelled ?? {
      jobId,
      confirmed: false,
      alreadyFinished: false,
      message: `could not cancel job ${jobId} within ${CANCEL_MS / 1000} s; cancel it with scancel ${jobId}`,
      queries: 0
    }
    emit({ kind: 'cancelled', jobId, outcome })
    // One look at the accounting record for the times and the state, if there is time left.
    const drainMs = () => Math.max(500, deadline - now())
    if (deadline - now() > 3000 && submitTime !== undefined) {
      const answer = await raceTimeout(
        connection.slurm(sacctCommand(jobId, submitTime), 1500).catch(() => undefined),
        1500
      )
      if (answer?.kind === 'done') {
        const parsed = parseSacct(jobId, answer.result, submitTime)
        if (parsed.kind === 'recorded') lastRecord = parsed.record
      }
    }
    if (outcome.alreadyFinished && lastRecord && isFinalState(lastRecord.state)) {
      const result = jobResult(lastRecord.state, lastRecord.exit)
      return finish(
        'finished',
        { succeeded: result.succeeded, summary: result.summary, message: result.message },
        drainMs()
      )
    }
    const summary = why === 'abort' ? 'cancelled' : 'watch timed out'
    return finish(
      ending,
      {
        summary: `${summary} (${lastRecord?.state.text ?? outcome.state?.text ?? 'CANCELLED'})`,
        message:
          (why === 'abort'
            ? `the watch was cancelled, so job ${jobId} was cancelled: `
            : `the watch timed out after ${formatMs(now() - started)}, so job ${jobId} was cancelled: `) +
          outcome.message
      },
      drainMs()
    )
  }

  log.start()
  try {
    for (;;) {
      const deadline = timeoutMs === undefined ? Infinity : started + timeoutMs
      const wakeAt = Math.min(schedule.nextQueryAt(), deadline)
      await sleepUntil(wakeAt, now, options.signal)
      if (options.signal?.aborted) {
        if (!oneRun) return await cancelAndFinish('cancelled', 'abort')
        return await finish('left-running', {
          summary: `left running (${lastQueue?.state.text ?? 'unknown state'})`,
          message: `stopped following job ${jobId}; it was left as it is (a cron job is never cancelled from here)`
        })
      }
      if (now() >= deadline) {
        const action = oneRun ? 'leave' : (options.onTimeout ?? 'cancel')
        emit({ kind: 'timeout', jobId, afterMs: now() - started, action })
        if (action === 'cancel') return await cancelAndFinish('timed-out', 'timeout')
        const state = lastQueue?.state.text ?? 'unknown state'
        return await finish('left-running', {
          summary: `left running (${state})`,
          message:
            `the watch timed out after ${formatMs(now() - started)}; job ${jobId} was left as it is (${state}): ` +
            `follow it with \`slurm-gitops watch ${jobId}\`, cancel it with \`slurm-gitops cancel ${jobId}\``
        })
      }

      const at = now()
      const command = askAccounting
        ? sacctCommand(jobId, submitTime, { everyRun: oneRun })
        : squeueCommand(jobId)
      // A query stuck on a dead connection must not hold up a cancel.
      const answer = await raceAbort(connection.slurm(command), options.signal)
      if (answer === undefined) continue
      if (answer.kind === 'reconnected') {
        schedule.recordQuery(at, { soon: true })
        continue
      }

      if (!askAccounting) {
        const queue = parseSqueue(jobId, answer.result)
        if (queue.kind === 'error') {
          failedInARow++
          lastFailure = queue.message
          emit({
            kind: 'query-failed',
            jobId,
            message: queue.message,
            inARow: failedInARow,
            limit: maxFailed
          })
          if (failedInARow >= maxFailed) return await giveUp()
          schedule.recordQuery(at, { soon: true })
          continue
        }
        failedInARow = 0
        if (queue.kind === 'listed') {
          const entry = queue.entry
          const changed =
            !lastQueue || lastQueue.state.text !== entry.state.text || lastQueue.reason !== entry.reason
          if (changed) {
            emit({
              kind: 'state',
              jobId,
              state: entry.state,
              reason: entry.reason,
              ...(entry.node ? { node: entry.node } : {}),
              ...(lastQueue ? { previous: lastQueue.state } : {})
            })
          }
          lastQueue = entry
          submitTime ??= entry.submitTime
          if (timeoutMs === undefined) {
            const derived = watchTimeoutMs(entry.timeLimit, queueAllowanceMs)
            if (derived !== undefined) timeoutMs = derived
          }
          // A cron job listed pending again was requeued: the run followed is over.
          if (isFinalState(entry.state) || (oneRun && entry.state.name === 'PENDING')) {
            askAccounting = true
            leftQueueAt = at
          }
          schedule.recordQuery(at, { changed, soon: askAccounting })
          continue
        }
        // Not listed: forgotten after the end (MinJobAge), or not visible yet just after submit.
        askAccounting = true
        leftQueueAt ??= at
        schedule.recordQuery(at, { changed: lastQueue !== undefined, soon: true })
        continue
      }

      // One run of a cron job: its own row, the first submitted since the run's submit.
      const accounting = parseSacct(jobId, answer.result, submitTime, oneRun ? 'first' : 'latest')
      if (accounting.kind === 'error') {
        failedInARow++
        lastFailure = accounting.message
        emit({
          kind: 'query-failed',
          jobId,
          message: accounting.message,
          inARow: failedInARow,
          limit: maxFailed
        })
        if (failedInARow >= maxFailed) return await giveUp()
        schedule.recordQuery(at, { soon: true })
        continue
      }
      failedInARow = 0
      if (accounting.kind === 'recorded') {
        lastRecord = accounting.record
        submitTime ??= accounting.record.submitTime
        const { state, exit, endTime } = accounting.record
        if (isFinalState(state) || (oneRun && state.name === 'REQUEUED' && endTime !== undefined)) {
          schedule.recordQuery(at, { changed: true })
          const result = oneRun ? cronRunResult(state, exit) : jobResult(state, exit)
          return await finish('finished', {
            succeeded: result.succeeded,
            summary: result.summary,
            message: result.message
          })
        }
      }
      // No final record yet. A job squeue never listed may simply not be visible yet: look at squeue again.
      if (lastQueue === undefined && accounting.kind === 'unrecorded' && at - started < accountingWaitMs) {
        askAccounting = false
        leftQueueAt = undefined
      }
      if (
        at - (leftQueueAt ?? at) > accountingWaitMs ||
        (lastQueue === undefined && at - started >= accountingWaitMs)
      ) {
        const known = lastQueue !== undefined || accounting.kind === 'recorded'
        return await finish('unknown', {
          summary: known ? 'no final record' : 'unknown job',
          message: known
            ? `job ${jobId} left the queue, but after ${formatMs(accountingWaitMs)} sacct still shows ` +
              `${accounting.kind === 'recorded' ? accounting.record.state.text : 'no record'} for it; ` +
              `check with sacct -j ${jobId}`
            : `job ${jobId} is unknown to squeue and to sacct${submitTime ? ` since ${submitTime}` : ''}: ` +
              'was it submitted on this cluster?'
        })
      }
      const detail = accounting.kind === 'recorded' ? accounting.record.state.text : 'no record yet'
      if (lastQueue !== undefined && detail !== lastAccountingDetail) {
        emit({ kind: 'accounting-pending', jobId, detail })
      }
      lastAccountingDetail = detail
      schedule.recordQuery(at, { soon: true })
    }
  } catch (err) {
    if (!(err instanceof ConnectionLostError)) throw err
    return await finish('connection-lost', {
      summary: 'connection lost',
      message: `${err.message}; job ${jobId} was left as it is: follow it with \`slurm-gitops watch ${jobId}\``
    })
  } finally {
    await log.stop()
  }

  async function giveUp(): Promise<WatchOutcome> {
    return finish('unknown', {
      summary: 'Slurm queries failed',
      message:
        `${failedInARow} Slurm queries in a row failed (last: ${lastFailure}); job ${jobId} was left as it is: ` +
        `follow it with \`slurm-gitops watch ${jobId}\``
    })
  }
}

/** Sleeps until `at` (by `now`), or until `signal` aborts. */
async function sleepUntil(at: number, now: () => number, signal?: AbortSignal): Promise<void> {
  const ms = at - now()
  if (ms <= 0 || signal?.aborted) return
  await new Promise<void>(resolve => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** The promise's value, or undefined as soon as `signal` aborts. */
async function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T | undefined> {
  if (!signal) return promise
  if (signal.aborted) return undefined
  let onAbort: (() => void) | undefined
  const aborted = new Promise<undefined>(resolve => {
    onAbort = () => resolve(undefined)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([promise, aborted])
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}

/** The promise's value, or undefined when it has not settled within `ms`. */
async function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>(resolve => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, ms))
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function formatMs(ms: number): string {
  const s = Math.round(ms / 1000)
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`
}
