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

// src/github/node-http-fetch.ts
import http from "node:http";
import https from "node:https";
var MAX_REDIRECTS = 20;
var SILENCE_LIMIT_MS = 3e5;
async function nodeHttpFetch(url, init = {}) {
  let target = new URL(url);
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body ?? void 0;
  const headers = { ...init.headers };
  for (let redirects = 0; ; redirects++) {
    const response = await send(target, method, headers, body, init.signal ?? void 0);
    const location = response.headers.get("location");
    if (![301, 302, 303, 307, 308].includes(response.status) || !location || init.redirect === "manual")
      return response;
    if (init.redirect === "error" || redirects === MAX_REDIRECTS)
      throw fetchFailed(new Error(`redirected ${redirects + 1} times, last to ${location}`));
    const next = new URL(location, target);
    if (response.status === 303 && method !== "HEAD" || response.status <= 302 && method === "POST") {
      method = "GET";
      body = void 0;
      for (const name of Object.keys(headers)) if (/^content-/i.test(name)) delete headers[name];
    }
    if (next.origin !== target.origin) {
      for (const name of Object.keys(headers)) if (/^authorization$/i.test(name)) delete headers[name];
    }
    target = next;
  }
}
function send(url, method, headers, body, signal) {
  const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : void 0;
  if (!client) return Promise.reject(fetchFailed(new Error(`cannot fetch ${url.protocol} URLs`)));
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method, headers, signal }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("error", (error) => reject(fetchFailed(error)));
      response.on("end", () => resolve(bufferedResponse(url, response, Buffer.concat(chunks))));
    });
    request.setTimeout(
      SILENCE_LIMIT_MS,
      () => request.destroy(new Error(`no answer from ${url.host} within ${SILENCE_LIMIT_MS / 1e3} s`))
    );
    request.on("error", (error) => reject(error.name === "AbortError" ? error : fetchFailed(error)));
    request.end(body);
  });
}
function bufferedResponse(url, response, bytes) {
  const headers = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(response.headers))
    if (value !== void 0) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const status = response.statusCode ?? 0;
  return {
    status,
    statusText: response.statusMessage ?? "",
    ok: status >= 200 && status < 300,
    url: url.href,
    headers,
    body: null,
    text: async () => bytes.toString("utf8"),
    json: async () => JSON.parse(bytes.toString("utf8")),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  };
}
function fetchFailed(cause) {
  return new TypeError("fetch failed", { cause });
}

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
    const { getOctokit } = await import("./github-DDJEX55J.js");
    return getOctokit(token, { baseUrl: apiUrl, userAgent });
  }
  return new GitHubRest({ auth: token, baseUrl: apiUrl, userAgent, request: { fetch: nodeHttpFetch } });
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
