// CLI watch and cancel of a sandbox test job: the job's log on stdout as it is written, our notes on stderr.
// Exit code 0 only for a job that COMPLETED with exit code 0 (watch) or a cancel Slurm confirmed.
import { jobRequest, type CliCommand } from './options.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { cancel, watch } from '../operations/job.js'
import { formatWatchEvent, formatWatchOutcome } from '../sandbox/watch-events.js'

/** Our notes go to stderr, so that stdout is the job's log alone. */
export const note = (text: string) => console.error(`slurm-gitops: ${text}`)

const watchCommand: CliCommand = async (options, args) => {
  const request = jobRequest('watch', options, args)
  const outcome = await cancelOnSignal(signal =>
    watch(request, {
      onOutput: chunk => process.stdout.write(chunk),
      onEvent: event => note(formatWatchEvent(event).text),
      signal,
      warn: message => note(`warning: ${message}`)
    })
  )
  note(formatWatchOutcome(outcome))
  return outcome.succeeded ? 0 : 1
}

const cancelCommand: CliCommand = async (options, args) => {
  const request = jobRequest('cancel', options, args)
  const outcome = await cancel(request, { warn: message => note(`warning: ${message}`) })
  note(outcome.message)
  return outcome.confirmed ? 0 : 1
}

export const JOB_COMMANDS: Record<string, CliCommand> = { watch: watchCommand, cancel: cancelCommand }
