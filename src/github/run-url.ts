// The URL of this workflow run (and attempt), for PR comments, deployment statuses and the deploy history.
import { context } from '@actions/github'

export function runUrl(
  repository: { owner: string; repo: string } | undefined = safeRepo()
): string | undefined {
  if (!repository || !context.runId) return undefined
  const attempt = context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : ''
  return `${context.serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${context.runId}${attempt}`
}

/** context.repo throws when GITHUB_REPOSITORY is not set (e.g. a local run). */
function safeRepo(): { owner: string; repo: string } | undefined {
  try {
    return context.repo
  } catch {
    return undefined
  }
}
