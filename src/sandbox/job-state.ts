// Slurm job states and what a finished job's state means for the step. squeue and sacct print one state per
// job: the base state, or a flag that takes its place (COMPLETING, CONFIGURING, REQUEUED, …; see Slurm's
// job_state_string() and the "Job State Codes" page). sacct adds " by <uid>" to CANCELLED, and a state cut to
// the column width ends in "+".

/** States after which the job will not run again: its accounting record is its result. */
const FINAL_STATES = new Set([
  'BOOT_FAIL',
  'CANCELLED',
  'COMPLETED',
  'DEADLINE',
  'FAILED',
  'NODE_FAIL',
  'OUT_OF_MEMORY',
  'PREEMPTED',
  'TIMEOUT',
  // a federated sibling started elsewhere: this cluster's copy will never run
  'REVOKED'
])

/**
 * States of a job that is still queued, running or about to change. Held and requeued jobs are not over: they can
 * be released and run, so the watch keeps going (and its timeout decides).
 */
const ACTIVE_STATES = new Set([
  'PENDING',
  'CONFIGURING',
  'RUNNING',
  'COMPLETING',
  'SUSPENDED',
  'STOPPED',
  'REQUEUED',
  'REQUEUE_HOLD',
  'REQUEUE_FED',
  'SPECIAL_EXIT',
  'RESV_DEL_HOLD',
  'RESIZING',
  'SIGNALING',
  'STAGE_OUT',
  'POWER_UP_NODE',
  'UPDATE_DB',
  'LAUNCH_FAILED',
  'RECONFIG_FAIL'
])

export interface JobState {
  /** The state word: COMPLETED, CANCELLED, PENDING, … ("" when Slurm gave no answer yet). */
  name: string
  /** As Slurm printed it, e.g. "CANCELLED by 1001". */
  text: string
  /** For CANCELLED: the uid that cancelled the job, when Slurm said. */
  cancelledBy?: string
}

/** Reads a state as squeue or sacct print it: "RUNNING", "CANCELLED by 1001", "CANCELLED+". */
export function parseJobState(text: string): JobState {
  const trimmed = text.trim()
  const match = /^([A-Z_]*)\+?(?:\s+by\s+(\S+))?/.exec(trimmed)
  const name = match?.[1] ?? ''
  const cancelledBy = match?.[2]
  return cancelledBy === undefined ? { name, text: trimmed } : { name, text: trimmed, cancelledBy }
}

/** True for a state the job will not leave. An empty answer (just after submit) and unknown words are not final. */
export function isFinalState(state: JobState | string): boolean {
  const name = typeof state === 'string' ? parseJobState(state).name : state.name
  return FINAL_STATES.has(name)
}

/** True for a state Slurm documents as queued, running or in transition. */
export function isActiveState(state: JobState | string): boolean {
  const name = typeof state === 'string' ? parseJobState(state).name : state.name
  return ACTIVE_STATES.has(name)
}

export interface ExitStatus {
  /** The batch script's exit code. */
  code: number
  /** The signal that ended it, 0 for none. */
  signal: number
}

/** Reads sacct's ExitCode "code:signal" (e.g. "3:0", "0:15"); undefined when it is not one. */
export function parseExitCode(text: string): ExitStatus | undefined {
  const match = /^(\d+):(\d+)$/.exec(text.trim())
  if (!match) return undefined
  return { code: Number(match[1]), signal: Number(match[2]) }
}

const SIGNAL_NAMES: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  6: 'SIGABRT',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  15: 'SIGTERM'
}

export function signalName(signal: number): string {
  return SIGNAL_NAMES[signal] ?? `signal ${signal}`
}

