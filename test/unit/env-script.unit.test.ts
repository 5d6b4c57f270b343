// The env scripts (env.sh, sandbox-env.sh) as rendered for examples/caqrn, sourced by bash in a fake deployment:
// the release they name is resolved once, when they are sourced (through the stable link and `current`, or
// directly as a job does), whatever the directory, the symlinks or the characters in the paths, and under
// `set -euo pipefail`. What they resolve is compared with what the earlier scripts' processes gave
// (`readlink -f`, `dirname`, `cd … && pwd -P`, `cat`), run in the same place.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { planRepository } from '../../src/plan/plan-repository.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import { shellQuote } from '../../src/render/shell-quote.js'

const RENDERED = '.slurm-gitops'
const SHA1 = '1'.repeat(40)
const SHA2 = '2'.repeat(40)
// What env.sh resolved before, with four processes; the reference the builtins must agree with.
const REFERENCE = `_ref_release="$(cd "$(dirname "$(readlink -f "\${BASH_SOURCE[0]}")")/.." && pwd -P)"
_ref_revision="$(cat "$_ref_release/REVISION")"\n`

let envScript: string
let sandboxEnvScript: string
beforeAll(async () => {
  const { plans } = await planRepository(
    workingTreeReader(path.resolve('examples/caqrn')),
    '.github/slurm-gitops.yml'
  )
  const main = plans.find(plan => plan.branch === 'main')
  const file = (name: string) => main?.files.find(f => f.path === name)?.content ?? ''
  envScript = file('env.sh')
  sandboxEnvScript = file('sandbox-env.sh')
})

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-env-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A deployment under `root` with the releases `shas` (each its venv), `current` on the first, the stable links. */
function deployment(root: string, shas: string[]): string {
  for (const sha of shas) {
    const release = path.join(root, 'releases', sha)
    const venv = path.join(root, 'venvs', sha)
    mkdirSync(path.join(release, RENDERED), { recursive: true })
    mkdirSync(path.join(venv, 'bin'), { recursive: true })
    writeFileSync(path.join(release, 'REVISION'), `${sha}\n`)
    writeFileSync(path.join(venv, 'bin/activate'), `export VIRTUAL_ENV=${shellQuote(venv)}\n`)
    symlinkSync(venv, path.join(release, RENDERED, 'venv'))
    writeFileSync(path.join(release, RENDERED, 'env.sh'), envScript)
    writeFileSync(path.join(release, RENDERED, 'sandbox-env.sh'), sandboxEnvScript)
    writeFileSync(path.join(release, RENDERED, 'reference.sh'), REFERENCE)
  }
  symlinkSync(`releases/${shas[0]}`, path.join(root, 'current'))
  for (const name of ['env.sh', 'sandbox-env.sh', 'reference.sh'])
    symlinkSync(`current/${RENDERED}/${name}`, path.join(root, name))
  return root
}

/** Runs `script` in bash under the deploy's shell options, in `cwd`; stdout's lines. */
function bash(script: string, cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync('bash', ['-c', `set -euo pipefail\n${script}`], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env }
  })
  return { status: run.status, stderr: run.stderr, lines: run.stdout.split('\n').slice(0, -1) }
}

const SHOW = 'printf "%s\\n" "$CAQRN_RELEASE" "$CAQRN_REVISION" "$PYTHONPATH" "$VIRTUAL_ENV"'

