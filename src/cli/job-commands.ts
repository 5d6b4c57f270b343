// CLI watch and cancel of a sandbox test job: the job's log on stdout as it is written (stderr under --format
// json), our notes on stderr. Exit code 0 only for a job that COMPLETED with exit code 0 (watch) or a cancel
// Slurm confirmed.
import { jobRequest } from './options.js'
import type { CliCommand } from './command.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { cancel, watch } from '../operations/job.js'
import type { WatchOutcome } from '../sandbox/watch.js'
import { formatWatchEvent, formatWatchOutcome } from '../sandbox/watch-events.js'

/** A watch's outcome for --format json: everything but the connection it ended on. */
export function watchJson(outcome: WatchOutcome): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outcome).filter(([key]) => key !== 'transport'))
}

export const watchCommand: CliCommand = async context => {
  const request = jobRequest('watch', context.options, context.args, context.env)
  const outcome = await cancelOnSignal(signal =>
    watch(request, {
      onOutput: chunk => context.stream.write(chunk),
      onEvent: event => context.note(formatWatchEvent(event).text),
      signal,
      warn: context.warn
    })
  )
  context.note(formatWatchOutcome(outcome))
  return { exitCode: outcome.succeeded ? 0 : 1, json: { job: watchJson(outcome) } }
}

export const cancelCommand: CliCommand = async context => {
  const request = jobRequest('cancel', context.options, context.args, context.env)
  const outcome = await cancel(request, { warn: context.warn })
  context.note(outcome.message)
  return { exitCode: outcome.confirmed ? 0 : 1, json: { cancel: outcome } }
}
