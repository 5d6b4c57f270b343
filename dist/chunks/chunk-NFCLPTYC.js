import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/repo/commit.ts
import { execFile } from "node:child_process";
function git(cwd, args) {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      {
        cwd,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0" }
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(new Error(`cannot run git in ${cwd}: ${error.message}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      }
    );
  });
}
async function commitReader(dir, sha, options = {}) {
  let present;
  const show = (spec) => git(dir, ["show", spec]);
  return async (relativePath) => {
    const spec = `${sha}:./${relativePath.replace(/^\.\//, "")}`;
    let result = await show(spec);
    if (result.code !== 0) {
      await (present ??= ensureCommit(dir, sha, options));
      result = await show(spec);
    }
    if (result.code === 0) return result.stdout;
    if (/does not exist in|exists on disk, but not in/.test(result.stderr)) return void 0;
    throw new Error(`git show ${spec} failed in ${dir}: ${result.stderr.trim()}`);
  };
}
async function ensureCommit(dir, sha, options = {}) {
  if (await hasCommit(dir, sha)) return;
  const remote = options.remote ?? "origin";
  options.log?.(`Commit ${sha} is not in the checkout (shallow clone); fetching it from ${remote}`);
  const fetch = await git(dir, ["-c", "protocol.version=2", "fetch", "--no-tags", "--depth=1", remote, sha]);
  if (fetch.code === 0 && await hasCommit(dir, sha)) return;
  const why = fetch.stderr.trim() ? `: ${fetch.stderr.trim()}` : "";
  throw new UserError({
    where: "sha",
    message: `commit ${sha} is not in the repository at ${dir}, and fetching it from ${remote} failed${why}; fetch it first (actions/checkout: fetch-depth: 0, or persist-credentials: true)`
  });
}
async function hasCommit(dir, sha) {
  const result = await git(dir, ["cat-file", "-e", `${sha}^{commit}`]);
  return result.code === 0;
}
async function resolveCommit(dir, ref) {
  const result = await git(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  return result.code === 0 ? result.stdout.trim() : void 0;
}
async function resolveRef(dir, ref, where, log) {
  const localBranch = await resolveCommit(dir, `refs/heads/${ref}`);
  if (localBranch) return { sha: localBranch, branch: ref };
  const local = await resolveCommit(dir, ref);
  if (local) return { sha: local };
  const originBranch = await resolveCommit(dir, `refs/remotes/origin/${ref}`);
  if (originBranch) return { sha: originBranch, branch: ref };
  log?.(`${ref} is not in the checkout; fetching it from origin`);
  const fetch = await git(dir, ["-c", "protocol.version=2", "fetch", "--no-tags", "--depth=1", "origin", ref]);
  const sha = fetch.code === 0 ? await resolveCommit(dir, "FETCH_HEAD") : void 0;
  if (sha) {
    const isBranch = (await git(dir, ["ls-remote", "--exit-code", "--heads", "origin", ref])).code === 0;
    return isBranch ? { sha, branch: ref } : { sha };
  }
  throw new UserError({
    where,
    message: `${ref} is not a branch, tag or commit of the repository (git fetch origin ${ref}: ${fetch.stderr.trim() || `exit ${fetch.code}`})`
  });
}

// src/repo/working-tree.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
function workingTreeReader(repoRoot) {
  return async (relativePath) => {
    try {
      return await readFile(path.join(repoRoot, relativePath), "utf8");
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT" || code === "ENOTDIR") return void 0;
      throw new UserError({ where: relativePath, message: `cannot be read (${code ?? String(error)})` });
    }
  };
}

// src/operations/repository.ts
function readerAt(repo, at, log) {
  return "sha" in at ? commitReader(repo.dir, at.sha, { log }) : Promise.resolve(workingTreeReader(repo.dir));
}

export {
  git,
  resolveCommit,
  resolveRef,
  readerAt
};
