import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  runEnvironment
} from "./chunk-JV5UGA76.js";
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

// src/github/run-url.ts
function runUrl(repository, run = runEnvironment()) {
  const where = repository ?? run.repository;
  if (!where || !run.runId) return void 0;
  const attempt = run.runAttempt > 1 ? `/attempts/${run.runAttempt}` : "";
  return `${run.serverUrl}/${where.owner}/${where.repo}/actions/runs/${run.runId}${attempt}`;
}

export {
  annotateProblems,
  runUrl
};
