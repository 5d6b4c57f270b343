// CLI `status`: Sync and Health of each deployment, as text for people or (--format json) the versioned JSON of
// docs/status-json.md. The status step's log is not shown: a failed run's last lines come with its error. Exit code 0
// when every status run succeeded, whatever the verdicts (a script reads them from the JSON); 1 when one failed.
import { remoteRequest, type CliCommand } from './options.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { UserError } from '../errors/user-error.js'
import type { StatusRequest } from '../operations/requests.js'
import { deploymentStatuses } from '../operations/status.js'
import { renderStatusText } from '../report/status-text.js'
import { statusJson } from '../status/status-json.js'
import type { LogSink } from '../exec/log-sink.js'

const FORMATS = ['text', 'json'] as const

const statusCommand: CliCommand = async options => {
  const format = options.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UserError({ where: '--format', message: `"${format}" is not one of ${FORMATS.join(', ')}` })
  const request = remoteRequest('status', options) as StatusRequest
  const warnings: string[] = []
  const statuses = await cancelOnSignal(signal =>
    deploymentStatuses(request, {
      sink: quietSink(warnings),
      signal,
      warn: message => warnings.push(message)
    })
  )
  for (const warning of warnings) console.error(`warning: ${warning}`)
  if (format === 'json') console.log(JSON.stringify(statusJson(statuses), null, 2))
  else console.log(renderStatusText(statuses))
  return statuses.every(s => s.ok) ? 0 : 1
}

/** The step's log is not shown (the verdicts say what it found); its warnings are. */
function quietSink(warnings: string[]): LogSink {
  return {
    startGroup: () => {},
    endGroup: () => {},
    info: () => {},
    warning: message => warnings.push(message)
  }
}

export const STATUS_COMMANDS: Record<string, CliCommand> = { status: statusCommand }
