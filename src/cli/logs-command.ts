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
import { note } from './job-commands.js'
import { connectionRequest, FlagCheck, repoLocation, type CliCommand, type CliOptions } from './options.js'

const DEFAULT_RUNS = 5
const MAX_RUNS = 100

/** `logs --branch B [--job NAME] [--runs N] [--run JOBID[:RUN]] [--follow]`. */
export function logsRequest(options: CliOptions): LogsRequest {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check)
  check.required('branch', options.branch, 'main')
  const branch = check.value('branch', options.branch, checkBranchName)
  const job = check.value('job', options.job, checkJobName)
  const runs = check.value('runs', options.runs, text =>
    /^[1-9][0-9]*$/.test(text) && Number(text) <= MAX_RUNS ? null : `must be a number from 1 to ${MAX_RUNS}`
  )
  const choice = options.run === undefined ? undefined : parseRunChoice(options.run)
  if (choice && 'problem' in choice) check.problems.push({ where: '--run', message: choice.problem })
  check.done()
  return {
    command: 'logs',
    repo: repoLocation(options),
    branch: branch!,
    ...(job ? { job } : {}),
    runs: runs === undefined ? DEFAULT_RUNS : Number(runs),
    ...(choice && !('problem' in choice) ? { run: choice } : {}),
    follow: options.follow === true,
    connection
  }
}

const logsCommand: CliCommand = async options => {
  const request = logsRequest(options)
  // Ctrl-C stops following; the job is left as it is (a cron job is never cancelled from here).
  const outcome = await cancelOnSignal(signal =>
    logs(request, {
      sink: new ConsoleLogSink(process.stderr, process.stderr),
      onListing: present,
      onOutput: chunk => process.stdout.write(chunk),
      onEvent: event => note(formatWatchEvent(event).text),
      signal,
      warn: message => note(`warning: ${message}`)
    })
  )
  if (outcome.kind === 'failed') {
    note(`logs of ${request.branch}: ${failureMessage(outcome.run.report)}`)
    return 1
  }
  if (outcome.followed) {
    note(formatWatchOutcome(outcome.followed))
    return outcome.followed.succeeded ? 0 : 1
  }
  const { listing } = outcome
  return listing.shown || (listing.runs.length === 0 && !request.run) ? 0 : 1
}

/** The runs table and which run's output follows (on stderr, before the output). */
function present(listing: RunListing): void {
  const title = `job ${listing.job} of ${listing.environment}`
  if (listing.runs.length === 0) note(`${title}: no runs in Slurm's accounting yet`)
  else {
    const count = listing.runs.length === 1 ? 'its last run' : `its last ${listing.runs.length} runs`
    note(`${title}: ${count} (output file ${listing.logPath})`)
    for (const line of formatRunsTable(listing.runs)) process.stderr.write(`  ${line}\n`)
  }
  const { chosen, shown } = listing
  if (chosen && shown) note(formatShownRun(chosen, listing.logPath, shown))
  if (chosen && listing.following)
    note(
      `following run ${runLabel(chosen)} (started ${chosen.startTime ?? '?'}) to its end; Ctrl-C stops following, the job runs on`
    )
  if (listing.note) note(listing.note)
}

export const LOGS_COMMANDS: Record<string, CliCommand> = { logs: logsCommand }
