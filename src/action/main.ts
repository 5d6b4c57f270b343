// The action's main step. Inputs are parsed once into a request, the core carries it out, and the command's
// presenter reports the outcome; every failure ends in core.setFailed with a message that says what to fix (and
// an annotation at the file and line when known).
import * as core from '@actions/core'
import { type Command, Outputs, State } from './constants.js'
import { type ActionSettings, type EventInfo, getInputs } from './inputs.js'
import { UserError } from '../errors/user-error.js'
import { annotateProblems } from '../github/annotations.js'
import { runEnvironment } from '../github/run-environment.js'
import { runUrl } from '../github/run-url.js'

type Presenter = (settings: ActionSettings) => Promise<void>

/**
 * One presenter per command: it hands the request to the core and reports the outcome. Each is imported when its
 * command runs (a chunk of its own in dist/), so a plan loads no SSH library and a deploy no diff library.
 */
const presenters: Record<Command, () => Promise<Presenter>> = {
  plan: async () => (await import('./plan-command.js')).runPlan,
  deploy: async () => (await import('./deploy-command.js')).runDeploymentCommand,
  rollback: async () => (await import('./deploy-command.js')).runDeploymentCommand,
  sandbox: async () => (await import('./sandbox-command.js')).runSandboxCommand,
  watch: async () => (await import('./sandbox-command.js')).runWatchCommand,
  cancel: async () => (await import('./sandbox-command.js')).runCancelCommand,
  status: async () => (await import('./status-command.js')).runStatusCommand
}

export async function run(): Promise<void> {
  let settings: ActionSettings | undefined
  try {
    settings = getInputs(eventInfo())
    core.info(`slurm-gitops ${settings.command} (${settings.commandSource})`)
    core.setOutput(Outputs.Command, settings.command)
    const present = await presenters[settings.command]()
    await present(settings)
  } catch (error) {
    fail(error, settings)
  }
}

/**
 * The post step (runs after the job's other steps, even when they failed or were cancelled): a sandbox job the
 * main step left unfinished is cancelled. A failure here only warns: it must not fail a job that succeeded.
 */
export async function runPost(): Promise<void> {
  try {
    if (!core.getState(State.UnfinishedJob)) return
    const settings = getInputs(eventInfo())
    const { cancelUnfinishedJob } = await import('./sandbox-command.js')
    await cancelUnfinishedJob(settings)
  } catch (error) {
    core.warning(`slurm-gitops post step: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The run's event, as the inputs need it. */
function eventInfo(): EventInfo {
  const run = runEnvironment()
  return { ...run, runUrl: runUrl(undefined, run), runId: String(run.runId) }
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
