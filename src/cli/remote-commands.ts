// CLI deploy and rollback (status: status-command.ts): the core runs the deployment's script; this presents the
// outcome.
import { remoteRequest } from './options.js'
import type { CliCommand } from './command.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import {
  deploy,
  rollback,
  status,
  type DeploymentOutcome,
  type DeploymentRun,
  type OperationIO
} from '../operations/deployment.js'
import type { RemoteRequest } from '../operations/requests.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import { UserError } from '../errors/user-error.js'

async function carryOut(request: RemoteRequest, io: OperationIO): Promise<DeploymentOutcome[]> {
  switch (request.command) {
    case 'deploy':
      return [await deploy(request, io)]
    case 'rollback':
      return [await rollback(request, io)]
    case 'status':
      return status(request, io)
  }
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

function remoteCommand(command: RemoteRequest['command']): CliCommand {
  return async context => {
    const request = remoteRequest(command, context.options, context.env)
    const outcomes = await cancelOnSignal(signal =>
      carryOut(request, {
        sink: new ConsoleLogSink(context.stream, context.io.stderr),
        signal,
        warn: context.warn,
        log: context.note
      })
    )
    const runs: DeploymentRun[] = []
    for (const outcome of outcomes) {
      if (outcome.kind === 'no-deployment') throw new UserError(outcome.problem)
      runs.push(outcome)
    }
    const lines: string[] = []
    for (const { report, outputs, branch } of runs) {
      if (!succeeded(report)) {
        context.io.stderr.write(`slurm-gitops ${command} ${branch}: ${failureMessage(report)}\n`)
      } else if (outputs.skipped) {
        lines.push(`${command} of ${branch} → ${outputs.environment}: skipped: ${outputs.skipped}`)
      } else if (command !== 'status') {
        lines.push(
          `${command} of ${branch} → ${outputs.environment}: ${outputs.sha} (was ${outputs.previousSha || 'nothing'}), ` +
            `venv ${outputs.venv || 'unchanged'}, scrontab ${outputs.scrontab}, release ${outputs.release}`
        )
      }
    }
    return {
      exitCode: runs.every(run => succeeded(run.report)) ? 0 : 1,
      json: { deployments: runs.map(runJson) },
      text: lines.length > 0 ? lines.join('\n') : undefined
    }
  }
}

export const deployCommand = remoteCommand('deploy')
export const rollbackCommand = remoteCommand('rollback')
