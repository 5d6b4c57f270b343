// `watch` and `cancel` of a sandbox test job by its id: only a sandbox job of this project, run by the service
// account, is touched (a mistyped id never reaches a colleague's or a scheduled job), over one connection.
import type { Config } from '../config/types.js'
import { cancelJob, type CancelOutcome } from '../sandbox/cancel.js'
import { requireSandboxJob } from '../sandbox/job-identity.js'
import {
  watchJob,
  watchSettings,
  type WatchEvent,
  type WatchJobOptions,
  type WatchOutcome
} from '../sandbox/watch.js'
import { WatchConnection } from '../sandbox/watch-connection.js'
import type { Transport } from '../transport/types.js'
import { UserError } from '../errors/user-error.js'
import { clusterUser } from './connection.js'
import { startRun } from './run-start.js'
import type { CancelRequest, WatchRequest } from './requests.js'

export interface JobIO {
  /** The job's output, in order, each byte once. */
  onOutput: (chunk: Buffer) => void
  /** State changes, reconnects, failed queries. */
  onEvent: (event: WatchEvent) => void
  /** Abort = cancel the job by id, as the runner's cancel or Ctrl-C asks. */
  signal?: AbortSignal
  warn: (message: string) => void
}

/** The project, the cluster and a connection to it, as the repository's config says. */
async function openCluster(request: WatchRequest | CancelRequest, warn: (message: string) => void) {
  const start = await startRun(request.repo, { tree: true }, request.connection, { warn })
  const { config } = start
  const connection = await start.connection()
  // Nothing to check beyond the config: the job id is checked on the cluster, by a query.
  const { transport } = await connection.afterChecks(async () => undefined)
  const user = request.connection.local
    ? config.cluster.user
    : clusterUser(config.cluster, request.connection)
  const connect = () => connection.connect()
  return { config, connect, transport, who: { project: config.project.name, user } }
}

export async function watch(request: WatchRequest, io: JobIO): Promise<WatchOutcome> {
  const { config, connect, transport, who } = await openCluster(request, io.warn)
  let current: Transport = transport
  try {
    const { job } = await requireSandboxJob(new WatchConnection(transport), request.jobId, who, 'job id')
    if (!job.logPath) {
      throw new UserError({
        where: 'job id',
        message: `job ${request.jobId} has ended and the controller no longer knows its output file (${job.state.text})`
      })
    }
    const outcome = await followJob(
      config,
      { transport, connect },
      { ...job, submittedAfter: job.submitTime, logPath: job.logPath },
      io
    )
    current = outcome.transport
    return outcome
  } finally {
    await current.close()
  }
}

/** Follows a job to its end with the config's watch settings: on `transport`, reconnecting with `connect`. */
export function followJob(
  config: Config,
  connection: { transport: Transport; connect: () => Promise<Transport> },
  job: Pick<WatchJobOptions, 'jobId' | 'submittedAfter' | 'logPath' | 'logOffset' | 'follow'>,
  io: Pick<JobIO, 'onOutput' | 'onEvent' | 'signal'>
): Promise<WatchOutcome> {
  return watchJob({
    transport: connection.transport,
    reconnect: connection.connect,
    jobId: job.jobId,
    submittedAfter: job.submittedAfter,
    logPath: job.logPath,
    logOffset: job.logOffset,
    follow: job.follow,
    onOutput: io.onOutput,
    onEvent: io.onEvent,
    signal: io.signal,
    loginShell: config.cluster.loginShell,
    ...watchSettings(config.sandbox)
  })
}

export async function cancel(request: CancelRequest, io: Pick<JobIO, 'warn'>): Promise<CancelOutcome> {
  const { transport, who } = await openCluster(request, io.warn)
  try {
    const connection = new WatchConnection(transport)
    await requireSandboxJob(connection, request.jobId, who, 'job id')
    return await cancelJob(connection, request.jobId)
  } finally {
    await transport.close()
  }
}
