// The bundled CLI as a whole process, as users run it against the test cluster: the repository's config and the
// cluster's key and known_hosts, every line of stdout timed as it arrives (to tell streamed output from output
// printed at the end).
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { ClusterInfo } from './cluster.js'
import { repoRoot } from '../repo-root.js'

export interface CliRun {
  code: number | null
  stderr: string
  lines: { text: string; at: number }[]
  endedAt: number
}

export interface CliStart {
  /** The private key file (default: the cluster's). */
  identity?: string
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv
  /** Pass --identity and --known-hosts (default true); commands that do not connect refuse them. */
  connect?: boolean
}

export function startCli(
  cluster: ClusterInfo,
  repoDir: string,
  args: string[],
  { identity = cluster.privateKeyPath, env = {}, connect = true }: CliStart = {}
): { child: ChildProcess; lines: CliRun['lines']; done: Promise<CliRun> } {
  const connection = connect ? ['--identity', identity, '--known-hosts', cluster.knownHostsPath] : []
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'dist/cli.js'),
      ...args,
      '--config',
      path.join(repoDir, '.github/slurm-gitops.yml'),
      ...connection
    ],
    { cwd: repoDir, env: { ...process.env, ...env } }
  )
  const lines: CliRun['lines'] = []
  let stderr = ''
  let pending = ''
  child.stdout.on('data', chunk => {
    pending += String(chunk)
    const parts = pending.split('\n')
    pending = parts.pop()!
    for (const text of parts) lines.push({ text, at: Date.now() })
  })
  child.stderr.on('data', chunk => (stderr += String(chunk)))
  const done = new Promise<CliRun>(resolve =>
    child.on('close', code => resolve({ code, stderr, lines, endedAt: Date.now() }))
  )
  return { child, lines, done }
}
