// The consuming repository at the point a request names: the working tree, or a commit of the local clone.
import type { RepoReader } from '../repo/reader.js'
import { workingTreeReader } from '../repo/working-tree.js'
import { commitReader } from '../repo/commit.js'
import type { RepoLocation } from './requests.js'

export function readerAt(
  repo: RepoLocation,
  at: { tree: true } | { sha: string },
  log?: (message: string) => void
): Promise<RepoReader> {
  return 'sha' in at ? commitReader(repo.dir, at.sha, { log }) : Promise.resolve(workingTreeReader(repo.dir))
}
