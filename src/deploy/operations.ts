// Deploy, rollback and status of one deployment: the runner's side of the one remote script.
import type { Config } from '../config/types.js'
import { connectTransport } from '../transport/connect.js'
import type { TransportSettings } from '../transport/connect.js'
import type { Transport } from '../transport/types.js'
import type { LogSink } from '../exec/log-sink.js'
import type { ExecutionReport } from '../exec/executor.js'
import { compileTemplates, deploymentFor, planDeployment } from '../plan/plan.js'
import type { TemplateSet } from '../render/templates.js'
import type { DeploymentPlan, RunMode } from '../plan/types.js'
import { deployOutputs, runRemote, type DeployOutputs } from './remote-run.js'
import { sendBundle } from './bundle.js'
import { validatePlans } from '../plan/validate.js'
import { formatProblem, UserError } from '../errors/user-error.js'

export interface OperationRequest {
  config: Config
  templates: TemplateSet
  branch: string
  mode: RunMode
  /** deploy: the full commit SHA. */
  sha?: string
  /** rollback: a kept release's SHA (prefix); empty for the previous one. */
  target?: string
  actor: string
  runUrl: string
  connection: TransportSettings
  sink: LogSink
  /** The local clone, needed to build a bundle when project.source is `bundle`. */
  repoDir: string
  signal?: AbortSignal
  /** Non-fatal notes from connecting (e.g. skipped known_hosts lines). */
  warn?: (message: string) => void
}

export interface OperationOutcome {
  plan: DeploymentPlan
  report: ExecutionReport
  outputs: DeployOutputs
  stats: { connections: number; commands: number }
  transport: string
}

export async function runOperation(request: OperationRequest): Promise<OperationOutcome> {
  const { config } = request
  const plan = planDeployment(
    config,
    deploymentFor(config, request.branch),
    compileTemplates(request.templates)
  )
  // The PR plan's checks, before connecting: a script that does not parse never reaches the cluster.
  const validation = validatePlans([plan], { shellcheck: false })
  for (const warning of validation.warnings) request.warn?.(formatProblem(warning))
  if (validation.errors.length > 0) throw new UserError(validation.errors)
  const transport: Transport = await connectTransport(request.connection, request.warn)
  try {
    const bundle =
      request.mode === 'deploy' && config.project.source === 'bundle'
        ? await sendBundle(request.repoDir, request.sha!, transport)
        : ''
    const report = await runRemote({
      plan,
      params: {
        mode: request.mode,
        sha: request.sha ?? '',
        target: request.target ?? '',
        bundle,
        actor: request.actor,
        runUrl: request.runUrl
      },
      transport,
      sink: request.sink,
      loginShell: config.cluster.loginShell,
      timeoutSeconds: config.cluster.timeoutMinutes * 60,
      signal: request.signal
    })
    return {
      plan,
      report,
      outputs: deployOutputs(plan, report),
      stats: { ...transport.stats },
      transport: transport.description
    }
  } finally {
    await transport.close()
  }
}
