// Deploy, rollback and status of deployments: read the config, start connecting, then read the rest, plan and
// check while the handshake is in flight, run the deployment's script over the one connection once every check
// passed, and return a typed outcome. The action and the CLI only build the request and present this.
import type { Config, DeploymentConfig } from '../config/types.js'
import {
  completeRunValues,
  type DeploymentPlan,
  type RunMode,
  type RunParameters,
  type RunValues
} from '../plan/types.js'
import { resolveCommit } from '../repo/commit.js'
import type { Transport } from '../transport/types.js'
import type { ExecutionReport } from '../exec/executor.js'
import type { LogSink } from '../exec/log-sink.js'
import { runRemote } from '../deploy/remote-run.js'
import { parseResults, type RunOutputs } from '../deploy/results.js'
import { sendBundle } from '../deploy/bundle.js'
import { type Problem, UserError } from '../errors/user-error.js'
import { statusLookbackSeconds } from '../status/lookback.js'
import { loadPlanChecks, startRun, type RunStart } from './run-start.js'
import type {
  ConnectionRequest,
  DeployRequest,
  Requester,
  RollbackRequest,
  StatusRequest
} from './requests.js'

/** What an operation tells its front end while it runs. */
export interface OperationIO {
  /** The remote script's output. */
  sink: LogSink
  /** Cancels the run: the remote process group is killed and the outcome reports it. */
  signal?: AbortSignal
  /** Non-fatal notes (skipped known_hosts lines, results an overridden step reported). */
  warn: (message: string) => void
  /** Progress for the log (e.g. fetching a commit a shallow checkout lacks). */
  log?: (message: string) => void
  /**
   * Called once the deployment, the commit and its plan are known and checked, while the connection is being
   * made and before anything runs on the cluster; a deploy whose plan the front end refuses
   * (`requireReviewedPlan`) throws here, and the connection is given up with nothing run.
   */
  onStart?: (start: DeployStart) => Promise<void>
}

/** What a deploy is about to run, before anything runs on the cluster. */
export interface DeployStart {
  environment: string
  sha: string
  deployment: DeploymentConfig
  /** The plan with its inputs (the requirements), as the PR check planned it. */
  plan: DeploymentPlan
}

/** One run of a deployment's script. */
export interface DeploymentRun {
  kind: 'ran'
  mode: RunMode
  branch: string
  plan: DeploymentPlan
  /** What the script was run with (the nonce aside). */
  params: Omit<RunParameters, 'nonce'>
  report: ExecutionReport
  outputs: RunOutputs
  stats: { connections: number; commands: number }
  /** E.g. `caqrn@127.0.0.1:2222 (ssh)`. */
  transport: string
}

/** The branch has no deployment in the config (a push to a branch that is not deployed). */
export interface NoDeployment {
  kind: 'no-deployment'
  branch: string
  problem: Problem
}

export type DeploymentOutcome = DeploymentRun | NoDeployment

export async function deploy(request: DeployRequest, io: OperationIO): Promise<DeploymentOutcome> {
  const tip = request.sha ? Promise.resolve(request.sha) : branchTip(request)
  const start = await startRun(
    request.repo,
    tip.then(commit => ({ sha: commit })),
    request.connection,
    io,
    [request.branch]
  )
  const { config, read } = start
  const sha = await tip
  const target = await targetOf(start, request.branch)
  if (target.kind === 'no-deployment') return target
  const connection = await start.connection()
  const { checked: plan, transport } = await connection.afterChecks(async () => {
    const { planInputs } = await loadPlanChecks()
    // The requirements are read (one git) while the scripts are checked.
    const [[planned], inputs] = await Promise.all([
      start.plans([target.deployment], io.warn),
      planInputs(read, config)
    ])
    const plan = { ...planned!, inputs }
    await io.onStart?.({ environment: plan.environment, sha, deployment: target.deployment, plan })
    return plan
  })
  const [run] = await runScripts(config, request.connection, transport, io, [
    {
      plan,
      params: { ...runParams(request, 'deploy'), sha },
      bundleOf: { repoDir: request.repo.dir, sha }
    }
  ])
  return run!
}

export async function rollback(request: RollbackRequest, io: OperationIO): Promise<DeploymentOutcome> {
  const start = await startRun(request.repo, { tree: true }, request.connection, io, [request.branch])
  const { config } = start
  const target = await targetOf(start, request.branch)
  if (target.kind === 'no-deployment') return target
  const connection = await start.connection()
  const { checked: plans, transport } = await connection.afterChecks(async () =>
    start.plans([target.deployment], io.warn)
  )
  const [run] = await runScripts(config, request.connection, transport, io, [
    { plan: plans[0]!, params: { ...runParams(request, 'rollback'), target: request.to ?? '' } }
  ])
  return run!
}

