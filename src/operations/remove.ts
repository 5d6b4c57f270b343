// `remove`: a deployment goes from the cluster (the deployment's script in mode `remove`, under its lock: its
// scrontab block, its jobs, `current`, releases, mirror and venv references; data and logs only with purge), or a
// sandbox does (the sandbox script in mode `remove`: its runs, their jobs and mirror refs). One connection. The
// front end asks for confirmation first; the core checks what cannot be undone before connecting.
import type { Config, DeploymentConfig } from '../config/types.js'
import { execute, type ExecutionReport } from '../exec/executor.js'
import { newNonce } from '../exec/markers.js'
import { parseResults, type RunOutputs } from '../deploy/results.js'
import { UserError, type Problem } from '../errors/user-error.js'
import { checkSandboxName } from '../validate/names.js'
import {
  requireDeployments,
  runParams,
  runScript,
  type DeploymentRun,
  type OperationIO
} from './deployment.js'
import { loadPlanChecks, startRun, type RunStart } from './run-start.js'
import type { RemoveRequest } from './requests.js'

export type RemoveOutcome =
  | DeploymentRun
  | {
      kind: 'sandbox'
      sandbox: string
      /** `<sandbox.root>/<name>`. */
      dir: string
      report: ExecutionReport
      outputs: RunOutputs
      transport: string
    }

export async function remove(request: RemoveRequest, io: OperationIO): Promise<RemoveOutcome> {
  const { target } = request
  if ('sandbox' in target) {
    const bad = checkSandboxName(target.sandbox)
    if (bad) throw new UserError({ where: 'sandbox', message: bad })
  }
  const branches = 'sandbox' in target ? [] : [target.branch]
  const start = await startRun(request.repo, { tree: true }, request.connection, io, branches)
  if ('sandbox' in target) return removeSandbox(request, start, target.sandbox, io)
  const { config } = start
  const deployment = (await requireDeployments(start, [target.branch]))[0]!
  const connection = await start.connection()
  const { checked: plan, transport } = await connection.afterChecks(async () => {
    if (request.purge) {
      const problem = purgeProblem(config, deployment)
      if (problem) throw new UserError(problem)
    }
    return (await start.plans([deployment], io.warn))[0]!
  })
  try {
    return await runScript(
      config,
      request.connection,
      transport,
      {
        plan,
        params: {
          ...runParams(request, 'remove'),
          force: request.force ? 'true' : '',
          purge: request.purge ? 'true' : ''
        }
      },
      io
    )
  } finally {
    await transport.close()
  }
}

async function removeSandbox(
  request: RemoveRequest,
  start: RunStart,
  sandbox: string,
  io: OperationIO
): Promise<RemoveOutcome> {
  const { config, read } = start
  const connection = await start.connection()
  const { checked: plan, transport } = await connection.afterChecks(async () =>
    (await loadPlanChecks()).checkedSandboxRemoval(config, read, sandbox, request.force)
  )
  try {
    const report = await execute(
      transport,
      plan.script,
      { ...plan.parameters, bundle: '', actor: request.actor, runUrl: request.runUrl, nonce: newNonce() },
      io.sink,
      {
        loginShell: config.cluster.loginShell,
        timeoutSeconds: config.cluster.timeoutMinutes * 60,
        signal: io.signal
      }
    )
    return {
      kind: 'sandbox',
      sandbox,
      dir: `${config.sandbox.root}/${sandbox}`,
      report,
      outputs: parseResults(report, 'remove', 'sandbox', io.warn),
      transport: transport.description
    }
  } finally {
    await transport.close()
  }
}

/**
 * A purge removes the data directory with `rm -rf`: refused when that directory holds, or is, something else the
 * project keeps (the project root, a deployment's root, the venv store, the sandboxes) or is another's data.
 */
export function purgeProblem(config: Config, deployment: DeploymentConfig): Problem | undefined {
  const data = deployment.dataDir.replace(/\/+$/, '') || '/'
  const within = (path: string, dir: string) => dir === '/' || path === dir || path.startsWith(`${dir}/`)
  const kept: [string, string][] = [
    [config.project.root, 'project.root'],
    [config.project.venvStore, "the project's venv store"],
    [config.sandbox.root, 'sandbox.root'],
    ...config.deployments.map((d): [string, string] => [d.root, `deployments.${d.branch}.root`])
  ]
  const holds = kept.find(([path]) => within(path, data))
  const shared = [
    ...config.deployments
      .filter(d => d.branch !== deployment.branch)
      .map((d): [string, string] => [d.dataDir, `deployments.${d.branch}.dataDir`]),
    [config.sandbox.dataDir, 'sandbox.dataDir'] as [string, string]
  ].find(([path]) => within(path, data) || within(data, path))
  const why = holds
    ? `it holds ${holds[1]} (${holds[0]})`
    : shared
      ? `${shared[1]} (${shared[0]}) shares it`
      : undefined
  if (!why) return undefined
  return {
    where: `deployments.${deployment.branch}.dataDir`,
    message: `purge would remove ${deployment.dataDir}, but ${why}; remove without purge, and delete what is no longer needed by hand`
  }
}
