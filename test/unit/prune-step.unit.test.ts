// The prune step's two decisions, run by bash on a directory of releases and a venv store: which releases stay
// (the newest, the live one, those a queued or running job leases) and which venvs nothing links to. squeue is
// a script on PATH that knows the jobs given to it: the decisions are what is tested, not Slurm.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fakeCommand, runStepShell } from '../step-shell.js'

const RENDERED = '.slurm-gitops'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-prune-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `script` after the step files it needs, under the deploy script's shell options; the queued job ids. */
function runSteps(script: string, queued: string[] = []) {
  const bin = path.join(dir, 'bin')
  // squeue -h -j ID -o %i: the id when the job is queued or running, nothing otherwise.
  fakeCommand(bin, 'squeue', `case " ${queued.join(' ')} " in *" $3 "*) echo "$3" ;; esac`)
  return runStepShell({
    steps: ['deployment.sh', 'prune.sh'],
    script,
    bin,
    env: { ROOT: path.join(dir, 'root') }
  })
}

/** releases/NAME, made live (mtime) `age` seconds ago. */
function release(name: string, age: number): string {
  const at = path.join(dir, 'root/releases', name)
  mkdirSync(path.join(at, RENDERED), { recursive: true })
  const when = Date.now() / 1000 - age
  utimesSync(at, when, when)
  return at
}

describe('sg_prune_releases', () => {
  it('keeps the newest, the live one and the leased ones; removes the rest and the leases of ended jobs', () => {
    for (const [i, name] of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].entries()) release(name, 600 - i * 60)
    const root = path.join(dir, 'root')
    symlinkSync('releases/r2', path.join(root, 'current'))
    mkdirSync(path.join(root, 'leases'))
    writeFileSync(path.join(root, 'leases/101'), `${root}/releases/r1\n`) // queued: r1 stays
    writeFileSync(path.join(root, 'leases/102'), `${root}/releases/r3\n`) // ended: its lease goes
    writeFileSync(path.join(root, 'leases/103'), '') // queued, but cut short: names nothing
    const run = runSteps('KEEP_RELEASES=2 RENDERED_DIR=.slurm-gitops sg_prune_releases', ['101', '103'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(path.join(root, 'releases')).sort()).toEqual(['r1', 'r2', 'r5', 'r6'])
    expect(readdirSync(path.join(root, 'leases')).sort()).toEqual(['101', '103'])
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'removing release r3',
      'removing release r4'
    ])
  })
})

describe('sg_remove_unused_venvs', () => {
  it('removes the venvs no link resolves to, however a link is written; a dangling link protects nothing', () => {
    const store = path.join(dir, 'store')
    for (const venv of ['a', 'b', 'c', 'd']) mkdirSync(path.join(store, venv), { recursive: true })
    const links = path.join(dir, 'links')
    mkdirSync(links)
    symlinkSync(path.join(store, 'a'), path.join(links, 'one'))
    // Another spelling of b's path: compared as resolved paths, it still counts.
    symlinkSync(path.join(store, '../store/./b'), path.join(links, 'two'))
    symlinkSync(path.join(dir, 'gone/venv'), path.join(links, 'dangling'))
    const run = runSteps(
      `sg_remove_unused_venvs "${store}" "${links}/one" "${links}/two" "${links}/dangling" "${links}/none-*"`
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(store).sort()).toEqual(['a', 'b'])
    expect(run.stdout).toContain(`removing venv c of ${store} (nothing uses it)`)
    expect(run.stdout).toContain(`removing venv d of ${store} (nothing uses it)`)
  })

  it('leaves an empty store alone', () => {
    mkdirSync(path.join(dir, 'empty'))
    const run = runSteps(`sg_remove_unused_venvs "${dir}/empty" "${dir}/nothing"`)
    expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({ status: 0, out: '' })
    expect(existsSync(path.join(dir, 'empty'))).toBe(true)
  })
})
