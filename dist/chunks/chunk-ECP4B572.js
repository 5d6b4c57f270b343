import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/validate/names.ts
function show(value) {
  return JSON.stringify(value);
}
function checkBranchName(value) {
  const allowed = "branch names may use letters, digits and . _ / - (up to 100 characters)";
  if (value === "") return `branch name is empty; ${allowed}`;
  if (value.length > 100) return `branch name ${show(value)} is ${value.length} characters long; ${allowed}`;
  const bad = /[^A-Za-z0-9._/-]/.exec(value);
  if (bad) return `branch name ${show(value)} contains ${show(bad[0])}; ${allowed}`;
  if (value.startsWith("-") || value.startsWith("/")) {
    return `branch name ${show(value)} starts with ${show(value[0])}; start it with a letter, digit, . or _`;
  }
  if (value.endsWith("/") || value.endsWith(".")) {
    return `branch name ${show(value)} ends with ${show(value.slice(-1))}, which git does not allow; end it with a letter, digit, _ or -`;
  }
  if (value.endsWith(".lock")) return `branch name ${show(value)} ends with ".lock", which git does not allow`;
  if (value.includes("..")) return `branch name ${show(value)} contains "..", which git does not allow`;
  if (value.includes("//")) return `branch name ${show(value)} contains "//", which git does not allow`;
  if (value.split("/").some((part) => part.startsWith("."))) {
    return `branch name ${show(value)} has a part starting with ".", which git does not allow`;
  }
  return null;
}
function checkJobName(value) {
  if (/^[a-z][a-z0-9_-]{0,39}$/.test(value)) return null;
  return `job name ${show(value)} is not allowed; use 1-40 lowercase letters, digits, - and _, starting with a letter (e.g. "daily-ingest")`;
}
function checkSandboxName(value) {
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value)) return null;
  return `sandbox name ${show(value)} is not allowed; use 1-64 letters, digits, . _ and -, starting with a letter or digit (e.g. "alice" or "alice.test-2")`;
}
function checkEnvironmentName(value) {
  if (/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(value)) return null;
  return `environment name ${show(value)} is not allowed; use 1-40 letters, digits, - and _, starting with a letter (e.g. "production")`;
}
function checkPartitionName(value) {
  if (/^[A-Za-z0-9_.-]{1,64}$/.test(value)) return null;
  return `partition name ${show(value)} is not allowed; use 1-64 letters, digits, . _ and - (e.g. "standard")`;
}
var PATH_CHARS = "letters, digits and _ . / @ + -";
function checkAbsolutePath(value) {
  if (!value.startsWith("/")) {
    return `path ${show(value)} is not absolute; write a path starting with / (e.g. "/projects/caqrn/production")`;
  }
  const bad = /[^A-Za-z0-9_./@+-]/.exec(value);
  if (bad) return `path ${show(value)} contains ${show(bad[0])}; paths may use only ${PATH_CHARS}`;
  if (value === "/") return null;
  if (value.endsWith("/")) return `path ${show(value)} ends with "/"; write it without the trailing slash`;
  if (value.includes("//")) return `path ${show(value)} contains "//"; write single slashes`;
  const parts = value.slice(1).split("/");
  if (parts.some((p) => p === "." || p === "..")) {
    return `path ${show(value)} contains a "." or ".." part; write the normalized path`;
  }
  return null;
}
function checkGitSha(value) {
  if (/^[0-9a-f]{7,40}$/.test(value)) return null;
  return `commit ${show(value)} is not a commit id; use 7 to 40 lowercase hex digits as git prints them`;
}
function checkCommitOrBranch(value) {
  if (checkGitSha(value) === null) return null;
  const problem = checkBranchName(value);
  return problem && problem.replace(/^branch name/, "ref");
}
function checkFullSha(value) {
  if (/^[0-9a-f]{40}$/.test(value)) return null;
  return `commit ${show(value)} is not a full commit id; a deploy needs all 40 lowercase hex digits (git rev-parse HEAD)`;
}
function checkEnvVarName(value) {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value)) return null;
  return `environment variable name ${show(value)} is not allowed; use letters, digits and _, not starting with a digit (e.g. "DATA_DIR")`;
}
function checkGitHubActor(value) {
  const login = value.endsWith("[bot]") ? value.slice(0, -"[bot]".length) : value;
  if (login.length <= 39 && /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(login)) return null;
  return `GitHub actor ${show(value)} is not a GitHub login; logins are up to 39 letters, digits and single inner hyphens, optionally followed by "[bot]"`;
}

export {
  checkBranchName,
  checkJobName,
  checkSandboxName,
  checkEnvironmentName,
  checkPartitionName,
  checkAbsolutePath,
  checkGitSha,
  checkCommitOrBranch,
  checkFullSha,
  checkEnvVarName,
  checkGitHubActor
};
