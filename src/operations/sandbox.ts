// A sandbox test job: check the run against the config, stage the commit in the developer's sandbox (one script
// over the one connection: fetch into the sandbox mirror, reuse or build the venv from the project's store,
// export the run directory), submit it with sbatch, and follow it to its end on the same connection. The
// connection is made while the commit is resolved and the staging script rendered and checked.
import type { Config } from '../config/types.js'
import { sandboxDeployment } from '../config/sandbox-deployment.js'
import type { SandboxPlan } from '../plan/sandbox-plan.js'
import { resolveRef } from '../repo/commit.js'
import { execute, type ExecutionReport } from '../exec/executor.js'
import type { LogSink } from '../exec/log-sink.js'
import { newNonce } from '../exec/markers.js'
import { sendBundle } from '../deploy/bundle.js'
import { resolveSandboxRun, type SandboxRun } from '../sandbox/sandbox-run.js'
import { submitBatchJob, type SubmittedJob } from '../sandbox/submit.js'
import type { WatchEvent, WatchOutcome } from '../sandbox/watch.js'
import { followJob } from './job.js'
import { collectRun, type Collected } from '../sandbox/collect.js'
import type { Transport } from '../transport/types.js'
import { UserError } from '../errors/user-error.js'
import { loadPlanChecks, startRun } from './run-start.js'
import type { SandboxRequest } from './requests.js'

export interface SandboxIO {
  /** The staging script's output (log groups per step). */
  sink: LogSink
  /** The job's output, in order, each byte once. */
  onOutput: (chunk: Buffer) => void
  onEvent: (event: WatchEvent) => void
  /** Known as soon as sbatch answered: the action saves it so that its post step can cancel a job left behind. */
  onSubmitted?: (job: SubmittedJob & { logPath: string }) => void
  /** Abort = stop staging, or cancel the job by id once submitted. */
  signal?: AbortSignal
  warn: (message: string) => void
  log?: (message: string) => void
  /** Copy the job's log and the config's collect globs back here once the job ended. */
  collectTo?: string
}

export type SandboxOutcome =
  | { kind: 'staging-failed'; run: SandboxRun; sha: string; plan: SandboxPlan; report: ExecutionReport }
  | { kind: 'submitted'; run: SandboxRun; sha: string; plan: SandboxPlan; job: SubmittedJob }
  | {
      kind: 'watched'
      run: SandboxRun
      sha: string
      plan: SandboxPlan
      job: SubmittedJob
      watch: WatchOutcome
      /** The log and collected files on this machine, when asked for. */
      collected?: Collected
    }

export async function sandbox(request: SandboxRequest, io: SandboxIO): Promise<SandboxOutcome> {
  const start = await startRun(request.repo, { tree: true }, request.connection, io)
  const { config, read } = start
  const connection = await start.connection()
  const { checked, transport: first } = await connection.afterChecks(async () => {
    const run = resolveSandboxRun(config, request.ask, request.names)
    const commit = await resolveRef(request.repo.dir, run.ref, request.names.ref, io.log)
    // The mirror fetches a branch for the delta, then the commit itself: the ref's branch, else development's.
    const branch = commit.branch ?? sandboxDeployment(config).branch
    const { checkedSandboxPlan } = await loadPlanChecks()
    const plan = await checkedSandboxPlan(config, read, run, {
      sha: commit.sha,
      branch,
      runId: request.runId
    })
    return { run, sha: commit.sha, plan }
  })
  const { run, sha, plan } = checked
  const connect = () => connection.connect()
  let transport = first
  try {
    const bundle =
      config.project.source === 'bundle' ? await sendBundle(request.repo.dir, sha, transport) : ''
    const report = await execute(
      transport,
      plan.stagingScript,
      { ...plan.parameters, bundle, actor: request.actor, runUrl: request.runUrl, nonce: newNonce() },
      io.sink,
      {
        loginShell: config.cluster.loginShell,
        timeoutSeconds: config.cluster.timeoutMinutes * 60,
        signal: io.signal
      }
    )
    if (report.exitCode !== 0) return { kind: 'staging-failed', run, sha, plan, report }
    if (io.signal?.aborted)
      return { kind: 'staging-failed', run, sha, plan, report: { ...report, cancelled: true } }

    const job = await submitBatchJob(transport, plan.sbatchArgs, {
      loginShell: config.cluster.loginShell,
      directory: plan.runDir
    }).catch((error: unknown) => {
      throw new UserError({
        where: 'sbatch',
        message: error instanceof Error ? error.message : String(error)
      })
    })
    io.onSubmitted?.({ ...job, logPath: plan.logPath })
    if (!request.wait) return { kind: 'submitted', run, sha, plan, job }

    const watch = await followJob(config, { transport, connect }, { ...job, logPath: plan.logPath }, io)
    transport = watch.transport
    const collected = io.collectTo ? await collect(transport, config, plan, io.collectTo, io.warn) : undefined
    return { kind: 'watched', run, sha, plan, job, watch, collected }
  } finally {
    await transport.close()
  }
}

/** A failed copy is a warning: the job's result stands. */
async function collect(
  transport: Transport,
  config: Config,
  plan: SandboxPlan,
  dir: string,
  warn: (message: string) => void
): Promise<Collected | undefined> {
  const { globs, maxMegabytes } = config.sandbox.collect
  try {
    return await collectRun(
      transport,
      { runDir: plan.runDir, globs, maxMegabytes, loginShell: config.cluster.loginShell },
      dir
    )
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error))
    return undefined
  }
}
