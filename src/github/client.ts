// The GitHub API client of every action command that calls GitHub (deploy and rollback: deployments and the
// reviewed plan; plan: the sticky comment). It is @actions/github's Octokit (the same core and plugins) on
// node:http (node-http-fetch.ts): @actions/github would load its HTTP client, tunnel and the npm undici (an
// 800 kB chunk), and Node's own fetch compiles its parser to WebAssembly; either costs a deploy about 30 MiB.
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { nodeHttpFetch } from './node-http-fetch.js'
import { VERSION } from '../cli/version.js'

const GitHubRest = Octokit.plugin(restEndpointMethods, paginateRest)

export type GitHubClient = InstanceType<typeof GitHubRest>

/** The runner's API URL (GitHub Enterprise Server has its own), else github.com's. */
export function gitHubApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL || 'https://api.github.com'
}

/**
 * Whether requests to `apiUrl` go through the runner's proxy: @actions/http-client's own rule (https_proxy or
 * HTTPS_PROXY for an https URL, http_proxy or HTTP_PROXY otherwise; not for a host in no_proxy/NO_PROXY, nor
 * for loopback), read from process.env as it reads it.
 */
export function usesProxy(apiUrl: string): boolean {
  return Boolean(getProxyUrl(new URL(apiUrl))?.hostname)
}

export async function createGitHubClient(
  token: string,
  apiUrl: string = gitHubApiUrl()
): Promise<GitHubClient> {
  const userAgent = clientUserAgent()
  if (usesProxy(apiUrl)) {
    // node:http ignores the proxy variables; @actions/github routes every request through the proxy, as the
    // action always did (it picks the proxy for GITHUB_API_URL when it loads). Loaded only then.
    const { getOctokit } = await import('@actions/github')
    return getOctokit(token, { baseUrl: apiUrl, userAgent })
  }
  return new GitHubRest({ auth: token, baseUrl: apiUrl, userAgent, request: { fetch: nodeHttpFetch } })
}

/**
 * `slurm-gitops/<version>`, with the runner's orchestration id as @actions/github adds it (GitHub ties the
 * requests to the job with it); octokit appends its own name and node's version.
 */
function clientUserAgent(env: NodeJS.ProcessEnv = process.env): string {
  const ours = `slurm-gitops/${VERSION}`
  const orchestrationId = env.ACTIONS_ORCHESTRATION_ID?.trim()
  if (!orchestrationId) return ours
  return `${ours} actions_orchestration_id/${orchestrationId.replace(/[^a-z0-9_.-]/gi, '_')}`
}
