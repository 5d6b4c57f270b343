// CLI sandbox: stage a ref in a sandbox, submit it to the sandbox partition and follow it to its end. The job's
// log goes to stdout as it is written, the staging steps and our notes to stderr. Exit code 0 only for a job that
// COMPLETED with exit code 0 (or, with --no-wait, one that was submitted); Ctrl-C cancels the job.
import { sandboxRequest, type CliCommand } from './options.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { note } from './job-commands.js'
import { sandbox } from '../operations/sandbox.js'
import { failureMessage } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import { formatWatchEvent, formatWatchOutcome } from '../sandbox/watch-events.js'

const sandboxCommand: CliCommand = async options => {
  const request = sandboxRequest(options)
  const outcome = await cancelOnSignal(signal =>
    sandbox(request, {
      sink: new ConsoleLogSink(process.stderr, process.stderr),
      onOutput: chunk => process.stdout.write(chunk),
      onEvent: event => note(formatWatchEvent(event).text),
      onSubmitted: job => note(`submitted job ${job.jobId}; its log: ${job.logPath}`),
      signal,
      warn: message => note(`warning: ${message}`),
      log: note
    })
  )
  switch (outcome.kind) {
    case 'staging-failed':
      note(
        `staging ${outcome.sha} in sandbox ${outcome.run.sandbox} failed: ${failureMessage(outcome.report)}`
      )
      return 1
    case 'submitted':
      note(
        `job ${outcome.job.jobId} runs ${outcome.sha} in ${outcome.plan.runDir}; follow it: slurm-gitops watch ${outcome.job.jobId}`
      )
      return 0
    case 'watched':
      note(formatWatchOutcome(outcome.watch))
      return outcome.watch.succeeded ? 0 : 1
  }
}

export const SANDBOX_COMMANDS: Record<string, CliCommand> = { sandbox: sandboxCommand }
