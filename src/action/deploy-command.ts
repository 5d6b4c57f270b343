// `deploy` (push to a deployed branch) and `rollback` (workflow_dispatch): the core runs the deployment's script;
// this presents the outcome as outputs, a job summary and a GitHub deployment.
import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'
import type { ActionSettings } from './inputs.js'
import { Outputs } from './constants.js'
import { ActionLogSink } from './action-log-sink.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { deploy, rollback, type DeploymentOutcome, type DeploymentRun } from '../operations/deployment.js'
import type { DeployRequest, RollbackRequest } from '../operations/requests.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import { GitHubDeployment } from '../github/deployments.js'
import { deploySummary } from '../report/deploy-summary.js'

/**
 * The runner cancels with SIGINT, then SIGTERM. From the first moment to the last status posted, a signal stops
 * the remote run (its process group is killed) and the command still reports the failure; node is never killed
 * halfway, which would leave the GitHub deployment `in_progress` forever.
 */
export function runDeploymentCommand(settings: ActionSettings): Promise<void> {
  return cancelOnSignal(signal => deploymentCommand(settings, signal))
}

async function deploymentCommand(settings: ActionSettings, signal: AbortSignal): Promise<void> {
  const request = settings.request as DeployRequest | RollbackRequest
  // octokit (and its HTTP client, a large part of the bundle) is imported when the deployment is first recorded:
  // once the checks passed, while the SSH handshake is in flight, rather than before connecting.
  let octokit: ReturnType<typeof getOctokit> | undefined
  const record = async (sha: string, environment: string) => {
    if (!settings.githubToken) return undefined
    const { context, getOctokit } = await import('@actions/github')
    octokit ??= getOctokit(settings.githubToken)
    return GitHubDeployment.start(octokit, {
      ...context.repo,
      sha,
      environment,
      description: `slurm-gitops ${request.command} of ${request.branch}`,
      runUrl: request.runUrl
    })
  }
  // A deploy is recorded from its start; a rollback once the run tells which commit it restored.
  let githubDeployment: GitHubDeployment | undefined
  const sink = new ActionLogSink()
  let outcome: DeploymentOutcome
  try {
    const io = {
      sink,
      signal,
      warn: (message: string) => sink.warning(message),
      log: (message: string) => core.info(message),
      onStart: async (start: { environment: string; sha: string }) => {
        githubDeployment = await record(start.sha, start.environment)
      }
    }
    outcome = request.command === 'deploy' ? await deploy(request, io) : await rollback(request, io)
  } catch (error) {
    await githubDeployment?.setState('failure')
    throw error
  } finally {
    // Workflow commands are back on, whatever happened.
    sink.close()
  }
  if (outcome.kind === 'no-deployment') {
    core.notice(
      `branch ${outcome.branch} has no deployment in ${settings.config}: nothing to ${request.command}`
    )
    return
  }
  const { outputs, report } = outcome
  core.setOutput(Outputs.Sha, outputs.sha)
  core.setOutput(Outputs.PreviousSha, outputs.previousSha)
  core.setOutput(Outputs.Release, outputs.release)
  core.setOutput(Outputs.Environment, outputs.environment)
  core.setOutput(Outputs.Venv, outputs.venv)
  core.setOutput(Outputs.Scrontab, outputs.scrontab)
  core.setOutput(Outputs.Skipped, outputs.skipped)
  await writeSummary(outcome)
  const ok = succeeded(report)
  const restored = outputs.sha || outputs.targetSha
  if (!githubDeployment && restored) githubDeployment = await record(restored, outputs.environment)
  // A skipped deploy put nothing live: its commit's deployment is recorded as inactive, not as a success.
  await githubDeployment?.setState(!ok ? 'failure' : outputs.skipped ? 'inactive' : 'success')
  if (outputs.skipped) core.notice(`slurm-gitops ${request.command} of ${request.branch}: ${outputs.skipped}`)
  if (!ok) core.setFailed(`slurm-gitops ${request.command} of ${request.branch}: ${failureMessage(report)}`)
}

async function writeSummary(outcome: DeploymentRun): Promise<void> {
  const table = deploySummary(outcome)
  const summary = core.summary.addHeading(table.heading, 2).addTable([
    [
      { data: 'What', header: true },
      { data: 'Now', header: true }
    ],
    ...table.rows
  ])
  for (const section of table.sections)
    summary.addHeading(section.title, 3).addRaw(`\n${section.body}\n`, true)
  await summary.write()
}
