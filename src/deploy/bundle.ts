// For clusters that cannot reach the git host: the runner packs the commit into a git bundle and sends it over
// the same SSH connection; the deploy script fetches from the bundle instead of the network.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import type { Transport } from '../transport/types.js'

const run = promisify(execFile)

/** Creates the bundle for `sha` from the local clone and uploads it; returns the remote path. */
export async function sendBundle(repoDir: string, sha: string, transport: Transport): Promise<string> {
  const id = randomBytes(8).toString('hex')
  const ref = `refs/slurm-gitops/${sha}`
  const dir = await mkdtemp(path.join(tmpdir(), 'slurm-gitops-bundle-'))
  const file = path.join(dir, `${sha}.bundle`)
  try {
    await run('git', ['-C', repoDir, 'update-ref', ref, sha])
    try {
      await run('git', ['-C', repoDir, 'bundle', 'create', '--quiet', file, ref])
    } finally {
      await run('git', ['-C', repoDir, 'update-ref', '-d', ref])
    }
    const remote = `/tmp/slurm-gitops-${id}.bundle`
    await transport.putFile(file, remote)
    return remote
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
