// Where a deployed commit stands against its branch, from the local clone: the tip (the local branch, else
// origin's), and how many commits lie between. A shallow clone may lack the deployed commit: then the distance
// is unknown, which is said, not guessed (actions/checkout: fetch-depth: 0 brings every branch and commit).
import { git, resolveCommit } from './commit.js'

export type BranchPosition =
  /** The branch is not in the clone. */
  | { tip: undefined; why: string }
  | {
      tip: string
      /** Undefined when the deployed commit is not in the clone (or nothing is deployed). */
      distance?: { behind: number; ahead: number }
    }

/** The tip of `branch` in the clone at `dir`, and how far `deployed` ('' for none) is from it. */
export async function branchPosition(dir: string, branch: string, deployed: string): Promise<BranchPosition> {
  let tip: string | undefined
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    tip ??= await resolveCommit(dir, ref)
  }
  if (!tip) {
    return {
      tip: undefined,
      why: `branch ${branch} is not in the repository at ${dir} (neither refs/heads/${branch} nor refs/remotes/origin/${branch}; actions/checkout: fetch-depth: 0 fetches every branch)`
    }
  }
  if (!deployed || deployed === tip) return deployed ? { tip, distance: { behind: 0, ahead: 0 } } : { tip }
  // A shallow clone's history ends early: a count over it could be too small.
  const shallow = await git(dir, ['rev-parse', '--is-shallow-repository'])
  if (shallow.stdout.trim() !== 'false') return { tip }
  // "behind ahead": commits on the branch not deployed, and deployed commits not on the branch.
  const count = await git(dir, ['rev-list', '--left-right', '--count', `${tip}...${deployed}`])
  const match = /^(\d+)\s+(\d+)$/.exec(count.stdout.trim())
  if (count.code !== 0 || !match) return { tip }
  return { tip, distance: { behind: Number(match[1]), ahead: Number(match[2]) } }
}
