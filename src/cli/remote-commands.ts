// CLI deploy and rollback (status: status-command.ts): the core runs the deployment's script; this prints the outcome.
import { remoteRequest, type CliCommand } from './options.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import {
  deploy,
  rollback,
  status,
  type DeploymentOutcome,
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

function remoteCommand(command: RemoteRequest['command']): CliCommand {
  return async options => {
    const request = remoteRequest(command, options)
    const outcomes = await cancelOnSignal(signal =>
      carryOut(request, {
        sink: new ConsoleLogSink(),
        signal,
        warn: message => console.error(`warning: ${message}`)
      })
    )
    let failed = false
    for (const outcome of outcomes) {
      if (outcome.kind === 'no-deployment') throw new UserError(outcome.problem)
      const { report, outputs, branch } = outcome
      if (!succeeded(report)) {
        console.error(`slurm-gitops ${command} ${branch}: ${failureMessage(report)}`)
        failed = true
      } else if (outputs.skipped) {
        console.log(`${command} of ${branch} → ${outputs.environment}: skipped: ${outputs.skipped}`)
      } else if (command !== 'status') {
        console.log(
          `${command} of ${branch} → ${outputs.environment}: ${outputs.sha} (was ${outputs.previousSha || 'nothing'}), ` +
            `venv ${outputs.venv || 'unchanged'}, scrontab ${outputs.scrontab}, release ${outputs.release}`
        )
      }
    }
    return failed ? 1 : 0
  }
}

export const REMOTE_COMMANDS: Record<string, CliCommand> = {
  deploy: remoteCommand('deploy'),
  rollback: remoteCommand('rollback')
}
