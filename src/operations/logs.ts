// `logs`: the latest runs of a scheduled job with their Slurm states, and the output of one of them, over one
// connection: the deployment's script in mode `logs` lists the runs (one sacct call) and finds each run in the
// job's output file; the run's bytes then come over a channel of the same connection, or, with `follow`, are
// streamed by the watch (log-stream.ts) until that run ends.
import type { DeploymentConfig, JobConfig } from '../config/types.js'
import { succeeded } from '../exec/executor.js'
import { UserError } from '../errors/user-error.js'
import {
  chooseRun,
  matchRunOutputs,
  parseRunHeaders,
  parseRunRows,
  type ScheduledRun
} from '../logs/scheduled-runs.js'
import { cronRunResult } from '../sandbox/job-state.js'
import { LogStream } from '../sandbox/log-stream.js'
import type { WatchEvent, WatchOutcome } from '../sandbox/watch.js'
import { WatchConnection } from '../sandbox/watch-connection.js'
import type { Transport } from '../transport/types.js'
import {
  requireDeployments,
  runParams,
  runScript,
  type DeploymentRun,
  type OperationIO
} from './deployment.js'
import { followJob } from './job.js'
import { startRun } from './run-start.js'
import type { LogsRequest } from './requests.js'

export interface LogsIO extends Pick<OperationIO, 'sink' | 'warn' | 'signal'> {
  /** The runs and the choice, before any output is read. */
  onListing?: (listing: RunListing) => void
  /** The chosen run's output, in order, each byte once. */
  onOutput: (chunk: Buffer) => void
  /** With `follow`: state changes, reconnects. */
  onEvent: (event: WatchEvent) => void
}

/** The most of one run's output shown: its end, when it is longer (the rest is in the file). */
export const MAX_SHOWN_BYTES = 4 * 1024 * 1024

export interface RunListing {
  job: string
  environment: string
  logPath: string
  /** Oldest first. */
  runs: ScheduledRun[]
  /** The run whose output is shown or followed. */
  chosen?: ScheduledRun
  /** The byte range of the file shown; `skipped` bytes of the run before it are left out. */
  shown?: { from: number; to: number; skipped: number }
  /** The run is followed while it runs. */
  following?: boolean
  /** Why nothing is shown. */
  note?: string
}

export type LogsOutcome =
  /** The script failed (nothing deployed there, sacct failed, …). */
  | { kind: 'failed'; run: DeploymentRun }
  | { kind: 'listed'; run: DeploymentRun; listing: RunListing; followed?: WatchOutcome }

export async function logs(request: LogsRequest, io: LogsIO): Promise<LogsOutcome> {
  const start = await startRun(request.repo, { tree: true }, request.connection, io, [request.branch])
  const { config } = start
  const deployment = (await requireDeployments(start, [request.branch]))[0]!
  const connection = await start.connection()
  const { checked, transport } = await connection.afterChecks(async () => {
    const job = jobOf(deployment, request.job)
    const [plan] = await start.plans([deployment], io.warn)
    return { job, plan: plan! }
  })
  const { job, plan } = checked
  let current: Transport = transport
  try {
    const run = await runScript(
      config,
      request.connection,
      transport,
      {
        plan,
        params: {
          ...runParams({ actor: '', runUrl: '' }, 'logs'),
          job: job.name,
          runs: String(request.runs),
          jobId: request.run?.jobId ?? ''
        }
      },
      io
    )
    if (!succeeded(run.report)) return { kind: 'failed', run }
    const { logs: file } = run.outputs
    const runs = matchRunOutputs(parseRunRows(file.runs), parseRunHeaders(file.headers))
    const base = { job: job.name, environment: plan.environment, logPath: file.path, runs }
    const listed = (listing: RunListing): LogsOutcome => {
      io.onListing?.(listing)
      return { kind: 'listed', run, listing }
    }
    const choice = chooseRun(runs, request.run, job.name)
    if ('problem' in choice) return listed({ ...base, note: choice.problem })
    const chosen = choice.run
    const output = chosen.output
    if (request.follow && !cronRunResult(chosen.state, chosen.exit).over) {
      io.onListing?.({ ...base, chosen, following: true })
      const connect = () => connection.connect()
      const followed = await followJob(
        config,
        { transport, connect },
        {
          jobId: chosen.jobId,
          submittedAfter: chosen.submitTime,
          logPath: file.path,
          // A run that has not written its first line yet writes it at the end of the file.
          logOffset: output?.offset ?? Math.max(0, file.size),
          follow: 'run'
        },
        io
      )
      current = followed.transport
      return { kind: 'listed', run, listing: { ...base, chosen, following: true }, followed }
    }
    if (!output) {
      const note =
        file.size < 0
          ? `${file.path} does not exist`
          : `the first line of job ${chosen.jobId}'s run started ${chosen.startTime ?? '?'} is not in ${file.path} ` +
            '(the run has written nothing yet, or the file was rotated)'
      return listed({ ...base, chosen, note })
    }
    const from = Math.max(output.offset, output.end - MAX_SHOWN_BYTES)
    const shown = { from, to: output.end, skipped: from - output.offset }
    const note = request.follow ? `the run is over: nothing to follow` : undefined
    const outcome = listed({ ...base, chosen, shown, ...(note ? { note } : {}) })
    const stream = new LogStream(
      new WatchConnection(transport, { loginShell: false }),
      file.path,
      io.onOutput,
      { offset: from, end: output.end, onProblem: io.warn }
    )
    await stream.drain(60_000)
    return outcome
  } finally {
    await current.close()
  }
}

/** The job asked for, or the deployment's only one. */
function jobOf(deployment: DeploymentConfig, name: string | undefined): JobConfig {
  const names = deployment.jobs.map(job => job.name)
  if (name !== undefined) {
    const job = deployment.jobs.find(j => j.name === name)
    if (job) return job
    throw new UserError({
      where: 'job',
      message: `the deployment of ${deployment.branch} has no job "${name}" (its jobs: ${names.join(', ') || 'none'})`
    })
  }
  const [only, ...more] = deployment.jobs
  if (only && more.length === 0) return only
  throw new UserError({
    where: 'job',
    message: only
      ? `is required: the deployment of ${deployment.branch} has several jobs (${names.join(', ')})`
      : `the deployment of ${deployment.branch} has no scheduled jobs`
  })
}
