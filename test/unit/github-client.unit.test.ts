// The action's GitHub client: when it goes through the runner's proxy (@actions/http-client's rule), and that it
// talks to the API as @actions/github's client did (token, user agent), directly or through a proxy.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { createGitHubClient, gitHubApiUrl, usesProxy } from '../../src/github/client.js'
import { VERSION } from '../../src/cli/version.js'
import { startFakeGitHub, type FakeGitHub } from '../action/fake-github.js'

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']
let saved: NodeJS.ProcessEnv

beforeEach(() => {
  saved = { ...process.env }
  for (const name of [...PROXY_VARIABLES, 'ACTIONS_ORCHESTRATION_ID', 'GITHUB_API_URL'])
    delete process.env[name]
})
afterEach(() => {
  process.env = saved
})

describe('usesProxy', () => {
  it('is false without a proxy variable', () => {
    expect(usesProxy('https://api.github.com')).toBe(false)
  })

  it('takes https_proxy or HTTPS_PROXY for an https API, and http_proxy or HTTP_PROXY for an http one', () => {
    process.env.HTTPS_PROXY = 'http://proxy.corp.example:3128'
    expect(usesProxy('https://api.github.com')).toBe(true)
    expect(usesProxy('http://ghes.corp.example/api/v3')).toBe(false)
    delete process.env.HTTPS_PROXY
    process.env.https_proxy = 'proxy.corp.example'
    expect(usesProxy('https://api.github.com')).toBe(true)
    delete process.env.https_proxy
    process.env.http_proxy = 'http://proxy.corp.example:3128'
    expect(usesProxy('https://api.github.com')).toBe(false)
    expect(usesProxy('http://ghes.corp.example/api/v3')).toBe(true)
  })

  it('leaves out a host that no_proxy or NO_PROXY names (itself, a domain of it, with its port, or *)', () => {
    process.env.https_proxy = 'http://proxy.corp.example:3128'
    for (const excluded of [
      'api.github.com',
      'github.com',
      '.github.com',
      'API.GITHUB.COM:443',
      'other, *'
    ]) {
      process.env.no_proxy = excluded
      expect([excluded, usesProxy('https://api.github.com')]).toEqual([excluded, false])
    }
    process.env.no_proxy = 'ghes.corp.example,api.github.com:8443'
    expect(usesProxy('https://api.github.com')).toBe(true)
    delete process.env.no_proxy
    process.env.NO_PROXY = 'github.com'
    expect(usesProxy('https://api.github.com')).toBe(false)
  })

  it('never proxies loopback', () => {
    process.env.http_proxy = 'http://proxy.corp.example:3128'
    expect(usesProxy('http://127.0.0.1:8080')).toBe(false)
    expect(usesProxy('http://localhost:8080')).toBe(false)
  })
})

describe('gitHubApiUrl', () => {
  it("is the runner's GITHUB_API_URL, else github.com's", () => {
    expect(gitHubApiUrl({ GITHUB_API_URL: 'https://ghes.corp.example/api/v3' })).toBe(
      'https://ghes.corp.example/api/v3'
    )
    expect(gitHubApiUrl({ GITHUB_API_URL: '' })).toBe('https://api.github.com')
  })
})

describe('createGitHubClient against a local HTTP server', () => {
  let github: FakeGitHub
  beforeEach(async () => {
    github = await startFakeGitHub()
  })
  afterEach(async () => {
    await github.close()
  })

  it("sends the token and slurm-gitops' user agent, with the runner's orchestration id", async () => {
    process.env.ACTIONS_ORCHESTRATION_ID = 'run 42/job:7'
    const octokit = await createGitHubClient('ghs_client_test', github.url)
    await octokit.rest.issues.createComment({ owner: 'caqrn', repo: 'pipeline', issue_number: 7, body: 'hi' })
    const [request] = github.requests
    expect(request).toMatchObject({
      method: 'POST',
      path: '/repos/caqrn/pipeline/issues/7/comments',
      authorization: 'token ghs_client_test',
      body: { body: 'hi' }
    })
    expect(request!.userAgent).toMatch(
      new RegExp(`^slurm-gitops/${VERSION} actions_orchestration_id/run_42_job_7 octokit-core\\.js/`)
    )
  })

  it('goes through the proxy when one is set for the API host', async () => {
    const proxy = await startConnectProxy(github)
    try {
      // @actions/github picks its proxy for GITHUB_API_URL when it loads: the runner sets both before the step.
      process.env.http_proxy = proxy.url
      process.env.GITHUB_API_URL = 'http://api.github.invalid'
      const octokit = await createGitHubClient('ghs_client_test')
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: 'caqrn',
        repo: 'pipeline',
        commit_sha: 'c'.repeat(40)
      })
      expect(data).toEqual([])
      expect(proxy.tunnels).toEqual(['api.github.invalid:80'])
      expect(github.requests).toMatchObject([
        { host: 'api.github.invalid', authorization: 'token ghs_client_test' }
      ])
    } finally {
      await proxy.close()
    }
  })
})

/** An HTTP proxy that tunnels every CONNECT to the fake GitHub, whatever host was asked for, and records it. */
async function startConnectProxy(
  github: FakeGitHub
): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = []
  const target = new URL(github.url)
  const server = http.createServer((_, response) => response.writeHead(405).end())
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(request.url ?? '')
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
