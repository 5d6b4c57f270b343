// One PR comment per marker, updated in place on every push (never a new comment per push). The octokit is
// passed in, so tests point it at a local server instead of mocking modules.
import type { GitHubClient } from './client.js'

export interface CommentTarget {
  owner: string
  repo: string
  /** The pull request number (PR comments are issue comments). */
  issueNumber: number
}

export type StickyResult =
  | { status: 'created' | 'updated' | 'unchanged'; id: number; url: string }
  /** The token may not comment (a fork's PR gets a read-only token): not a failure of the plan. */
  | { status: 'forbidden'; message: string }

/**
 * Creates the comment whose body starts with `marker`, or updates the one already there. `body` must start
 * with the marker. Returns 'forbidden' instead of throwing when GitHub answers 403 or 404.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: CommentTarget,
  marker: string,
  body: string
): Promise<StickyResult> {
  if (!body.startsWith(marker)) throw new Error('a sticky comment body must start with its marker')
  const where = { owner: target.owner, repo: target.repo }
  try {
    const existing = await findComment(octokit, target, marker)
    if (existing) {
      if (existing.body === body) return { status: 'unchanged', id: existing.id, url: existing.html_url }
      const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body })
      return { status: 'updated', id: data.id, url: data.html_url }
    }
    const { data } = await octokit.rest.issues.createComment({
      ...where,
      issue_number: target.issueNumber,
      body
    })
    return { status: 'created', id: data.id, url: data.html_url }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 403 || status === 404) {
      return { status: 'forbidden', message: `GitHub answered ${status}: ${(error as Error).message}` }
    }
    throw error
  }
}

/**
 * Pages through all comments (100 a page) and stops at the first that starts with the marker and was written by
 * a bot (the workflow's token, or an app's): a comment anyone else wrote, even one that copies our marker, is
 * neither updated nor believed (the deploy reads the reviewed plan from it).
 */
export async function findComment(
  octokit: GitHubClient,
  target: CommentTarget,
  marker: string
): Promise<{ id: number; body: string; html_url: string } | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    // Starts with, not includes: a reply quoting our comment must not be taken for it.
    const found = page.data.find(comment => comment.body?.startsWith(marker) && comment.user?.type === 'Bot')
    if (found) return { id: found.id, body: found.body ?? '', html_url: found.html_url }
  }
  return undefined
}
