// The action's main and post steps. Inputs are parsed once, then the command runs; every failure ends in
// core.setFailed with a message that says what to fix (and an annotation at the file and line when known).
import * as core from '@actions/core'
import { context } from '@actions/github'
import { type Command, COMMANDS, Outputs } from './constants.js'
import { type ActionSettings, getInputs } from './inputs.js'
import { runPlan } from './plan-command.js'
import { runRemoteCommand } from './deploy-command.js'
import { removeSshFiles } from './ssh-files.js'
import { UserError } from '../errors/user-error.js'
import { annotateProblems } from '../github/annotations.js'

export type CommandHandler = (settings: ActionSettings) => Promise<void>

/**
 * The commands this build implements. Another command is added by writing its handler in its own file and
 * listing it here, e.g. `deploy: runDeploy`; until then choosing it fails with a clear message.
 */
export const commandHandlers: Partial<Record<Command, CommandHandler>> = {
  plan: settings => runPlan(settings),
  deploy: settings => runRemoteCommand(settings, 'deploy'),
  rollback: settings => runRemoteCommand(settings, 'rollback')
}

export async function run(): Promise<void> {
  let settings: ActionSettings | undefined
  try {
    settings = getInputs({ eventName: context.eventName, payload: context.payload })
    core.info(`slurm-gitops ${settings.command} (${settings.commandSource})`)
    core.setOutput(Outputs.Command, settings.command)
    const handler = commandHandlers[settings.command]
    if (!handler) {
      const available = COMMANDS.filter(c => commandHandlers[c]).join(', ')
      throw new UserError({
        where: 'input command',
        message: `"${settings.command}" (chosen by ${settings.commandSource}) is not available in this version of slurm-gitops; it supports: ${available}. Set the command input to one of those.`
      })
    }
    await handler(settings)
  } catch (error) {
    fail(error, settings)
  }
}

/**
 * The post step (runs after the job's other steps, even when they failed). Cleanup of what the main step
 * created on the runner goes here; a failure in it must only warn, never fail a job that succeeded.
 */
export async function runPost(): Promise<void> {
  try {
    // The SSH key and known_hosts written by deploy/rollback; nothing else outlives the main step.
    await removeSshFiles()
  } catch (error) {
    core.warning(`slurm-gitops cleanup: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function fail(error: unknown, settings: ActionSettings | undefined): void {
  if (error instanceof UserError) {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    annotateProblems(error.problems, 'error', { repoDir: settings?.workingDirectory ?? workspace, workspace })
    core.setFailed(`slurm-gitops: ${error.problems.length} problem(s), see the errors above`)
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof Error && error.stack) core.debug(error.stack)
  core.setFailed(`slurm-gitops failed: ${message}`)
}
