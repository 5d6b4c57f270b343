// CLI `status`: Sync and Health of each deployment, as text for people or (--format json) the versioned JSON of
// docs/status-json.md inside the CLI's result. The status step's log is not shown: a failed run's last lines come
// with its error. Exit code 0 when every status run succeeded, whatever the verdicts (a script reads them from the
// JSON); 1 when one failed.
import { remoteRequest } from './options.js'
import type { CliCommand } from './command.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import type { StatusRequest } from '../operations/requests.js'
import { deploymentStatuses } from '../operations/status.js'
import { renderStatusText } from '../report/status-text.js'
import { statusJson } from '../status/status-json.js'
import type { LogSink } from '../exec/log-sink.js'

export const statusCommand: CliCommand = async context => {
  const request = remoteRequest('status', context.options, context.env) as StatusRequest
  const statuses = await cancelOnSignal(signal =>
    deploymentStatuses(request, { sink: quietSink(context.warn), signal, warn: context.warn })
  )
  return {
    exitCode: statuses.every(s => s.ok) ? 0 : 1,
    json: { status: statusJson(statuses) },
    text: renderStatusText(statuses)
  }
}

/** The step's log is not shown (the verdicts say what it found); its warnings are. */
function quietSink(warn: (message: string) => void): LogSink {
  return { startGroup: () => {}, endGroup: () => {}, info: () => {}, warning: warn }
}
