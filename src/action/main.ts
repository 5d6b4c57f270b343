// The action's main step. Inputs are parsed once into a request, the core carries it out, and the command's
// presenter reports the outcome; every failure ends in core.setFailed with a message that says what to fix (and
// an annotation at the file and line when known).
import * as core from '@actions/core'
import { context } from '@actions/github'
import { type Command, Outputs, State } from './constants.js'
import { type ActionSettings, getInputs } from './inputs.js'
import { runPlan } from './plan-command.js'
import { runDeploymentCommand } from './deploy-command.js'
import { runStatusCommand } from './status-command.js'
import {
  cancelUnfinishedJob,
  runCancelCommand,
  runSandboxCommand,
  runWatchCommand
} from './sandbox-command.js'
import { UserError } from '../errors/user-error.js'
import { annotateProblems } from '../github/annotations.js'
import { runUrl } from '../github/run-url.js'

/** One presenter per command: it hands the request to the core and reports the outcome. */
const presenters: Record<Command, (settings: ActionSettings) => Promise<void>> = {
  plan: runPlan,
  deploy: runDeploymentCommand,
  rollback: runDeploymentCommand,
  sandbox: runSandboxCommand,
  watch: runWatchCommand,
  cancel: runCancelCommand,
  status: runStatusCommand
}

export async function run(): Promise<void> {
  let settings: ActionSettings | undefined
  try {
    settings = getInputs({
      eventName: context.eventName,
      payload: context.payload,
      ref: context.ref,
      sha: context.sha,
      actor: context.actor,
      runUrl: runUrl(),
      runId: String(context.runId)
    })
    core.info(`slurm-gitops ${settings.command} (${settings.commandSource})`)
    core.setOutput(Outputs.Command, settings.command)
    await presenters[settings.command](settings)
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
    const settings = getInputs({
      eventName: context.eventName,
      payload: context.payload,
      ref: context.ref,
      sha: context.sha,
      actor: context.actor
    })
    await cancelUnfinishedJob(settings)
  } catch (error) {
    core.warning(`slurm-gitops post step: ${error instanceof Error ? error.message : String(error)}`)
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
