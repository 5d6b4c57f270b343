// The URL of this workflow run (and attempt), for PR comments, deployment statuses and the deploy history.
import { runEnvironment, type RunEnvironment } from './run-environment.js'

export function runUrl(
  repository?: { owner: string; repo: string },
  run: RunEnvironment = runEnvironment()
): string | undefined {
  const where = repository ?? run.repository
  if (!where || !run.runId) return undefined
  const attempt = run.runAttempt > 1 ? `/attempts/${run.runAttempt}` : ''
  return `${run.serverUrl}/${where.owner}/${where.repo}/actions/runs/${run.runId}${attempt}`
}
