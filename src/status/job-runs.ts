// What one accounting record says about a run of a scheduled job. A cron job keeps its id, and every run that
// ends is requeued for the next time: sacct -D shows each such run as a record of state REQUEUED, whose exit code
// is that run's, and the instance waiting for its next start as PENDING. That instance ends CANCELLED, on no
// node ("None assigned"), when its cron job is cancelled or dropped (every scrontab install drops and resubmits
// all of the account's cron jobs): not a run, though sacct may give it a start time. A run that is not requeued (the last one before an install, which finishes as a
// one-off, or a job submitted by hand under the same name) ends in its own final state. (Slurm 22.05 on the
// test cluster: a cron run that exits 3 is REQUEUED 3:0, one stopped at its time limit REQUEUED 0:15.)
import {
  isActiveState,
  jobResult,
  parseExitCode,
  parseJobState,
  type JobState
} from '../sandbox/job-state.js'
import type { RunRecord } from './facts.js'

export type RunOutcome =
  | { kind: 'running' }
  | { kind: 'succeeded'; summary: string }
  | { kind: 'failed'; summary: string; message: string }
  /** A record that is not a run: the queued instance, or one that never started. */
  | { kind: 'not-a-run' }

export function runOutcome(record: RunRecord): RunOutcome {
  if (record.startMs === undefined || record.nodes === NEVER_RAN) return { kind: 'not-a-run' }
  const state = parseJobState(record.state)
  const exit = parseExitCode(record.exitCode)
  if (state.name === 'REQUEUED') {
    // The run ended and the cron job was requeued: the exit code tells how the run ended. A run stopped at its
    // time limit was signalled (0:15) after running that long; sacct keeps TIMEOUT for jobs that are not requeued.
    const ok = exit && exit.code === 0 && exit.signal === 0
    const limited =
      exit !== undefined &&
      exit.signal !== 0 &&
      record.timeLimitSeconds !== undefined &&
      (record.elapsedSeconds ?? 0) >= record.timeLimitSeconds
    return outcomeOf(ok ? completed : limited ? timedOut : failed, limited ? undefined : exit)
  }
  if (isActiveState(state)) return { kind: 'running' }
  return outcomeOf(state, exit)
}

const NEVER_RAN = 'None assigned'

const completed: JobState = { name: 'COMPLETED', text: 'COMPLETED' }
const failed: JobState = { name: 'FAILED', text: 'FAILED' }
const timedOut: JobState = { name: 'TIMEOUT', text: 'TIMEOUT' }

function outcomeOf(state: JobState, exit: ReturnType<typeof parseExitCode>): RunOutcome {
  const result = jobResult(state, exit)
  return result.succeeded
    ? { kind: 'succeeded', summary: result.summary }
    : { kind: 'failed', summary: result.summary, message: result.message }
}
