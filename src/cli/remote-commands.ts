// CLI deploy and rollback: the core runs the deployment's script; this presents the outcome.
import { remoteRequest } from './options.js'
import type { CliCommand } from './command.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import {
  deploy,
  rollback,
  type DeploymentOutcome,
  type DeploymentRun,
  type OperationIO
} from '../operations/deployment.js'
import type { DeployRequest, RollbackRequest } from '../operations/requests.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import { UserError } from '../errors/user-error.js'

type DeploymentRequest = DeployRequest | RollbackRequest

function carryOut(request: DeploymentRequest, io: OperationIO): Promise<DeploymentOutcome> {
  return request.command === 'deploy' ? deploy(request, io) : rollback(request, io)
}

/** One deployment's run, for --format json: its typed outputs, its steps, and why it failed. */
function runJson(run: DeploymentRun) {
  const { report } = run
  return {
    branch: run.branch,
    ok: succeeded(report),
    ...run.outputs,
    durationMs: report.durationMs,
    steps: report.steps.map(({ name, exitCode, durationMs, completed }) => ({
      name,
      exitCode,
      durationMs,
      completed
    })),
    ...(succeeded(report) ? {} : { error: failureMessage(report) }),
    transport: run.transport
  }
}

function remoteCommand(command: DeploymentRequest['command']): CliCommand {
  return async context => {
    const request = remoteRequest(command, context.options, context.env) as DeploymentRequest
    const outcome = await cancelOnSignal(signal =>
      carryOut(request, {
        sink: new ConsoleLogSink(context.stream, context.io.stderr),
        signal,
        warn: context.warn,
        log: context.note
      })
    )
    if (outcome.kind === 'no-deployment') throw new UserError(outcome.problem)
    const { report, outputs, branch } = outcome
    let text: string | undefined
    if (!succeeded(report)) {
      context.io.stderr.write(`slurm-gitops ${command} ${branch}: ${failureMessage(report)}\n`)
    } else if (outputs.skipped) {
      text = `${command} of ${branch} → ${outputs.environment}: skipped: ${outputs.skipped}`
    } else {
      text =
        `${command} of ${branch} → ${outputs.environment}: ${outputs.sha} (was ${outputs.previousSha || 'nothing'}), ` +
        `venv ${outputs.venv || 'unchanged'}, scrontab ${outputs.scrontab}, release ${outputs.release}`
    }
    return {
      exitCode: succeeded(report) ? 0 : 1,
      json: { deployments: [runJson(outcome)] },
      text
    }
  }
}

export const deployCommand = remoteCommand('deploy')
export const rollbackCommand = remoteCommand('rollback')
