// Node 22.1 and later can keep the code V8 compiles for a module on disk (module.enableCompileCache): a later
// run of the CLI then skips compiling ssh2, yaml and zod again. Node 20 has no such cache, and nothing happens
// there. The action does not use it: a hosted runner starts every job on a fresh machine.
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import * as nodeModule from 'node:module'
import path from 'node:path'
import { userCacheDir } from '../cache/cache-dir.js'
import { VERSION } from './version.js'

type EnableCompileCache = (directory: string) => unknown

const nodeEnableCompileCache = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache

/**
 * Turns the compile cache on, in the user's own cache directory (one per version of slurm-gitops), for the
 * modules loaded from now on; returns the directory, or undefined when there is no cache (Node 20, or a
 * directory that cannot be made: no error).
 */
export function enableCompileCache(
  env: NodeJS.ProcessEnv = process.env,
  enable: EnableCompileCache | null = nodeEnableCompileCache ?? null,
  version = VERSION
): string | undefined {
  if (!enable) return undefined
  try {
    const caches = userCacheDir('node-compile-cache', env)
    const directory = path.join(caches, version)
    // Node never removes an entry; a new version's first run removes the versions before it.
    if (mkdirSync(directory, { recursive: true, mode: 0o700 }) !== undefined) {
      for (const other of readdirSync(caches))
        if (other !== version) rmSync(path.join(caches, other), { recursive: true, force: true })
    }
    enable(directory)
    return directory
  } catch {
    // Without a cache the CLI only starts more slowly.
    return undefined
  }
}
