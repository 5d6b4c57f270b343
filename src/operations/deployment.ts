// Deploy, rollback and status of deployments: read the config, start connecting, then read the rest, plan and
// check while the handshake is in flight, run the deployment's script over the one connection once every check
// passed, and return a typed outcome. The action and the CLI only build the request and present this.
import type { Config, DeploymentConfig } from '../config/types.js'
import { compileTemplates, planDeployment } from '../plan/plan.js'
import {
  completeRunValues,
  type DeploymentPlan,
  type RunMode,
  type RunParameters,
  type RunValues
} from '../plan/types.js'
import { validatePlans } from '../plan/validate.js'
import { planInputs } from '../plan/plan-repository.js'
import { loadTemplates, type TemplateSet } from '../render/templates.js'
import { resolveCommit } from '../repo/commit.js'
import type { RepoReader } from '../repo/reader.js'
import type { Transport } from '../transport/types.js'
import type { ExecutionReport } from '../exec/executor.js'
import type { LogSink } from '../exec/log-sink.js'
import { runRemote } from '../deploy/remote-run.js'
import { parseResults, type RunOutputs } from '../deploy/results.js'
import { sendBundle } from '../deploy/bundle.js'
import { formatProblem, type Problem, UserError } from '../errors/user-error.js'
import { statusLookbackSeconds } from '../status/lookback.js'
import { openConnection, preloadTransports } from './connection.js'
import { configAt } from './repository.js'
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
  preloadTransports()
  const sha = request.sha ?? (await branchTip(request))
  const { config, read } = await configAt(request.repo, { sha }, io.log)
  const target = findDeployment(config, request.branch)
  if (target.kind === 'no-deployment') return target
  const connection = await openConnection(config.cluster, request.connection, io.warn)
  const { checked: plan, transport } = await connection.afterChecks(async () => {
    const plan = {
      ...(await checkedPlansAt(config, read, [target.deployment], io))[0]!,
      inputs: await planInputs(read, config)
    }
    await io.onStart?.({ environment: plan.environment, sha, deployment: target.deployment, plan })
    return plan
  })
  const [run] = await runScripts(config, request.connection, transport, io, [
    { plan, params: { ...runParams(request, 'deploy'), sha }, bundleOf: { repoDir: request.repo.dir, sha } }
  ])
  return run!
}

export async function rollback(request: RollbackRequest, io: OperationIO): Promise<DeploymentOutcome> {
  preloadTransports()
  const { config, read } = await configAt(request.repo, { tree: true })
  const target = findDeployment(config, request.branch)
  if (target.kind === 'no-deployment') return target
  const connection = await openConnection(config.cluster, request.connection, io.warn)
  const { checked: plans, transport } = await connection.afterChecks(() =>
    checkedPlansAt(config, read, [target.deployment], io)
  )
  const [run] = await runScripts(config, request.connection, transport, io, [
    { plan: plans[0]!, params: { ...runParams(request, 'rollback'), target: request.to ?? '' } }
  ])
  return run!
}

/** Every branch asked for (all deployments by default), over one connection. */
export async function status(request: StatusRequest, io: OperationIO): Promise<DeploymentOutcome[]> {
  preloadTransports()
  const { config, read } = await configAt(request.repo, { tree: true })
  const branches = request.branches ?? config.deployments.map(d => d.branch)
  const targets = branches.map(branch => findDeployment(config, branch))
  const missing = targets.filter(t => t.kind === 'no-deployment')
  if (missing.length > 0) throw new UserError(missing.map(t => t.problem))
  const deployments = targets.map(target => (target as { deployment: DeploymentConfig }).deployment)
  const connection = await openConnection(config.cluster, request.connection, io.warn)
  const { checked: plans, transport } = await connection.afterChecks(() =>
    checkedPlansAt(config, read, deployments, io)
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

/** The PR plan's checks, all in one go, before running anything: a script that does not parse never reaches the cluster. */
export async function checkedPlans(
  repository: { config: Config; templates: TemplateSet },
  deployments: DeploymentConfig[],
  io: Pick<OperationIO, 'warn'>
): Promise<DeploymentPlan[]> {
  const templates = await compileTemplates(repository.templates)
  const plans = deployments.map(deployment => planDeployment(repository.config, deployment, templates))
  const validation = await validatePlans(plans, { shellcheck: false })
  for (const warning of validation.warnings) io.warn(formatProblem(warning))
  if (validation.errors.length > 0) throw new UserError(validation.errors)
  return plans
}

/** checkedPlans with the templates read (overrides at the same point as the config) while the run connects. */
async function checkedPlansAt(
  config: Config,
  read: RepoReader,
  deployments: DeploymentConfig[],
  io: Pick<OperationIO, 'warn'>
): Promise<DeploymentPlan[]> {
  return checkedPlans({ config, templates: await loadTemplates(config.templates, read) }, deployments, io)
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

/**
 * The one connection of a command that has nothing left to check before it uses it, as the config's `cluster`
 * section and the request say.
 */
export async function connectToCluster(
  config: Config,
  connection: ConnectionRequest,
  io: Pick<OperationIO, 'warn'>
): Promise<Transport> {
  const early = await openConnection(config.cluster, connection, io.warn)
  return (await early.afterChecks(async () => undefined)).transport
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