/** Every branch asked for (all deployments by default), over one connection. */
export async function status(request: StatusRequest, io: OperationIO): Promise<DeploymentOutcome[]> {
  const start = await startRun(request.repo, { tree: true }, request.connection, io, request.branches)
  const { config } = start
  const deployments = await requireDeployments(
    start,
    request.branches ?? config.deployments.map(d => d.branch)
  )
  const connection = await start.connection()
  const { checked: plans, transport } = await connection.afterChecks(async () =>
    start.plans(deployments, io.warn)
  )
  const now = Date.now()
  const runs = plans.map((plan, i) => {
    const lookback = statusLookbackSeconds(
      deployments[i]!.jobs.map(job => job.schedule),
      now
    )
    return { plan, params: { ...runParams(request, 'status'), lookbackSeconds: String(lookback) } }
  })
  return runScripts(config, request.connection, transport, io, runs)
}

async function branchTip(request: DeployRequest): Promise<string> {
  const sha = await resolveCommit(request.repo.dir, `refs/heads/${request.branch}`)
  if (sha) return sha
  throw new UserError({
    where: 'sha',
    message: `not given, and branch ${request.branch} does not exist in ${request.repo.dir}; give the full 40-character SHA to deploy`
  })
}

/** The deployment of `branch`, or none, with the early connection given up (a push to a branch not deployed). */
async function targetOf(start: RunStart, branch: string): Promise<ReturnType<typeof findDeployment>> {
  const target = findDeployment(start.config, branch)
  if (target.kind === 'no-deployment') await start.giveUp()
  return target
}

/** The deployments of `branches`; when one has none, the early connection is given up and every such branch named. */
export async function requireDeployments(start: RunStart, branches: string[]): Promise<DeploymentConfig[]> {
  const found = branches.map(branch => findDeployment(start.config, branch))
  const missing = found.filter(target => target.kind === 'no-deployment')
  if (missing.length > 0) {
    await start.giveUp()
    throw new UserError(missing.map(target => target.problem))
  }
  return found.map(target => (target as { deployment: DeploymentConfig }).deployment)
}

export function findDeployment(
  config: Config,
  branch: string
): { kind: 'found'; deployment: DeploymentConfig } | NoDeployment {
  const deployment = config.deployments.find(d => d.branch === branch)
  if (deployment) return { kind: 'found', deployment }
  const known = config.deployments.map(d => d.branch).join(', ')
  return {
    kind: 'no-deployment',
    branch,
    problem: {
      where: 'branch',
      message: `no deployment for branch "${branch}" in ${config.file} (deployments: ${known})`
    }
  }
}

export function runParams(request: Requester, mode: RunMode): RunValues {
  return { mode, sha: '', target: '', bundle: '', actor: request.actor, runUrl: request.runUrl }
}

export interface ScriptRun {
  plan: DeploymentPlan
  params: RunValues
  /** project.source `bundle`: the commit of the local clone to send over the connection first. */
  bundleOf?: { repoDir: string; sha: string }
}

/** Runs each deployment's script in turn over the one connection, closed at the end whatever happens. */
async function runScripts(
  config: Config,
  connection: ConnectionRequest,
  transport: Transport,
  io: OperationIO,
  runs: ScriptRun[]
): Promise<DeploymentRun[]> {
  try {
    const outcomes: DeploymentRun[] = []
    for (const run of runs) outcomes.push(await runScript(config, connection, transport, run, io))
    return outcomes
  } finally {
    await transport.close()
  }
}

/** One run of a deployment's script over an open connection, and its typed outputs. */
export async function runScript(
  config: Config,
  connection: ConnectionRequest,
  transport: Transport,
  run: ScriptRun,
  io: OperationIO
): Promise<DeploymentRun> {
  const timeoutMinutes = connection.timeoutMinutes ?? config.cluster.timeoutMinutes
  const bundle =
    run.bundleOf && config.project.source === 'bundle'
      ? await sendBundle(run.bundleOf.repoDir, run.bundleOf.sha, transport)
      : ''
  const report = await runRemote({
    plan: run.plan,
    params: { ...run.params, bundle },
    transport,
    sink: io.sink,
    loginShell: config.cluster.loginShell,
    timeoutSeconds: timeoutMinutes * 60,
    signal: io.signal
  })
  return {
    kind: 'ran',
    mode: run.params.mode,
    branch: run.plan.branch,
    plan: run.plan,
    params: completeRunValues({ ...run.params, bundle }),
    report,
    outputs: parseResults(report, run.params.mode, run.plan.environment, io.warn),
    stats: { ...transport.stats },
    transport: transport.description
  }
}
