// Finds the plan a push was reviewed with: the pull request merged as the pushed commit (GitHub lists the pull
// requests of a commit), and the plan record in that pull request's sticky comment. Read-only; an API failure
// is reported as "unchecked", never as a failed deploy by itself.
import type { GitHubClient } from './client.js'
import { findComment } from './sticky-comment.js'
import { decodePlanRecord } from '../report/plan-record.js'
import type { PullRef, ReviewLookup } from '../plan/plan-review.js'

export interface ReviewTarget {
  owner: string
  repo: string
  /** The pushed commit. */
  sha: string
  /** The branch it was pushed to: the pull request must have been merged into it. */
  branch: string
  /** The hidden first line of the plan's sticky comment. */
  marker: string
}

export async function findReviewedPlan(octokit: GitHubClient, target: ReviewTarget): Promise<ReviewLookup> {
  try {
    const { data: pulls } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.sha,
      per_page: 100
    })
    const merged = pulls.filter(p => p.merged_at && p.base.ref === target.branch)
    // The one merged as this very commit (a merge, squash or the tip of a rebase), else one that brought it.
    const pull = merged.find(p => p.merge_commit_sha === target.sha) ?? merged[0]
    if (!pull) return { kind: 'no-pull-request' }
    const ref: PullRef = { number: pull.number, url: pull.html_url, headSha: pull.head.sha }
    const comment = await findComment(
      octokit,
      { owner: target.owner, repo: target.repo, issueNumber: pull.number },
      target.marker
    )
    const record = comment ? decodePlanRecord(comment.body) : undefined
    return record ? { kind: 'found', pull: ref, record } : { kind: 'no-record', pull: ref }
  } catch (error) {
    const status = (error as { status?: number }).status
    const message = error instanceof Error ? error.message : String(error)
    return {
      kind: 'unchecked',
      reason:
        `GitHub answered ${status ? `HTTP ${status}: ` : ''}${message}` +
        (status === 403 || status === 404 ? ' (give the workflow `permissions: pull-requests: read`)' : '')
    }
  }
}
