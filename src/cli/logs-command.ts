// CLI logs: the latest runs of a scheduled job and the output of one, or --follow a run in progress. The run's
// output goes to stdout as it is in the file, the runs table and our notes to stderr (as `watch` does).
// Exit code 0 when the runs were listed (with --follow: when the run followed succeeded), 1 when the remote part
// failed or no output could be shown.
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { failureMessage } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import { formatRunsTable, formatShownRun } from '../logs/format-runs.js'
import { parseRunChoice, runLabel } from '../logs/scheduled-runs.js'
import { logs, type RunListing } from '../operations/logs.js'
import type { LogsRequest } from '../operations/requests.js'
import { formatWatchEvent, formatWatchOutcome } from '../sandbox/watch-events.js'
import { checkBranchName, checkJobName } from '../validate/names.js'
import type { CliCommand, CommandContext } from './command.js'
import type { CliOptions } from './flags.js'
import { connectionRequest, FlagCheck, repoLocation } from './options.js'

const DEFAULT_RUNS = 5
const MAX_RUNS = 100

/** `logs --branch B [--job NAME] [--runs N] [--run JOBID[:RUN]] [--follow]`. */
export function logsRequest(options: CliOptions, env: NodeJS.ProcessEnv): LogsRequest {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check, env)
  const branch = check.value('branch', options.branch, checkBranchName)
  const job = check.value('job', options.job, checkJobName)
  const runs = check.value('runs', options.runs, text =>
    /^[1-9][0-9]*$/.test(text) && Number(text) <= MAX_RUNS ? null : `must be a number from 1 to ${MAX_RUNS}`
  )
  const choice = options.run === undefined ? undefined : parseRunChoice(options.run)
  if (choice && 'problem' in choice) check.problems.push({ where: '--run', message: choice.problem })
  const repo = repoLocation(options, check, true)
  check.done()
  return {
    command: 'logs',
    repo,
    branch: branch!,
    ...(job ? { job } : {}),
    runs: runs === undefined ? DEFAULT_RUNS : Number(runs),
    ...(choice && !('problem' in choice) ? { run: choice } : {}),
    follow: options.follow === true,
    connection
  }
}

export const logsCommand: CliCommand = async context => {
  const request = logsRequest(context.options, context.env)
  let shown: RunListing | undefined
  // Ctrl-C stops following; the job is left as it is (a cron job is never cancelled from here).
  const outcome = await cancelOnSignal(signal =>
    logs(request, {
      sink: new ConsoleLogSink(context.io.stderr, context.io.stderr),
      onListing: listing => {
        shown = listing
        present(listing, context)
      },
      onOutput: chunk => context.stream.write(chunk),
      onEvent: event => context.note(formatWatchEvent(event).text),
      signal,
      warn: context.warn
    })
  )
  if (outcome.kind === 'failed') {
    context.note(`logs of ${request.branch}: ${failureMessage(outcome.run.report)}`)
    return { exitCode: 1, json: { error: failureMessage(outcome.run.report) } }
  }
  const listing = outcome.listing ?? shown
  const json = { runs: listing?.runs ?? [], job: listing?.job, logPath: listing?.logPath }
  if (outcome.followed) {
    context.note(formatWatchOutcome(outcome.followed))
    return { exitCode: outcome.followed.succeeded ? 0 : 1, json }
  }
  const ok = outcome.listing.shown || (outcome.listing.runs.length === 0 && !request.run)
  return { exitCode: ok ? 0 : 1, json }
}

/** The runs table and which run's output follows (on stderr, before the output). */
function present(listing: RunListing, { note, io }: CommandContext): void {
  const title = `job ${listing.job} of ${listing.environment}`
  if (listing.runs.length === 0) note(`${title}: no runs in Slurm's accounting yet`)
  else {
    const count = listing.runs.length === 1 ? 'its last run' : `its last ${listing.runs.length} runs`
    note(`${title}: ${count} (output file ${listing.logPath})`)
    for (const line of formatRunsTable(listing.runs)) io.stderr.write(`  ${line}\n`)
  }
  const { chosen, shown } = listing
  if (chosen && shown) note(formatShownRun(chosen, listing.logPath, shown))
  if (chosen && listing.following)
    note(
      `following run ${runLabel(chosen)} (started ${chosen.startTime ?? '?'}) to its end; Ctrl-C stops following, the job runs on`
    )
  if (listing.note) note(listing.note)
}
