import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/github/run-environment.ts
import { existsSync, readFileSync } from "node:fs";
function runEnvironment(env = process.env) {
  const payload = eventPayload(env.GITHUB_EVENT_PATH);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    payload,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    actor: env.GITHUB_ACTOR,
    runId: parseInt(env.GITHUB_RUN_ID ?? "", 10),
    runAttempt: parseInt(env.GITHUB_RUN_ATTEMPT ?? "", 10),
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    repository: repositoryOf(env.GITHUB_REPOSITORY, payload)
  };
}
function eventPayload(file) {
  if (!file) return {};
  if (!existsSync(file)) {
    process.stdout.write(`GITHUB_EVENT_PATH ${file} does not exist
`);
    return {};
  }
  return JSON.parse(readFileSync(file, "utf8"));
}
function repositoryOf(variable, payload) {
  if (variable) {
    const [owner = "", repo = ""] = variable.split("/");
    return { owner, repo };
  }
  const repository = payload.repository;
  if (repository?.owner?.login && repository.name)
    return { owner: repository.owner.login, repo: repository.name };
  return void 0;
}

export {
  runEnvironment
};
