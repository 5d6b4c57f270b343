// The SSH key and known_hosts on the runner: written once to a private directory under $RUNNER_TEMP (0700,
// files 0600) and removed by the post step, which runs even when the job failed or was cancelled.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { State } from './constants.js'

export interface SshFiles {
  privateKeyPath: string
  knownHostsPath: string
}

export async function writeSshFiles(privateKey: string, knownHosts: string): Promise<SshFiles> {
  const dir = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'slurm-gitops-ssh-'))
  core.saveState(State.SshDir, dir)
  const files = { privateKeyPath: path.join(dir, 'key'), knownHostsPath: path.join(dir, 'known_hosts') }
  // A key pasted into a secret often lacks its final newline, which OpenSSH-format parsers need.
  await writeFile(files.privateKeyPath, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, {
    mode: 0o600
  })
  await writeFile(files.knownHostsPath, knownHosts, { mode: 0o600 })
  return files
}

/** Post step: remove the directory the main step wrote. */
export async function removeSshFiles(): Promise<void> {
  const dir = core.getState(State.SshDir)
  if (dir) await rm(dir, { recursive: true, force: true })
}
