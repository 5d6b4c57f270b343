// The consuming repository at the point a request names: the working tree, or a commit of the local clone.
import type { RepoReader } from '../repo/reader.js'
import { workingTreeReader } from '../repo/working-tree.js'
import { commitReader } from '../repo/commit.js'
import type { RepoLocation } from './requests.js'
import type { Config } from '../config/types.js'
import { readConfig } from '../config/load.js'
import { loadTemplates, type TemplateSet } from '../render/templates.js'

export function readerAt(
  repo: RepoLocation,
  at: { tree: true } | { sha: string },
  log?: (message: string) => void
): Promise<RepoReader> {
  return 'sha' in at ? commitReader(repo.dir, at.sha, { log }) : Promise.resolve(workingTreeReader(repo.dir))
}

/**
 * The config of the repository at `at` (the core's first step of every operation that connects: it names the
 * cluster), and the reader for the rest, which the operation reads while it connects.
 */
export async function configAt(
  repo: RepoLocation,
  at: { tree: true } | { sha: string },
  log?: (message: string) => void
): Promise<{ config: Config; read: RepoReader }> {
  const read = await readerAt(repo, at, log)
  return { config: await readConfig(read, repo.configPath), read }
}

/** The config and templates of the repository at `at`, and its reader for whatever else the operation reads there. */
export async function repositoryAt(
  repo: RepoLocation,
  at: { tree: true } | { sha: string },
  log?: (message: string) => void
): Promise<{ config: Config; templates: TemplateSet; read: RepoReader }> {
  const { config, read } = await configAt(repo, at, log)
  return { config, templates: await loadTemplates(config.templates, read), read }
}
