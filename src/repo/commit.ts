// Reads the consuming repository as it was at a commit (the commit a deploy deploys, the PR base) from the local
// checkout, with `git show <sha>:./<path>`. actions/checkout makes shallow clones, so a missing commit is fetched once.
import { execFile } from 'node:child_process'
import type { RepoReader } from './reader.js'
import { UserError } from '../errors/user-error.js'

export interface GitResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs git in `cwd`; never throws for a non-zero exit (the caller decides what that means). */
export function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`cannot run git in ${cwd}: ${error.message}`))
          return
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      }
    )
  })
}

export interface CommitReaderOptions {
  /** Remote to fetch a missing commit from (actions/checkout names it origin). */
  remote?: string
  /** Told about the fetch, for the log. */
  log?: (message: string) => void
}

/**
 * A RepoReader over commit `sha`, with paths relative to `dir` (the working directory may be a subfolder of
 * the repository; `./` in `<sha>:./<path>` makes git resolve the path from there). The commit is looked for
 * only when a read fails (and fetched once when a shallow clone lacks it): a read that succeeds costs one git.
 */
export async function commitReader(
  dir: string,
  sha: string,
  options: CommitReaderOptions = {}
): Promise<RepoReader> {
  let present: Promise<void> | undefined
  const show = (spec: string) => git(dir, ['show', spec])
  return async relativePath => {
    const spec = `${sha}:./${relativePath.replace(/^\.\//, '')}`
    let result = await show(spec)
    if (result.code !== 0) {
      await (present ??= ensureCommit(dir, sha, options))
      result = await show(spec)
    }
    if (result.code === 0) return result.stdout
    if (/does not exist in|exists on disk, but not in/.test(result.stderr)) return undefined
    throw new Error(`git show ${spec} failed in ${dir}: ${result.stderr.trim()}`)
  }
}

/** Makes sure `sha` is in the local object store; fetches it (depth 1) once when a shallow clone lacks it. */
export async function ensureCommit(
  dir: string,
  sha: string,
  options: CommitReaderOptions = {}
): Promise<void> {
  if (await hasCommit(dir, sha)) return
  const remote = options.remote ?? 'origin'
  options.log?.(`Commit ${sha} is not in the checkout (shallow clone); fetching it from ${remote}`)
  const fetch = await git(dir, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--depth=1', remote, sha])
  if (fetch.code === 0 && (await hasCommit(dir, sha))) return
  const why = fetch.stderr.trim() ? `: ${fetch.stderr.trim()}` : ''
  throw new UserError({
    where: 'sha',
    message:
      `commit ${sha} is not in the repository at ${dir}, and fetching it from ${remote} failed${why}; ` +
      'fetch it first (actions/checkout: fetch-depth: 0, or persist-credentials: true)'
  })
}

async function hasCommit(dir: string, sha: string): Promise<boolean> {
  const result = await git(dir, ['cat-file', '-e', `${sha}^{commit}`])
  return result.code === 0
}

/** The full SHA of `ref` (a branch, tag or commit) in the repository at `dir`, or undefined when it has none. */
export async function resolveCommit(dir: string, ref: string): Promise<string | undefined> {
  const result = await git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  return result.code === 0 ? result.stdout.trim() : undefined
}

/**
 * The commit a sandbox run stages: `ref` (a branch, tag or commit) as the local clone knows it: a local branch,
 * else what git itself reads the name as (HEAD, a tag, a full `refs/…` name, a commit), else origin's branch; else
 * fetched once from origin, as a shallow checkout lacks other branches. `branch` is set when the ref is a branch.
 * `where` names the input, for the message.
 */
export async function resolveRef(
  dir: string,
  ref: string,
  where: string,
  log?: (message: string) => void
): Promise<{ sha: string; branch?: string }> {
  const localBranch = await resolveCommit(dir, `refs/heads/${ref}`)
  if (localBranch) return { sha: localBranch, branch: ref }
  // Before origin's branches: a clone has origin/HEAD, and origin may have a branch named like a local tag.
  const local = await resolveCommit(dir, ref)
  if (local) return { sha: local }
  const originBranch = await resolveCommit(dir, `refs/remotes/origin/${ref}`)
  if (originBranch) return { sha: originBranch, branch: ref }
  log?.(`${ref} is not in the checkout; fetching it from origin`)
  const fetch = await git(dir, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--depth=1', 'origin', ref])
  const sha = fetch.code === 0 ? await resolveCommit(dir, 'FETCH_HEAD') : undefined
  if (sha) {
    const isBranch = (await git(dir, ['ls-remote', '--exit-code', '--heads', 'origin', ref])).code === 0
    return isBranch ? { sha, branch: ref } : { sha }
  }
  throw new UserError({
    where,
    message: `${ref} is not a branch, tag or commit of the repository (git fetch origin ${ref}: ${fetch.stderr.trim() || `exit ${fetch.code}`})`
  })
}
