// git in a throwaway repository of a test: a fixed identity, so commits work whatever the machine's config says.
import { execFileSync } from 'node:child_process'

/** Runs git in `cwd` and returns its output, trimmed; throws when git fails. */
export function testGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@x',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@x',
      GIT_CONFIG_NOSYSTEM: '1'
    }
  }).trim()
}
