import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  VERSION
} from "./chunk-UYO7SUW6.js";
import {
  getProxyUrl
} from "./chunk-QT355YP3.js";
import {
  Octokit,
  paginateRest,
  restEndpointMethods
} from "./chunk-CWSOM7DV.js";
import "./chunk-M7CMLPS4.js";

// src/github/client.ts
var GitHubRest = Octokit.plugin(restEndpointMethods, paginateRest);
function gitHubApiUrl(env = process.env) {
  return env.GITHUB_API_URL || "https://api.github.com";
}
function usesProxy(apiUrl) {
  return Boolean(getProxyUrl(new URL(apiUrl))?.hostname);
}
async function createGitHubClient(token, apiUrl = gitHubApiUrl()) {
  const userAgent = clientUserAgent();
  if (usesProxy(apiUrl)) {
    const { getOctokit } = await import("./github-FXTG4N7O.js");
    return getOctokit(token, { baseUrl: apiUrl, userAgent });
  }
  return new GitHubRest({ auth: token, baseUrl: apiUrl, userAgent, request: { fetch: globalThis.fetch } });
}
function clientUserAgent(env = process.env) {
  const ours = `slurm-gitops/${VERSION}`;
  const orchestrationId = env.ACTIONS_ORCHESTRATION_ID?.trim();
  if (!orchestrationId) return ours;
  return `${ours} actions_orchestration_id/${orchestrationId.replace(/[^a-z0-9_.-]/gi, "_")}`;
}
export {
  createGitHubClient,
  gitHubApiUrl,
  usesProxy
};