describe('env.sh', () => {
  // Spaces, quotes, a dollar, a backslash, a glob character and a leading dash in the deployment's path.
  const odd = "pro jects/it's $HOME \\ [x]/-caqrn"

  it('sourced through the stable link from elsewhere, by a relative path: the release behind current', () => {
    const root = deployment(path.join(dir, odd), [SHA1])
    mkdirSync(path.join(dir, 'elsewhere'))
    const relative = path.relative(path.join(dir, 'elsewhere'), root)
    // The path goes in by the environment: the script's text holds no part of it.
    const run = bash(
      `source "$AT/env.sh"; ${SHOW}; source "$AT/reference.sh"; echo "$_ref_release"; echo "$_ref_revision"
       echo "\${_sg_release-unset}"`,
      path.join(dir, 'elsewhere'),
      { AT: relative }
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const release = path.join(root, 'releases', SHA1)
    expect(run.lines.slice(0, 4)).toEqual([release, SHA1, release, path.join(root, 'venvs', SHA1)])
    expect(run.lines.slice(4, 6)).toEqual([release, SHA1])
    expect(run.lines[6]).toBe('unset')
  })

  it('keeps the release it resolved when a deploy switches current afterwards; the next source sees the new one', () => {
    const root = deployment(path.join(dir, 'root'), [SHA1, SHA2])
    const run = bash(
      `source ./env.sh; ln -sfn releases/${SHA2} current.new && mv -T current.new current
       ${SHOW}; source ./env.sh; echo "$CAQRN_RELEASE"; echo "$CAQRN_REVISION"; echo "$PYTHONPATH"`,
      root
    )
    expect(run.stderr).toBe('')
    const [first, second] = [SHA1, SHA2].map(sha => path.join(root, 'releases', sha))
    expect(run.lines).toEqual([
      first,
      SHA1,
      first,
      path.join(root, 'venvs', SHA1),
      second,
      SHA2,
      `${second}:${first}`
    ])
  })

  it('through a symlinked directory (a root under a link, a link to the rendered directory): the physical path', () => {
    const root = deployment(path.join(dir, 'gpfs/caqrn prod'), [SHA1])
    symlinkSync(path.join(dir, 'gpfs'), path.join(dir, 'projects'))
    symlinkSync(path.join(dir, 'projects/caqrn prod/current', RENDERED), path.join(dir, 'rendered link'))
    const release = path.join(root, 'releases', SHA1)
    for (const file of [
      'projects/caqrn prod/env.sh',
      `projects/caqrn prod/current/${RENDERED}/env.sh`,
      'rendered link/env.sh'
    ]) {
      const reference = file.replace(/env\.sh$/, 'reference.sh')
      const run = bash(`source "${file}"; ${SHOW}; source "${reference}"; echo "$_ref_release"`, dir)
      expect(run.stderr).toBe('')
      expect(run.lines).toEqual([
        release,
        SHA1,
        release,
        path.join(dir, 'gpfs/caqrn prod/venvs', SHA1),
        release
      ])
    }
  })

  it('sourced as a job does (by the resolved release), relatively from inside the release, CDPATH and a cd function set', () => {
    const root = deployment(path.join(dir, 'a b'), [SHA1])
    const release = path.join(root, 'releases', SHA1)
    // CDPATH would send a relative `cd` elsewhere (and make it print); the scripts must not follow it.
    mkdirSync(path.join(dir, 'decoy', RENDERED), { recursive: true })
    const cases: [file: string, cwd: string][] = [
      [path.join(release, RENDERED, 'env.sh'), dir],
      [`${RENDERED}/env.sh`, release],
      ['./env.sh', path.join(release, RENDERED)]
    ]
    for (const [file, cwd] of cases) {
      // A user's cd that prints (and would run hooks) is not the one used.
      const run = bash(`cd() { echo "user's cd"; builtin cd "$@"; }; source "$AT"; ${SHOW}`, cwd, {
        AT: file,
        CDPATH: path.join(dir, 'decoy')
      })
      expect(run.stderr).toBe('')
      expect(run.lines.slice(0, 3)).toEqual([release, SHA1, release])
    }
  })

  it('REVISION as cat read it: without its newline too; one that cannot be opened fails under set -e', () => {
    const root = deployment(path.join(dir, 'root'), [SHA1])
    const revision = path.join(root, 'releases', SHA1, 'REVISION')
    writeFileSync(revision, ` ${SHA1}\\t`)
    expect(bash('source ./env.sh; echo "[$CAQRN_REVISION]"', root).lines).toEqual([`[ ${SHA1}\\t]`])
    writeFileSync(revision, '')
    expect(bash('source ./env.sh; echo "[$CAQRN_REVISION]"', root).lines).toEqual(['[]'])
    unlinkSync(revision)
    const run = bash('CAQRN_REVISION=stale; source ./env.sh; echo "not reached"', root)
    expect(run.status).not.toBe(0)
    expect(run.lines).toEqual([])
    expect(run.stderr).toContain('REVISION: No such file or directory')
  })
})

describe('sandbox-env.sh', () => {
  it("through the stable link: the live release's venv, or the sandbox's own .venv; the sandbox first on PYTHONPATH", () => {
    const root = deployment(path.join(dir, "proj ects/it's"), [SHA1, SHA2])
    const sandbox = path.join(dir, 'sand box')
    mkdirSync(sandbox)
    const show = 'printf "%s\\n" "$CAQRN_ENVIRONMENT" "$CAQRN_SANDBOX" "$PYTHONPATH" "$VIRTUAL_ENV"'
    const run = bash(`source "${root}/sandbox-env.sh"; ${show}`, sandbox)
    expect(run.stderr).toBe('')
    expect(run.lines).toEqual(['sandbox', sandbox, sandbox, path.join(root, 'venvs', SHA1)])
    mkdirSync(path.join(sandbox, '.venv/bin'), { recursive: true })
    writeFileSync(path.join(sandbox, '.venv/bin/activate'), 'export VIRTUAL_ENV=own\n')
    expect(bash(`source "${root}/sandbox-env.sh"; ${show}`, sandbox).lines[3]).toBe('own')
  })

  it("in a sandbox run's directory, as the sandbox job sources it: that run's venv", () => {
    const root = deployment(path.join(dir, 'root'), [SHA1])
    // A run directory: the commit's files and the rendered directory, its venv link to the store.
    const run = path.join(dir, 'runs/7-1111111')
    mkdirSync(path.join(run, RENDERED), { recursive: true })
    writeFileSync(path.join(run, RENDERED, 'sandbox-env.sh'), sandboxEnvScript)
    symlinkSync(path.join(root, 'venvs', SHA1), path.join(run, RENDERED, 'venv'))
    const result = bash(
      `CAQRN_SANDBOX=$PWD; source "$CAQRN_SANDBOX/${RENDERED}/sandbox-env.sh"; echo "$VIRTUAL_ENV"`,
      run
    )
    expect(result.stderr).toBe('')
    expect(result.lines).toEqual([path.join(root, 'venvs', SHA1)])
  })
})
