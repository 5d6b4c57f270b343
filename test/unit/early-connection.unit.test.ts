// A run connects while it checks its plan, and uses the connection only once every check passed: a plan whose
// script does not parse gives the connection up (nothing ran on the cluster), and its error is the one reported.
// The transport is a stand-in that records what was asked of it.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunOptions, Transport } from '../../src/transport/types.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { testGit } from '../test-git.js'

const calls: string[] = []
let connectFails = false
/** How long the stand-in's handshake takes, unless it is given up. */
let handshakeMs = 0

const transport: Transport = {
  description: 'caqrn@stand-in (ssh)',
  stats: { connections: 1, commands: 0 },
  runScript: async (opts: RunOptions & { loginShell: boolean }) => {
    calls.push('runScript')
    opts.onOutput(Buffer.from(''))
    return { exitCode: 0, signal: null }
  },
  exec: async () => {
    calls.push('exec')
    return { code: 0, stdout: '', stderr: '' }
  },
  putFile: async () => {
    calls.push('putFile')
  },
  close: async () => {
    calls.push('close')
  }
}

jest.unstable_mockModule('../../src/transport/connect.js', () => ({
  connectTransport: async (
    _settings: unknown,
    { signal, onTcpConnected }: { signal?: AbortSignal; onTcpConnected?: () => void } = {}
  ) => {
    calls.push('connect')
    onTcpConnected?.()
    await new Promise<void>(resolve => {
      const timer = setTimeout(resolve, handshakeMs)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    if (signal?.aborted) {
      calls.push('given up')
      throw new Error('connecting was given up')
    }
    if (connectFails) throw new Error('could not connect to 127.0.0.1:1 after 1 attempt: ECONNREFUSED')
    calls.push('connected')
    return transport
  }
}))

const { deploy } = await import('../../src/operations/deployment.js')
const { UserError } = await import('../../src/errors/user-error.js')

/** examples/caqrn as a one-commit repository; `brokenJob` makes its job template one that does not parse. */
function repository(brokenJob: boolean): { dir: string; sha: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-early-'))
  cpSync('examples/caqrn', dir, { recursive: true })
  if (brokenJob) {
    appendFileSync(path.join(dir, '.github/slurm-gitops.yml'), '\ntemplates:\n  job.sh: ci/job.sh.hbs\n')
    mkdirSync(path.join(dir, 'ci'))
    writeFileSync(path.join(dir, 'ci/job.sh.hbs'), '#!/bin/bash\nif then fi {{job.name}}\n')
  }
  const git = (...args: string[]) => testGit(dir, ...args)
  git('init', '--quiet', '-b', 'main')
  git('add', '-A')
  git('commit', '--quiet', '-m', 'a commit')
  return { dir, sha: git('rev-parse', 'HEAD') }
}

function deployOf(repo: { dir: string; sha: string }, sink: MemoryLogSink) {
  return deploy(
    {
      command: 'deploy',
      repo: { dir: repo.dir, configPath: '.github/slurm-gitops.yml' },
      branch: 'main',
      sha: repo.sha,
      actor: 'octocat',
      runUrl: '',
      connection: {
        privateKey: { text: 'stand-in key' },
        knownHosts: { text: 'stand-in known_hosts' },
        names: { privateKey: 'key', knownHosts: 'known hosts', passphrase: 'passphrase' }
      }
    },
    {
      sink,
      warn: message => sink.warning(message),
      onStart: async () => {
        calls.push('onStart')
      }
    }
  )
}

beforeEach(() => {
  calls.length = 0
  connectFails = false
  handshakeMs = 0
})

describe('a deploy connects while it checks', () => {
  it('closes the connection when a check fails: nothing is run, the check is what is reported', async () => {
    const sink = new MemoryLogSink()
    const error = await deployOf(repository(true), sink).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    const problem = (error as InstanceType<typeof UserError>).problems[0]!
    expect(problem.where).toBe('main: .slurm-gitops/jobs/daily.sh')
    expect(problem.message).toMatch(/^bash -n: line \d+: syntax error/)
    // Connecting had started before the checks ended (and was done first): closed, nothing else asked of it.
    expect(calls).toEqual(['connect', 'connected', 'close'])
    expect(sink.events).toEqual([])
  })

  it('stops connecting when a check fails first, without waiting for the handshake', async () => {
    handshakeMs = 60_000
    const started = Date.now()
    await expect(deployOf(repository(true), new MemoryLogSink())).rejects.toBeInstanceOf(UserError)
    expect(calls).toEqual(['connect', 'given up'])
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('reports the failed check, not the failed connection, when both fail', async () => {
    connectFails = true
    const error = await deployOf(repository(true), new MemoryLogSink()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect(calls).toEqual(['connect'])
  })

  it('runs the script over the one connection once the checks passed, then closes it', async () => {
    handshakeMs = 5
    await deployOf(repository(false), new MemoryLogSink())
    expect(calls.filter(c => c !== 'onStart')).toEqual(['connect', 'connected', 'runScript', 'close'])
    // The deploy is recorded (the action's GitHub deployment) after its checks, before anything runs.
    expect(calls.indexOf('onStart')).toBeGreaterThan(calls.indexOf('connect'))
    expect(calls.indexOf('onStart')).toBeLessThan(calls.indexOf('runScript'))
  })

  it('reports a failed connection once the checks passed', async () => {
    connectFails = true
    await expect(deployOf(repository(false), new MemoryLogSink())).rejects.toThrow(/ECONNREFUSED/)
    expect(calls.sort()).toEqual(['connect', 'onStart'])
  })
})
