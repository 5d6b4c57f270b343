import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  error,
  warning
} from "./chunk-NKJGWXBT.js";

// src/github/annotations.ts
import { existsSync } from "node:fs";
import path from "node:path";
function toAnnotation(problem, paths) {
  const properties = { title: "slurm-gitops" };
  const location = problem.location;
  let message = `${problem.where}: ${problem.message}`;
  if (location) {
    const absolute = path.resolve(paths.repoDir, location.file);
    if (existsSync(absolute) && !path.relative(paths.workspace, absolute).startsWith("..")) {
      properties.file = path.relative(paths.workspace, absolute).split(path.sep).join("/");
      if (location.line) properties.startLine = location.line;
      if (location.column) properties.startColumn = location.column;
    } else {
      message = `${location.file}${location.line ? `:${location.line}` : ""}: ${message}`;
    }
  }
  return { message, properties };
}
function annotateProblems(problems, level, paths) {
  for (const problem of problems) {
    const { message, properties } = toAnnotation(problem, paths);
    if (level === "error") error(message, properties);
    else warning(message, properties);
  }
}

// src/github/run-environment.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
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
  if (!existsSync2(file)) {
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

// src/github/run-url.ts
function runUrl(repository, run = runEnvironment()) {
  const where = repository ?? run.repository;
  if (!where || !run.runId) return void 0;
  const attempt = run.runAttempt > 1 ? `/attempts/${run.runAttempt}` : "";
  return `${run.serverUrl}/${where.owner}/${where.repo}/actions/runs/${run.runId}${attempt}`;
}

export {
  annotateProblems,
  runEnvironment,
  runUrl
};
