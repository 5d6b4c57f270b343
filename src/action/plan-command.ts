// `command: plan`, the pull_request check: plan every deployment at head (the checked-out tree) and at the
// base commit, diff them, validate the head, and report as job summary, one sticky PR comment, annotations and
// outputs. It needs no SSH secret and never connects to the cluster.
import path from 'node:path'
import * as core from '@actions/core'
import type { ActionSettings } from './inputs.js'
import { COMMENT_LIMIT, Outputs, PLAN_COMMENT_MARKER, SUMMARY_LIMIT } from './constants.js'
import { plan } from '../operations/plan.js'
import type { PlanRequest } from '../operations/requests.js'
import { composeScript } from '../plan/payload.js'
import { deployedByMerge } from '../plan/plan-diff.js'
import { type PlanReport, renderPlanMarkdown } from '../report/plan-markdown.js'
import { escapeText } from '../report/markdown-text.js'
import type { GitHubClient } from '../github/client.js'
import { runEnvironment } from '../github/run-environment.js'
import { runUrl } from '../github/run-url.js'
import { type StickyResult, upsertStickyComment } from '../github/sticky-comment.js'
import { annotateProblems, type AnnotationPaths } from '../github/annotations.js'

/** What the plan's presentation needs from the run's world; `actionEnvironment()` reads it from the runner. */
export interface PlanEnvironment {
  eventName: string
  repository?: { owner: string; repo: string }
  /** GITHUB_SERVER_URL, e.g. https://github.com: commits and the config file link there. */
  serverUrl: string
  runUrl?: string
  workspace: string
  createClient: (token: string) => Promise<GitHubClient>
}

export function actionEnvironment(): PlanEnvironment {
  const run = runEnvironment()
  return {
    eventName: run.eventName,
    repository: run.repository,
    serverUrl: run.serverUrl,
    runUrl: runUrl(run.repository, run),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    // Loaded only when a comment is written.
    createClient: async token => (await import('../github/client.js')).createGitHubClient(token)
  }
}

export async function runPlan(
  settings: ActionSettings,
  env: PlanEnvironment = actionEnvironment()
): Promise<void> {
  const request = settings.request as PlanRequest
  const paths: AnnotationPaths = { repoDir: settings.workingDirectory, workspace: env.workspace }
  const { head, base } = await core.group(`Plan at head and at base ${request.base ?? '(none)'}`, () =>
    plan(request, message => core.info(message))
  )
  const targetBranch = settings.pullRequest?.baseRef
  if (head.kind === 'planned') {
    await core.group('What the merge changes', async () => {
      for (const deployment of head.diff.deployments) {
        core.info(`${deployment.branch} (${deployment.environment}): ${deployment.status}`)
        for (const file of deployment.files.filter(f => f.status !== 'unchanged')) {
          core.info(`  ${file.status}: ${file.path}\n${file.patch}`)
        }
      }
    })
  }

  const report: PlanReport = {
    configFile: settings.config,
    headSha: settings.pullRequest?.headSha ?? settings.eventSha,
    base,
    head,
    targetBranch,
    runUrl: env.runUrl,
    links: env.repository && {
      url: `${env.serverUrl}/${env.repository.owner}/${env.repository.repo}`,
      configPath: repositoryPath(env.workspace, settings.workingDirectory, settings.config)
    }
  }

  // The report and the outputs first: whatever the comment's API calls do, they are not lost.
  if (head.kind === 'planned') {
    const { deployed } = deployedByMerge(head.diff, targetBranch)
    const changed = deployed.filter(d => d.status !== 'unchanged').map(d => d.branch)
    core.setOutput(Outputs.Changed, String(changed.length > 0))
    core.setOutput(Outputs.ChangedDeployments, JSON.stringify(changed))
  }
  // The complete scripts are in `slurm-gitops plan --out`; a run with debug logging appends them here too.
  const scripts =
    head.kind === 'planned' && core.isDebug()
      ? new Map(head.plans.map(p => [p.branch, composeScript(p)]))
      : undefined
  await writeSummary(
    renderPlanMarkdown(report, { limit: SUMMARY_LIMIT - 4096, scripts, fullReportUrl: env.runUrl })
  )

  const commentNote = await core.group('Sticky PR comment', () => writeComment(settings, env, report))
  if (commentNote) await writeSummary(`${commentNote}\n`)

  if (head.kind === 'invalid') {
    annotateProblems(head.problems, 'error', paths)
    core.setFailed(`The configuration is invalid: ${head.problems.length} problem(s), annotated above`)
    return
  }
  annotateProblems(head.validation.warnings, 'warning', paths)
  if (head.validation.errors.length > 0) {
    annotateProblems(head.validation.errors, 'error', paths)
    core.setFailed(`The plan has ${head.validation.errors.length} validation error(s), annotated above`)
  }
}

/** The config file's path from the repository root, for its link (the action may run in a subdirectory). */
function repositoryPath(workspace: string, workingDirectory: string, config: string): string {
  return path.relative(workspace, path.join(workingDirectory, config)).split(path.sep).join('/')
}

/** Writes or updates the sticky comment; returns a note for the summary when it could not. */
async function writeComment(
  settings: ActionSettings,
  env: PlanEnvironment,
  report: PlanReport
): Promise<string | undefined> {
  const number = settings.pullRequest?.number
  if (!settings.comment) {
    core.info('comment is false: no PR comment')
    return undefined
  }
  if (number === undefined || !env.repository) {
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
    planRecord: true,
    fullReportUrl: env.runUrl
  })
  let result: StickyResult
  try {
    result = await upsertStickyComment(
      await env.createClient(settings.githubToken),
      { ...env.repository, issueNumber: number },
      PLAN_COMMENT_MARKER,
      body
    )
  } catch (error) {
    // GitHub failed (a 5xx, a timeout): the plan is in the job summary; the check does not fail for it.
    const message = error instanceof Error ? error.message : String(error)
    core.warning(`The plan could not be posted as a PR comment: ${message}; it is in the job summary`)
    return `> [!WARNING]\n> No PR comment was written: GitHub answered ${escapeText(message)}.`
  }
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
