// A deploy checks its plan before it uses its connection: a rendered script that does not parse never reaches a
// cluster, and the check's error is reported even when connecting failed too.
import { describe, expect, it } from '@jest/globals'
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deploy } from '../../src/operations/deployment.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { testGit } from '../test-git.js'
import { UserError } from '../../src/errors/user-error.js'
import { parseConfig } from '../../src/config/load.js'
import { transportSettings } from '../../src/operations/connection.js'

const EXAMPLE_CONFIG = 'examples/caqrn/.github/slurm-gitops.yml'

/** examples/caqrn as a one-commit repository whose job template does not parse; returns its directory and SHA. */
function brokenRepository(): { dir: string; sha: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-ops-'))
  cpSync('examples/caqrn', dir, { recursive: true })
  appendFileSync(path.join(dir, '.github/slurm-gitops.yml'), '\ntemplates:\n  job.sh: ci/job.sh.hbs\n')
  mkdirSync(path.join(dir, 'ci'))
  writeFileSync(path.join(dir, 'ci/job.sh.hbs'), '#!/bin/bash\nif then fi {{job.name}}\n')
  const git = (...args: string[]) => testGit(dir, ...args)
  git('init', '--quiet', '-b', 'main')
  git('add', '-A')
  git('commit', '--quiet', '-m', 'broken job template')
  return { dir, sha: git('rev-parse', 'HEAD') }
}

describe('deploy', () => {
  it('refuses a plan whose script does not parse, whatever the connection did', async () => {
    const repo = brokenRepository()
    const sink = new MemoryLogSink()
    let error: unknown
    try {
      await deploy(
        {
          command: 'deploy',
          repo: { dir: repo.dir, configPath: '.github/slurm-gitops.yml' },
          branch: 'main',
          sha: repo.sha,
          actor: 'octocat',
          runUrl: '',
          // Nothing listens there (and the key is no key): connecting fails, the check's error is what counts.
          connection: {
            host: '127.0.0.1',
            port: 1,
            privateKey: { text: 'x' },
            knownHosts: { text: 'x' },
            names: { privateKey: 'key', knownHosts: 'known hosts', passphrase: 'passphrase' }
          }
        },
        { sink, warn: message => sink.warning(message) }
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    const problem = (error as UserError).problems[0]!
    expect(problem.where).toBe('main: .slurm-gitops/jobs/daily.sh')
    expect(problem.message).toMatch(/^bash -n: line \d+: syntax error/)
    expect(sink.events).toEqual([])
  })
})

describe('transportSettings', () => {
  it("passes an encrypted key's passphrase on to the SSH settings, with the names for messages", async () => {
    const cluster = parseConfig(readFileSync(EXAMPLE_CONFIG, 'utf8'), EXAMPLE_CONFIG).cluster
    const names = {
      privateKey: 'input ssh-private-key',
      knownHosts: 'input ssh-known-hosts',
      passphrase: 'input ssh-key-passphrase'
    }
    const settings = await transportSettings(cluster, {
      privateKey: { text: 'KEY' },
      passphrase: { text: 'correct horse' },
      knownHosts: { text: 'login ssh-ed25519 AAAA\n' },
      names
    })
    expect(settings).toMatchObject({ kind: 'ssh', passphrase: 'correct horse', inputNames: names })
    const without = await transportSettings(cluster, {
      privateKey: { text: 'KEY' },
      knownHosts: { text: 'login ssh-ed25519 AAAA\n' },
      names
    })
    expect(without).toMatchObject({ kind: 'ssh', passphrase: undefined })
  })
})
