// CLI remove: a deployment (--branch B) or a sandbox (--sandbox NAME) goes from the cluster. It cannot be undone,
// so on a terminal it asks first; a script says --yes (without a terminal and without --yes it refuses: exit 2).
// Exit code 0 when it was removed, 1 when the remote part failed or the answer was no.
import { createInterface } from 'node:readline/promises'
import { userInfo } from 'node:os'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import { UserError } from '../errors/user-error.js'
import { remove } from '../operations/remove.js'
import type { RemoveRequest } from '../operations/requests.js'
import { checkBranchName, checkSandboxName } from '../validate/names.js'
import type { CliCommand } from './command.js'
import type { CliOptions } from './flags.js'
import { connectionRequest, FlagCheck, repoLocation } from './options.js'

/** `remove --branch B | --sandbox NAME [--force] [--purge] [--yes]`. */
export function removeRequest(options: CliOptions, env: NodeJS.ProcessEnv): RemoveRequest {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check, env)
  const branch = check.value('branch', options.branch, checkBranchName)
  const sandbox = check.value('sandbox', options.sandbox, checkSandboxName)
  if ((options.branch === undefined) === (options.sandbox === undefined)) {
    check.problems.push({
      where: '--branch / --sandbox',
      message: 'give one: --branch B removes a deployment, --sandbox NAME a sandbox'
    })
  }
  if (options.sandbox !== undefined && options.purge)
    check.problems.push({
      where: '--purge',
      message: 'is for a deployment (its data and logs); a sandbox goes whole'
    })
  const repo = repoLocation(options, check, true)
  check.done()
  return {
    command: 'remove',
    repo,
    target: branch ? { branch } : { sandbox: sandbox! },
    force: options.force === true,
    purge: options.purge === true,
    actor: options.actor ?? userInfo().username,
    runUrl: 'cli',
    connection
  }
}

/** What the question lists: what goes, and what stays. */
export function removalQuestion(request: RemoveRequest): string {
  if ('sandbox' in request.target) {
    return (
      `Remove sandbox ${request.target.sandbox}: its run directories, their queued jobs` +
      `${request.force ? ' and running ones' : ''}, and its refs in the sandboxes' mirror?`
    )
  }
  const kept = request.purge ? 'its data directory and logs go too' : 'its data directory and logs stay'
  return (
    `Remove the deployment of ${request.target.branch}: its scrontab block, its cron job` +
    `${request.force ? ' (a running one is cancelled)' : ''}, current, releases, venv references and mirror ` +
    `(${kept})?`
  )
}

export const removeCommand: CliCommand = async context => {
  const { options, note } = context
  const request = removeRequest(options, context.env)
  if (!options.yes) {
    if (!process.stdin.isTTY || !process.stderr.isTTY) {
      throw new UserError({
        where: '--yes',
        message: 'is required without a terminal: removing cannot be undone, and there is no one to ask'
      })
    }
    if (!(await confirm(removalQuestion(request)))) {
      note('nothing was removed')
      return { exitCode: 1, json: { removed: [], cancelled: [] } }
    }
  }
  const outcome = await cancelOnSignal(signal =>
    remove(request, {
      sink: new ConsoleLogSink(context.io.stderr, context.io.stderr),
      signal,
      warn: context.warn
    })
  )
  const what =
    outcome.kind === 'sandbox' ? `sandbox ${outcome.sandbox}` : `the deployment of ${outcome.branch}`
  if (!succeeded(outcome.report)) {
    note(`remove ${what}: ${failureMessage(outcome.report)}`)
    return { exitCode: 1, json: { error: failureMessage(outcome.report) } }
  }
  const { removed, cancelled } = outcome.outputs
  note(
    `removed ${what}: ${removed.join(', ') || 'nothing was there'}` +
      (cancelled.length > 0 ? `; cancelled job(s) ${cancelled.join(', ')}` : '')
  )
  return { exitCode: 0, json: { removed, cancelled } }
}

async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^(y|yes)$/i.test((await prompt.question(`${question} [y/N] `)).trim())
  } finally {
    prompt.close()
  }
}