/** Why a finished job failed, in the words a user needs; undefined for the states without an explanation. */
const STATE_MEANING: Record<string, string> = {
  FAILED: 'the job script exited non-zero',
  TIMEOUT: 'the job reached its time limit',
  CANCELLED: 'the job was cancelled',
  OUT_OF_MEMORY: 'the job ran out of memory',
  NODE_FAIL: 'a node of the job failed',
  PREEMPTED: 'the job was preempted',
  BOOT_FAIL: 'a node of the job failed to boot',
  DEADLINE: 'the job missed its deadline',
  REVOKED: 'the job was revoked by its federation'
}

export interface JobResult {
  /** The step passes only for COMPLETED with exit code 0 and no signal. */
  succeeded: boolean
  /** Short, for titles and outputs: "COMPLETED", "FAILED 3:0", "TIMEOUT", "CANCELLED by 1001", "OUT_OF_MEMORY". */
  summary: string
  /** One sentence for the log, e.g. "FAILED 3:0: the job script exited with code 3". */
  message: string
}

/** The step's result from a finished job's state and ExitCode. */
export function jobResult(state: JobState, exit: ExitStatus | undefined): JobResult {
  const exitText = exit ? `${exit.code}:${exit.signal}` : undefined
  if (state.name === 'COMPLETED' && (!exit || (exit.code === 0 && exit.signal === 0))) {
    return { succeeded: true, summary: 'COMPLETED', message: 'COMPLETED: the job script exited with code 0' }
  }
  // A code is part of the summary when it says something the state does not: FAILED 3:0, COMPLETED 0:9.
  const showExit = exitText !== undefined && (state.name === 'FAILED' || state.name === 'COMPLETED')
  const summary = showExit ? `${state.text} ${exitText}` : state.text || 'UNKNOWN'
  const reasons: string[] = []
  if (exit && exit.signal !== 0) reasons.push(`the job script was killed by ${signalName(exit.signal)}`)
  else if (exit && exit.code !== 0) reasons.push(`the job script exited with code ${exit.code}`)
  const meaning = STATE_MEANING[state.name]
  if (meaning && !(state.name === 'FAILED' && reasons.length > 0)) reasons.unshift(meaning)
  if (state.name === 'CANCELLED' && state.cancelledBy)
    reasons[0] = `the job was cancelled by uid ${state.cancelledBy}`
  if (!isFinalState(state)) reasons.unshift('the job has not finished')
  return {
    succeeded: false,
    summary,
    message: reasons.length > 0 ? `${summary}: ${reasons.join('; ')}` : summary
  }
}

/**
 * The result of one run of a cron (scrontab) job, from its accounting row. Slurm requeues a cron job after every
 * run, so a run that ended is accounted REQUEUED whatever happened, with the run's own exit code: `3:0` when the
 * script exited 3, `0:15` when its time limit ended it (TERM) (seen on Slurm 22.05). A job that is no longer a
 * cron job (a scrontab install ended its cron job while it ran) ends as any job: COMPLETED, FAILED, TIMEOUT, ….
 */
export function cronRunResult(state: JobState, exit: ExitStatus | undefined): JobResult & { over: boolean } {
  if (state.name !== 'REQUEUED') return { ...jobResult(state, exit), over: isFinalState(state) }
  if (!exit)
    return {
      over: true,
      succeeded: false,
      summary: 'REQUEUED',
      message: 'REQUEUED: the run ended; its exit code is unknown'
    }
  const requeued = 'requeued for its next run'
  if (exit.code === 0 && exit.signal === 0) {
    return {
      over: true,
      succeeded: true,
      summary: 'COMPLETED',
      message: `COMPLETED: the run exited with code 0 (${requeued})`
    }
  }
  const how =
    exit.signal !== 0
      ? `the run was killed by ${signalName(exit.signal)}${exit.signal === 15 ? ' (its time limit, or a cancel)' : ''}`
      : `the run exited with code ${exit.code}`
  const summary =
    exit.signal !== 0 ? `KILLED ${exit.code}:${exit.signal}` : `FAILED ${exit.code}:${exit.signal}`
  return { over: true, succeeded: false, summary, message: `${summary}: ${how} (${requeued})` }
}
