// `command: plan`, the pull_request check: plan every deployment at head (the checked-out tree) and at the
// base commit, diff them, validate the head, and report as job summary, one sticky PR comment, annotations and
// outputs. It needs no SSH secret and never connects to the cluster.
import * as core from '@actions/core'
import { context, getOctokit } from '@actions/github'
import type { ActionSettings } from './inputs.js'
import { COMMENT_LIMIT, Outputs, PLAN_COMMENT_MARKER, SUMMARY_LIMIT } from './constants.js'
import { planRepository } from '../plan/plan-repository.js'
import type { DeploymentPlan } from '../plan/types.js'
import { validatePlans } from '../plan/validate.js'
import { composeScript } from '../plan/payload.js'
import { workingTreeReader, type RepoReader } from '../render/templates.js'
import { type Problem, UserError } from '../errors/user-error.js'
import { diffPlans } from '../report/plan-diff.js'
import {
  type BaseState,
  type HeadState,
  type PlanReport,
  renderPlanMarkdown
} from '../report/plan-markdown.js'
import { commitReader } from '../github/git-reader.js'
import { runUrl } from '../github/run-url.js'
import { type GitHubClient, type StickyResult, upsertStickyComment } from '../github/sticky-comment.js'
import { annotateProblems, type AnnotationPaths } from '../github/annotations.js'

/** What the plan needs from the run's world; `actionEnvironment()` reads it from the runner. */
export interface PlanEnvironment {
  eventName: string
  payload: typeof context.payload
  /** GITHUB_SHA: for a pull_request, the merge commit actions/checkout checks out. */
  sha: string
  repository?: { owner: string; repo: string }
  runUrl?: string
  workspace: string
  createClient: (token: string) => GitHubClient
}

export function actionEnvironment(): PlanEnvironment {
  let repository: PlanEnvironment['repository']
  try {
    repository = context.repo
  } catch {
    repository = undefined
  }
  return {
    eventName: context.eventName,
    payload: context.payload,
    sha: context.sha,
    repository,
    runUrl: runUrl(repository),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    createClient: token => getOctokit(token)
  }
}

type HeadPlan = { kind: 'planned'; plans: DeploymentPlan[] } | { kind: 'invalid'; problems: Problem[] }
type BasePlan = { state: BaseState; plans?: DeploymentPlan[] }

export async function runPlan(
  settings: ActionSettings,
  env: PlanEnvironment = actionEnvironment()
): Promise<void> {
  const paths: AnnotationPaths = { repoDir: settings.workingDirectory, workspace: env.workspace }
  const pullRequest = env.payload.pull_request
  const headSha: string = pullRequest?.head?.sha ?? env.sha

  const head = await core.group('Plan at head (the checked-out tree)', () =>
    planAt(workingTreeReader(settings.workingDirectory), settings.config)
  )
  const baseSha = baseCommit(env)
  const base = await core.group(`Plan at base ${baseSha ?? '(none)'}`, () => planBase(settings, baseSha))

  let headState: HeadState
  if (head.kind === 'invalid') {
    headState = head
  } else {
    const validation = await core.group('Validate the plan', async () => {
      const result = validatePlans(head.plans)
      core.info(`Checks: ${result.checks.join(', ')}`)
      core.info(`${result.errors.length} errors, ${result.warnings.length} warnings`)
      return result
    })
    const diff = diffPlans(head.plans, base.plans)
    headState = { kind: 'planned', diff, validation }
    await core.group('What the merge changes', async () => {
      for (const deployment of diff.deployments) {
        core.info(`${deployment.branch} (${deployment.environment}): ${deployment.status}`)
        for (const file of deployment.files.filter(f => f.status !== 'unchanged')) {
          core.info(`  ${file.status}: ${file.path}\n${file.patch}`)
        }
      }
    })
  }

  const report: PlanReport = {
    configFile: settings.config,
    headSha,
    base: base.state,
    head: headState,
    targetBranch: pullRequest?.base?.ref,
    runUrl: env.runUrl
  }

  const commentNote = await core.group('Sticky PR comment', () => writeComment(settings, env, report))

  const scripts =
    head.kind === 'planned' ? new Map(head.plans.map(p => [p.branch, composeScript(p)])) : undefined
  const summary = renderPlanMarkdown(report, {
    limit: SUMMARY_LIMIT - 4096,
    scripts,
    fullReportUrl: env.runUrl
  })
  await writeSummary(commentNote ? `${summary}\n${commentNote}\n` : summary)

  if (headState.kind === 'planned') {
    const changed = headState.diff.deployments.filter(d => d.status !== 'unchanged').map(d => d.branch)
    core.setOutput(Outputs.Changed, String(headState.diff.changed))
    core.setOutput(Outputs.ChangedDeployments, JSON.stringify(changed))
  }

  if (headState.kind === 'invalid') {
    annotateProblems(headState.problems, 'error', paths)
    core.setFailed(`The configuration is invalid: ${headState.problems.length} problem(s), annotated above`)
    return
  }
  annotateProblems(headState.validation.warnings, 'warning', paths)
  if (headState.validation.errors.length > 0) {
    annotateProblems(headState.validation.errors, 'error', paths)
    core.setFailed(`The plan has ${headState.validation.errors.length} validation error(s), annotated above`)
  }
}

