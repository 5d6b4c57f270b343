// `deploy` (push to a deployed branch) and `rollback` (workflow_dispatch): the core runs the deployment's script;
// this presents the outcome as outputs and a job summary. While a deploy connects, it looks up the plan the
// merged pull request showed and says whether this is it (refusing otherwise with `requireReviewedPlan`). A GitHub
// deployment is recorded here only with `github-deployment: create`; by default the job's `environment:` is it.
import * as core from '@actions/core'
import type { ActionSettings } from './inputs.js'
import { Outputs, PLAN_COMMENT_MARKER } from './constants.js'
import { ActionLogSink } from './action-log-sink.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { deploy, rollback, type DeploymentOutcome, type DeployStart } from '../operations/deployment.js'
import type { DeployRequest, RollbackRequest } from '../operations/requests.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import type { GitHubClient } from '../github/client.js'
import { GitHubDeployment } from '../github/deployments.js'
import { runEnvironment } from '../github/run-environment.js'
import { planFingerprint } from '../plan/plan-fingerprint.js'
import { judgeReview, reviewAllowsDeploy, type PlanReview } from '../plan/plan-review.js'
import { deploySummary, refusedSummary, type SummaryTable } from '../report/deploy-summary.js'
import { reviewNote } from '../report/review-note.js'

/**
 * The runner cancels with SIGINT, then SIGTERM. From the first moment to the last status posted, a signal stops
 * the remote run (its process group is killed) and the command still reports the failure; node is never killed
 * halfway, which would leave the GitHub deployment `in_progress` forever.
 */
export function runDeploymentCommand(settings: ActionSettings): Promise<void> {
  return cancelOnSignal(signal => deploymentCommand(settings, signal))
}

/** A deploy that `requireReviewedPlan` stops before anything runs on the cluster (while it connects). */
class ReviewRefused extends Error {
  constructor(
    readonly review: PlanReview,
    readonly start: DeployStart
  ) {
    super('the plan is not the reviewed plan')
  }
}

async function deploymentCommand(settings: ActionSettings, signal: AbortSignal): Promise<void> {
  const request = settings.request as DeployRequest | RollbackRequest
  // The GitHub client (octokit, a large part of the bundle) is loaded when first needed: once the checks passed,
  // while the SSH handshake is in flight, rather than before connecting.
  let client: Promise<GitHub | undefined> | undefined
  const gitHub = () =>
    (client ??= settings.githubToken ? loadGitHub(settings.githubToken) : Promise.resolve(undefined))
  const record = async (sha: string, environment: string) => {
    const found = settings.githubDeployment === 'create' ? await gitHub() : undefined
    if (!found) return undefined
    return GitHubDeployment.start(found.octokit, {
      ...found.repository,
      sha,
      environment,
      description: `slurm-gitops ${request.command} of ${request.branch}`,
      runUrl: request.runUrl
    })
  }
  // A deploy is recorded from its start; a rollback once the run tells which commit it restored.
  let githubDeployment: GitHubDeployment | undefined
  // Looked up while the deploy connects and runs, unless it decides whether the deploy may run at all.
  let review: Promise<PlanReview> | undefined
  let reviewLogged = false
  const sink = new ActionLogSink()
  let outcome: DeploymentOutcome
  try {
    const io = {
      sink,
      signal,
      warn: (message: string) => sink.warning(message),
      log: (message: string) => core.info(message),
      onStart: async (start: DeployStart) => {
        review = checkReview(gitHub, request.branch, start)
        if (start.deployment.requireReviewedPlan) {
          const found = await review
          core.info(reviewNote(found, { required: true }).text)
          reviewLogged = true
          if (!reviewAllowsDeploy(found, true)) throw new ReviewRefused(found, start)
        }
        githubDeployment = await record(start.sha, start.environment)
      }
    }
    outcome = request.command === 'deploy' ? await deploy(request, io) : await rollback(request, io)
  } catch (error) {
    if (error instanceof ReviewRefused) {
      const note = reviewNote(error.review, { required: true })
      await writeSummary(refusedSummary(request.branch, error.start, note.markdown))
      core.setFailed(
        `slurm-gitops deploy of ${request.branch} refused before anything ran on the cluster: ${note.text}`
      )
      return
    }
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
  const note = review && reviewNote(await review, { required: false })
  if (note && !reviewLogged) core.info(note.text)
  await writeSummary(deploySummary(outcome, note?.markdown))
  const ok = succeeded(report)
  const restored = outputs.sha || outputs.targetSha
  if (!githubDeployment && restored) githubDeployment = await record(restored, outputs.environment)
  // A skipped deploy put nothing live: its commit's deployment is recorded as inactive, not as a success.
  await githubDeployment?.setState(!ok ? 'failure' : outputs.skipped ? 'inactive' : 'success')
  if (outputs.skipped) core.notice(`slurm-gitops ${request.command} of ${request.branch}: ${outputs.skipped}`)
  if (!ok) core.setFailed(`slurm-gitops ${request.command} of ${request.branch}: ${failureMessage(report)}`)
}

interface GitHub {
  repository: { owner: string; repo: string }
  octokit: GitHubClient
}

async function loadGitHub(token: string): Promise<GitHub> {
  const { repository } = runEnvironment()
  if (!repository)
    throw new Error('GITHUB_REPOSITORY is not set (owner/repo): GitHub cannot be asked about this run')
  const { createGitHubClient } = await import('../github/client.js')
  return { repository, octokit: await createGitHubClient(token) }
}

/**
 * The pull request merged as the pushed commit, its plan record, and how this deploy's plan compares. Never
 * rejects: what GitHub could not tell is an "unchecked" review.
 */
async function checkReview(
  gitHub: () => Promise<GitHub | undefined>,
  branch: string,
  start: DeployStart
): Promise<PlanReview> {
  try {
    const deployed = planFingerprint(start.plan)
    const found = await gitHub()
    // Its record parser (zod) is loaded here, while the deploy connects.
    const { findReviewedPlan } = await import('../github/reviewed-plan.js')
    const lookup = found
      ? await findReviewedPlan(found.octokit, {
          ...found.repository,
          sha: start.sha,
          branch,
          marker: PLAN_COMMENT_MARKER
        })
      : { kind: 'unchecked' as const, reason: 'the github-token input is empty' }
    return judgeReview(lookup, branch, deployed)
  } catch (error) {
    return { kind: 'unchecked', reason: error instanceof Error ? error.message : String(error) }
  }
}

async function writeSummary(table: SummaryTable): Promise<void> {
  const summary = core.summary.addHeading(table.heading, 2)
  if (table.lead) summary.addRaw(`\n${table.lead}\n`, true)
  if (table.rows.length > 0) {
    summary.addTable([
      [
        { data: 'What', header: true },
        { data: 'Now', header: true }
      ],
      ...table.rows
    ])
  }
  for (const section of table.sections)
    summary.addHeading(section.title, 3).addRaw(`\n${section.body}\n`, true)
  await summary.write()
}
