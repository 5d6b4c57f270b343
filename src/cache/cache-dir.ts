// Where slurm-gitops keeps what it remembers between runs on this machine (shellcheck's findings, compiled
// code): `$SLURM_GITOPS_CACHE_DIR/<part>`, else `$XDG_CACHE_HOME/slurm-gitops/<part>` (`~/.cache/…`). Per user,
// never a shared directory such as /tmp: on a login node another user could put entries there.
import { homedir } from 'node:os'
import path from 'node:path'

export function userCacheDir(part: string, env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.SLURM_GITOPS_CACHE_DIR ||
    path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'slurm-gitops')
  return path.join(base, part)
}
