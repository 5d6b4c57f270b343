// What the runner tells a step about its run (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_SHA, …), read as
// @actions/github's `context` reads it, but without loading @actions/github: that module brings octokit and an
// HTTP client, which every start of the action would pay for, even a command that never calls GitHub's API.
import { existsSync, readFileSync } from 'node:fs'

export interface RunEnvironment {
  eventName: string
  /** The event's payload (GITHUB_EVENT_PATH), `{}` when there is none. */
  payload: { inputs?: Record<string, unknown> | null; [key: string]: unknown }
  sha?: string
  ref?: string
  actor?: string
  /** NaN when not set (a local run), as in @actions/github's context. */
  runId: number
  runAttempt: number
  serverUrl: string
  /** From GITHUB_REPOSITORY, else the payload's repository; undefined when neither says. */
  repository?: { owner: string; repo: string }
}

export function runEnvironment(env: NodeJS.ProcessEnv = process.env): RunEnvironment {
  const payload = eventPayload(env.GITHUB_EVENT_PATH)
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    actor: env.GITHUB_ACTOR,
    runId: parseInt(env.GITHUB_RUN_ID ?? '', 10),
    runAttempt: parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository: repositoryOf(env.GITHUB_REPOSITORY, payload)
  }
}

function eventPayload(file: string | undefined): RunEnvironment['payload'] {
  if (!file) return {}
  if (!existsSync(file)) {
    process.stdout.write(`GITHUB_EVENT_PATH ${file} does not exist\n`)
    return {}
  }
  return JSON.parse(readFileSync(file, 'utf8')) as RunEnvironment['payload']
}

function repositoryOf(
  variable: string | undefined,
  payload: RunEnvironment['payload']
): RunEnvironment['repository'] {
  if (variable) {
    const [owner = '', repo = ''] = variable.split('/')
    return { owner, repo }
  }
  const repository = payload.repository as { owner?: { login?: string }; name?: string } | undefined
  if (repository?.owner?.login && repository.name)
    return { owner: repository.owner.login, repo: repository.name }
  return undefined
}
