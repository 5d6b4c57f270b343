// `watch JOBID` and `cancel JOBID` act only on a sandbox test job of this project run by the service account:
// a mistyped id must never cancel a colleague's job or a scheduled (cron) job. The controller is asked first
// (it also knows the log path); a finished job the controller forgot is looked up in accounting.
import { UserError } from '../errors/user-error.js'
import {
  parseSandboxJobName,
  SANDBOX_ENVIRONMENT,
  sandboxJobPrefix,
  type SandboxRunName
} from './job-name.js'
import { parseJobState, type JobState } from './job-state.js'
import {
  checkJobId,
  parseSacct,
  parseScontrolShowJob,
  sacctCommand,
  scontrolShowJobCommand,
  userName
} from './slurm-queries.js'
import { slurmTimestamp } from './slurm-time.js'
import type { WatchConnection } from './watch-connection.js'

export interface IdentifiedJob {
  jobId: string
  name: string
  user: string
  state: JobState
  submitTime?: string
  /** The job's output file, when the controller still knows the job. */
  logPath?: string
  /** Where Slurm knew it from. */
  source: 'controller' | 'accounting'
}

export type JobIdentity =
  | { kind: 'sandbox'; job: IdentifiedJob; run: SandboxRunName }
  | { kind: 'refused'; job: IdentifiedJob; message: string }
  | { kind: 'unknown'; message: string }

/** What the job is, from its name and user; pure, so every refusal can be tested. */
export function classifyJob(job: IdentifiedJob, project: string, user: string): JobIdentity {
  const what = `job ${job.jobId} ("${job.name}", user ${job.user}, ${job.state.text})`
  const run = parseSandboxJobName(project, job.name)
  if (run && job.user === user) return { kind: 'sandbox', job, run }
  if (run) {
    return {
      kind: 'refused',
      job,
      message: `${what} is named like a sandbox job of ${project} but belongs to ${job.user}, not ${user}; leaving it alone`
    }
  }
  const scheduled =
    job.name.startsWith(`${project}-`) && !job.name.startsWith(`${project}-${SANDBOX_ENVIRONMENT}`)
  return {
    kind: 'refused',
    job,
    message: scheduled
      ? `${what} looks like a scheduled job of ${project} (<project>-<environment>-<job>), not a sandbox test ` +
        'job; scheduled jobs follow their deployment (their scrontab entry), and cancelling one by hand ends its run'
      : `${what} is not a sandbox test job of ${project}: those are named ` +
        `${sandboxJobPrefix(project)}<sandbox>-<run id>-<short sha>`
  }
}

/** Looks the job up (scontrol, else sacct) and classifies it. Slurm commands go through `connection`. */
export async function identifyJob(
  connection: WatchConnection,
  jobId: string,
  { project, user }: { project: string; user: string }
): Promise<JobIdentity> {
  const bad = checkJobId(jobId)
  if (bad) return { kind: 'unknown', message: bad }

  const shown = await connection.slurm(scontrolShowJobCommand(jobId))
  if (shown.kind === 'done') {
    const controller = parseScontrolShowJob(jobId, shown.result)
    if (controller.kind === 'listed') {
      const f = controller.fields
      const submitTime = slurmTimestamp(f.SubmitTime)
      const job: IdentifiedJob = {
        jobId,
        name: f.JobName ?? '',
        user: userName(f.UserId ?? ''),
        state: parseJobState(f.JobState ?? ''),
        ...(submitTime ? { submitTime } : {}),
        ...(f.StdOut ? { logPath: f.StdOut } : {}),
        source: 'controller'
      }
      return classifyJob(job, project, user)
    }
  }

  // Without --starttime sacct -j searches all of history; a reused id gives several rows, the latest wins.
  const accounted = await connection.slurm(sacctCommand(jobId))
  if (accounted.kind === 'done') {
    const accounting = parseSacct(jobId, accounted.result)
    if (accounting.kind === 'recorded') {
      const r = accounting.record
      const job: IdentifiedJob = {
        jobId,
        name: r.name,
        user: r.user,
        state: r.state,
        ...(r.submitTime ? { submitTime: r.submitTime } : {}),
        source: 'accounting'
      }
      return classifyJob(job, project, user)
    }
    if (accounting.kind === 'error')
      return { kind: 'unknown', message: `could not look up job ${jobId}: ${accounting.message}` }
  }
  return {
    kind: 'unknown',
    message: `job ${jobId} is not known to the controller (scontrol) or to accounting (sacct) on this cluster; check the id`
  }
}

/** identifyJob for the front ends: the sandbox job, or a UserError (exit 2) saying what the id is instead. */
export async function requireSandboxJob(
  connection: WatchConnection,
  jobId: string,
  who: { project: string; user: string },
  where = 'job id'
): Promise<{ job: IdentifiedJob; run: SandboxRunName }> {
  const identity = await identifyJob(connection, jobId, who)
  if (identity.kind === 'sandbox') return { job: identity.job, run: identity.run }
  throw new UserError({ where, message: identity.message })
}
