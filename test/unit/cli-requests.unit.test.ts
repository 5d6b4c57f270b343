// The CLI's flags as requests: the config path checked, the key's passphrase from the environment only.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { planRequest, remoteRequest, sandboxRequest } from '../../src/cli/options.js'
import { UserError } from '../../src/errors/user-error.js'

const EXAMPLE = 'examples/caqrn/.github/slurm-gitops.yml'
const tmp = mkdtempSync(path.join(tmpdir(), 'sg-cli-requests-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function problemsOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(p => `${p.where}: ${p.message}`)
    throw error
  }
  throw new Error('expected the flags to be refused')
}

describe('the config flag', () => {
  it('says a directory is one, and what it takes instead', () => {
    expect(problemsOf(() => planRequest({ config: tmp }))).toEqual([
      `--config: ${tmp} is a directory; it takes the YAML config file (e.g. ${tmp}/.github/slurm-gitops.yml)`
    ])
    // A repository's directory, with its config where it belongs: say which file was meant.
    mkdirSync(path.join(tmp, 'repo/.github'), { recursive: true })
    writeFileSync(path.join(tmp, 'repo/.github/slurm-gitops.yml'), 'cluster: {}\n')
    const repo = path.join(tmp, 'repo')
    expect(problemsOf(() => planRequest({ config: repo }))).toEqual([
      `--config: ${repo} is a directory; it takes the YAML config file; did you mean --config ${repo}/.github/slurm-gitops.yml?`
    ])
  })

  it('must exist when the working tree is read, not when a commit is', () => {
    const missing = path.join(tmp, 'nope.yml')
    expect(problemsOf(() => planRequest({ config: missing }))).toEqual([
      `--config: ${missing} does not exist; pass the config file with --config (default .github/slurm-gitops.yml)`
    ])
    expect(planRequest({ config: missing, sha: 'abcdef1' }).head).toEqual({ sha: 'abcdef1' })
  })

  it('finds the repository from the config in its .github/', () => {
    expect(planRequest({ config: EXAMPLE }).repo).toEqual({
      dir: path.resolve('examples/caqrn'),
      configPath: '.github/slurm-gitops.yml'
    })
  })
})

describe('the connection', () => {
  it('takes the passphrase from SLURM_GITOPS_SSH_KEY_PASSPHRASE and names it for messages', () => {
    const env = { SLURM_GITOPS_SSH_KEY_PASSPHRASE: 'correct horse' }
    const request = remoteRequest('status', { config: EXAMPLE, identity: '/keys/id' }, env)
    expect(request.connection).toMatchObject({
      privateKey: { file: '/keys/id' },
      passphrase: { text: 'correct horse' },
      names: {
        privateKey: '--identity',
        passphrase: 'environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE'
      }
    })
    // Unset or empty: no passphrase (a key without one needs none).
    expect(remoteRequest('status', { config: EXAMPLE }, {}).connection.passphrase).toBeUndefined()
    const empty = { SLURM_GITOPS_SSH_KEY_PASSPHRASE: '' }
    expect(sandboxRequest({ config: EXAMPLE, ref: 'main' }, empty).connection.passphrase).toBeUndefined()
  })

  it('checks every value and reports the problems together', () => {
    expect(
      problemsOf(() =>
        remoteRequest('deploy', { config: EXAMPLE, branch: 'main', sha: 'abc', port: '0', host: 'a b' }, {})
      ).map(problem => problem.split(':')[0])
    ).toEqual(['--port', '--host', '--sha'])
  })
})
