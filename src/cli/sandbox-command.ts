// CLI sandbox: stage a ref in a sandbox, submit it to the sandbox partition and follow it to its end. The job's
// log goes to stdout as it is written (stderr under --format json), the staging steps and our notes to stderr.
// Exit code 0 only for a job that COMPLETED with exit code 0 (or, with --no-wait, one that was submitted);
// Ctrl-C cancels the job.
import { sandboxRequest } from './options.js'
import type { CliCommand } from './command.js'
import { watchJson } from './job-commands.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { sandbox, type SandboxOutcome } from '../operations/sandbox.js'
import { failureMessage } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import { formatWatchEvent, formatWatchOutcome } from '../sandbox/watch-events.js'

/** The run for --format json: what ran where, and how it ended. */
function sandboxJson(outcome: SandboxOutcome) {
  const { run, sha, plan } = outcome
  return {
    outcome: outcome.kind,
    ref: run.ref,
    sha,
    sandbox: run.sandbox,
    partition: run.partition,
    timeLimit: run.timeLimit,
    runDir: plan.runDir,
    logPath: plan.logPath,
    ...(outcome.kind === 'staging-failed' ? { error: failureMessage(outcome.report) } : {}),
    ...(outcome.kind === 'submitted' ? { jobId: outcome.job.jobId } : {}),
    ...(outcome.kind === 'watched' ? { jobId: outcome.job.jobId, job: watchJson(outcome.watch) } : {})
  }
}

export const sandboxCommand: CliCommand = async context => {
  const request = sandboxRequest(context.options, context.env)
  const outcome = await cancelOnSignal(signal =>
    sandbox(request, {
      sink: new ConsoleLogSink(context.io.stderr, context.io.stderr),
      onOutput: chunk => context.stream.write(chunk),
      onEvent: event => context.note(formatWatchEvent(event).text),
      onSubmitted: job => context.note(`submitted job ${job.jobId}; its log: ${job.logPath}`),
      signal,
      warn: context.warn,
      log: context.note
    })
  )
  const json = sandboxJson(outcome)
  switch (outcome.kind) {
    case 'staging-failed':
      context.note(
        `staging ${outcome.sha} in sandbox ${outcome.run.sandbox} failed: ${failureMessage(outcome.report)}`
      )
      return { exitCode: 1, json }
    case 'submitted':
      context.note(
        `job ${outcome.job.jobId} runs ${outcome.sha} in ${outcome.plan.runDir}; follow it: slurm-gitops watch ${outcome.job.jobId}`
      )
      return { exitCode: 0, json }
    case 'watched':
      context.note(formatWatchOutcome(outcome.watch))
      return { exitCode: outcome.watch.succeeded ? 0 : 1, json }
  }
}
