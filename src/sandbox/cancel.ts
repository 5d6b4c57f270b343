// Cancelling a sandbox job: `scancel <jobid>`, by job id only. By name or by user it would also end the
// account's cron jobs and disable their scrontab entries. Then confirm that Slurm took it (CANCELLED, or
// COMPLETING while its processes end, or gone from the queue), all well inside the 10 s the runner allows between
// its first signal and its KILL.
import type { Transport } from '../transport/types.js'
import { isFinalState, type JobState } from './job-state.js'
import { parseSqueue, scancelCommand, squeueCommand } from './slurm-queries.js'
import { WatchConnection } from './watch-connection.js'

export interface CancelOptions {
  /** Give up confirming after this long. Default 7000 ms. */
  timeoutMs?: number
  now?: () => number
}

export interface CancelOutcome {
  jobId: string
  /** Slurm accepted the cancel and the job is cancelled, ending, or gone from the queue. */
  confirmed: boolean
  /** The last state squeue showed, if it still listed the job. */
  state?: JobState
  /** The job had ended by itself before the cancel reached it (its state is its result). */
  alreadyFinished: boolean
  message: string
  /** Slurm commands sent (scancel and the squeue checks). */
  queries: number
}

/** Cancels `jobId` and waits (briefly) until Slurm confirms it. Never throws for a Slurm refusal: it reports it. */
export async function cancelJob(
  target: Transport | WatchConnection,
  jobId: string,
  options: CancelOptions = {}
): Promise<CancelOutcome> {
  const connection = target instanceof WatchConnection ? target : new WatchConnection(target)
  const now = options.now ?? Date.now
  const deadline = now() + (options.timeoutMs ?? 7000)
  const before = connection.slurmQueries
  const remaining = () => Math.max(500, deadline - now())
  const outcome = (fields: Omit<CancelOutcome, 'jobId' | 'queries'>): CancelOutcome => ({
    jobId,
    ...fields,
    queries: connection.slurmQueries - before
  })

  let problem: string | undefined
  // A drop under scancel: ask again on the new connection (scancel of a cancelled job is harmless).
  for (let attempt = 0; attempt < 2 && now() < deadline; attempt++) {
    const answer = await connection.slurm(scancelCommand(jobId), remaining())
    if (answer.kind === 'reconnected') continue
    problem =
      answer.result.code === 0
        ? undefined
        : `scancel ${jobId} exited ${answer.result.code}: ${answer.result.stderr.trim() || answer.result.stdout.trim()}`
    break
  }

  let state: JobState | undefined
  let pauseMs = 250
  while (now() < deadline) {
    const answer = await connection.slurm(squeueCommand(jobId), remaining())
    if (answer.kind === 'done') {
      const queue = parseSqueue(jobId, answer.result)
      if (queue.kind === 'unlisted') {
        return outcome({
          confirmed: true,
          alreadyFinished: false,
          message: `job ${jobId} cancelled: it is no longer in the queue`
        })
      }
      if (queue.kind === 'listed') {
        state = queue.entry.state
        if (state.name === 'CANCELLED' || state.name === 'COMPLETING') {
          return outcome({
            confirmed: true,
            state,
            alreadyFinished: false,
            message: `job ${jobId} cancelled (${state.text})`
          })
        }
        if (isFinalState(state)) {
          return outcome({
            confirmed: true,
            state,
            alreadyFinished: true,
            message: `job ${jobId} had already ended (${state.text}) when the cancel reached it`
          })
        }
      }
    }
    await new Promise(resolve => setTimeout(resolve, Math.min(pauseMs, Math.max(0, deadline - now()))))
    pauseMs = Math.min(pauseMs * 2, 2000)
  }
  return outcome({
    confirmed: false,
    ...(state ? { state } : {}),
    alreadyFinished: false,
    message:
      `could not confirm that job ${jobId} was cancelled` +
      (problem ? `: ${problem}` : state ? `: it is still ${state.text}` : '') +
      `; check with squeue -j ${jobId} and cancel it with scancel ${jobId}`
  })
}