async function planAt(read: RepoReader, configPath: string): Promise<HeadPlan> {
  try {
    const { plans } = await planRepository(read, configPath)
    core.info(`Planned ${plans.map(p => `${p.branch} → ${p.environment}`).join(', ')}`)
    return { kind: 'planned', plans }
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    for (const problem of error.problems) core.info(`invalid: ${problem.where}: ${problem.message}`)
    return { kind: 'invalid', problems: error.problems }
  }
}

async function planBase(settings: ActionSettings, sha: string | undefined): Promise<BasePlan> {
  if (!sha) {
    core.info('No base commit to compare with (not a pull request, or a new branch)')
    return { state: { kind: 'none' } }
  }
  const read = await commitReader(settings.workingDirectory, sha, { log: message => core.info(message) })
  if ((await read(settings.config)) === undefined) {
    core.info(`${settings.config} did not exist at ${sha}: everything is new`)
    return { state: { kind: 'absent', sha } }
  }
  const plan = await planAt(read, settings.config)
  if (plan.kind === 'invalid') return { state: { kind: 'invalid', sha, problems: plan.problems } }
  return { state: { kind: 'planned', sha }, plans: plan.plans }
}

/** pull_request: the base branch's commit; push: the commit before the push (absent for a new branch). */
function baseCommit(env: PlanEnvironment): string | undefined {
  const pullRequestBase: unknown = env.payload.pull_request?.base?.sha
  if (typeof pullRequestBase === 'string' && pullRequestBase) return pullRequestBase
  const before: unknown = env.payload.before
  if (env.eventName === 'push' && typeof before === 'string' && !/^0+$/.test(before)) return before
  return undefined
}

/** Writes or updates the sticky comment; returns a note for the summary when it could not. */
async function writeComment(
  settings: ActionSettings,
  env: PlanEnvironment,
  report: PlanReport
): Promise<string | undefined> {
  const number: unknown = env.payload.pull_request?.number
  if (!settings.comment) {
    core.info('comment is false: no PR comment')
    return undefined
  }
  if (typeof number !== 'number' || !env.repository) {
    core.info(`Not a pull request (${env.eventName}): no PR comment`)
    return undefined
  }
  if (!settings.githubToken) {
    core.warning(
      'github-token is empty: the plan could not be posted as a PR comment (it is in the job summary)'
    )
    return '> [!WARNING]\n> No PR comment was written: the github-token input is empty.'
  }
  const body = renderPlanMarkdown(report, {
    limit: COMMENT_LIMIT,
    marker: PLAN_COMMENT_MARKER,
    fullReportUrl: env.runUrl
  })
  const result: StickyResult = await upsertStickyComment(
    env.createClient(settings.githubToken),
    { ...env.repository, issueNumber: number },
    PLAN_COMMENT_MARKER,
    body
  )
  if (result.status === 'forbidden') {
    // A fork's PR runs with a read-only token: the check still reports, only the comment is missing.
    core.warning(
      `The plan could not be posted as a PR comment (${result.message}). This is expected for pull requests from ` +
        'forks, whose token is read-only; the plan is in the job summary. Otherwise grant pull-requests: write.'
    )
    return `> [!WARNING]\n> No PR comment was written: the token may not comment on this pull request (${result.message}).`
  }
  core.info(`Comment ${result.status}: ${result.url}`)
  core.setOutput(Outputs.CommentUrl, result.url)
  return undefined
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set (not on a runner): the plan report follows\n' + markdown)
    return
  }
  await core.summary.addRaw(markdown, true).write()
}
