// A small stand-in for GitHub's REST API on 127.0.0.1: issue comments (list with Link pagination, create,
// update), deployments (create, add a status) and the pull requests of a commit, recording every request. Real
// HTTP, so octokit's whole request path is exercised.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  authorization?: string
  userAgent?: string
  /** The Host header: the API host the client meant, also when it came through a proxy. */
  host?: string
  body?: unknown
}

export interface StoredComment {
  id: number
  body: string
  html_url: string
  user: { login: string; type: string }
}

export interface StoredDeploymentStatus {
  state: string
  log_url?: string
  description?: string
  auto_inactive?: boolean
}

export interface StoredDeployment {
  id: number
  owner: string
  repo: string
  /** The request body as sent (ref, environment, description, production_environment, …). */
  request: Record<string, unknown>
  statuses: StoredDeploymentStatus[]
}

/** What GET /repos/{owner}/{repo}/commits/{sha}/pulls answers with (the fields the action reads). */
export interface StoredPull {
  number: number
  html_url: string
  state: 'open' | 'closed'
  merged_at: string | null
  merge_commit_sha: string | null
  base: { ref: string; sha: string }
  head: { ref: string; sha: string }
}

export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  comments: Map<number, StoredComment[]>
  deployments: StoredDeployment[]
  /** Commit SHA → the pull requests GitHub associates with it (merged as it, or containing it). */
  pullsOfCommit: Map<string, StoredPull[]>
  /** When set, creating and updating comments answers this status (403 for a fork's read-only token). */
  denyWrites?: number
  /**
   * When set, creating deployments and deployment statuses answers this status (403 when the workflow lacks
   * `permissions: deployments: write`).
   */
  denyDeployments?: number
  close(): Promise<void>
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  let nextId = 1000
  const state: Omit<FakeGitHub, 'url' | 'close'> = {
    requests: [],
    comments: new Map(),
    deployments: [],
    pullsOfCommit: new Map()
  }
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', chunk => chunks.push(chunk as Buffer))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      const text = Buffer.concat(chunks).toString('utf8')
      const body: unknown = text ? JSON.parse(text) : undefined
      state.requests.push({
        method: request.method ?? '',
        path: url.pathname + url.search,
        authorization: request.headers.authorization,
        userAgent: request.headers['user-agent'],
        host: request.headers.host,
        body
      })
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers })
        response.end(JSON.stringify(data))
      }
      const deployments = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(url.pathname)
      const statuses = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(url.pathname)
      if ((deployments || statuses) && request.method === 'POST') {
        if (state.denyDeployments) {
          send(state.denyDeployments, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment'
          })
          return
        }
        if (deployments) {
          const deployment: StoredDeployment = {
            id: nextId++,
            owner: deployments[1]!,
            repo: deployments[2]!,
            request: body as Record<string, unknown>,
            statuses: []
          }
          state.deployments.push(deployment)
          send(201, {
            id: deployment.id,
            url: `http://${request.headers.host}${url.pathname}/${deployment.id}`
          })
          return
        }
        const deployment = state.deployments.find(
          d => d.id === Number(statuses![3]) && d.owner === statuses![1] && d.repo === statuses![2]
        )
        if (!deployment) {
          send(404, { message: 'Not Found' })
          return
        }
        deployment.statuses.push(body as StoredDeploymentStatus)
        send(201, { id: nextId++, ...(body as object) })
        return
      }
      const pulls = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/pulls$/.exec(url.pathname)
      if (pulls && request.method === 'GET') {
        send(200, state.pullsOfCommit.get(pulls[1]!) ?? [])
        return
      }
      const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
      const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
      if (list && request.method === 'GET') {
        const all = state.comments.get(Number(list[3])) ?? []
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const headers: Record<string, string> = {}
        if (page * perPage < all.length) {
          const next = new URL(url.toString())
          next.searchParams.set('page', String(page + 1))
          headers.link = `<http://${request.headers.host}${next.pathname}${next.search}>; rel="next"`
        }
        send(200, all.slice((page - 1) * perPage, page * perPage), headers)
        return
      }
      if ((list && request.method === 'POST') || (one && request.method === 'PATCH')) {
        if (state.denyWrites) {
          send(state.denyWrites, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/issues/comments'
          })
          return
        }
        const newBody = (body as { body: string }).body
        if (list) {
          const issue = Number(list[3])
          const id = nextId++
          const comment: StoredComment = {
            id,
            body: newBody,
            html_url: `https://github.com/${list[1]}/${list[2]}/pull/${issue}#issuecomment-${id}`,
            user: { login: 'github-actions[bot]', type: 'Bot' }
          }
          state.comments.set(issue, [...(state.comments.get(issue) ?? []), comment])
          send(201, comment)
          return
        }
        const comment = [...state.comments.values()].flat().find(c => c.id === Number(one![3]))
        if (!comment) {
          send(404, { message: 'Not Found' })
          return
        }
        comment.body = newBody
        send(200, comment)
        return
      }
      send(404, { message: `Not Found: ${request.method} ${url.pathname}` })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const fake = state as FakeGitHub
  fake.url = `http://127.0.0.1:${port}`
  fake.close = () =>
    new Promise<void>(resolve => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}

/** Comments written by someone else, to push ours onto a later page. */
export function otherComments(count: number, start = 1): StoredComment[] {
  return Array.from({ length: count }, (_, i) => ({
    id: start + i,
    body: `looks good ${i}`,
    html_url: `https://github.com/o/r/pull/1#issuecomment-${start + i}`,
    user: { login: 'reviewer', type: 'User' }
  }))
}

/** A pull request merged into `base` as `mergeSha` (a merge commit, or a squash). */
export function mergedPull(options: {
  number: number
  base: string
  baseSha: string
  headRef: string
  headSha: string
  mergeSha: string
}): StoredPull {
  return {
    number: options.number,
    html_url: `https://github.com/caqrn/pipeline/pull/${options.number}`,
    state: 'closed',
    merged_at: '2026-12-01T10:00:00Z',
    merge_commit_sha: options.mergeSha,
    base: { ref: options.base, sha: options.baseSha },
    head: { ref: options.headRef, sha: options.headSha }
  }
}
