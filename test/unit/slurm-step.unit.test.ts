// The slurm step's decisions, run by bash with scrontab and sinfo as scripts on PATH that answer as told: what
// `scrontab -l` and `sinfo` said is what is tested (their answers come from the background, sg_slurm_ask), not
// Slurm. And a run that ends before it needed the answers does not wait for them, nor leave them running.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fakeCommand, runStepShell } from '../step-shell.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-slurm-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface Answers {
  /** scrontab -l: its stdout, stderr and exit status. */
  scrontab: { out: string; err?: string; status: number }
  /** sinfo --all -h -o %R: its output and exit status; `sleep` seconds first. */
  sinfo: { out: string; status: number; sleep?: number }
}

/** Runs `script` after the step files the slurm step needs, as the deploy script runs (options, state, traps). */
function runSteps(script: string, answers: Answers) {
  const bin = path.join(dir, 'bin')
  const { scrontab, sinfo } = answers
  const said = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text)
    return path.join(dir, name)
  }
  fakeCommand(
    bin,
    'scrontab',
    `cat ${said('scrontab.out', scrontab.out)}; cat ${said('scrontab.err', scrontab.err ?? '')} >&2; exit ${scrontab.status}`
  )
  fakeCommand(
    bin,
    'sinfo',
    `echo $$ >${dir}/sinfo.pid; sleep ${sinfo.sleep ?? 0}; cat ${said('sinfo.out', sinfo.out)}; exit ${sinfo.status}`
  )
  const tmp = path.join(dir, 'tmp')
  mkdirSync(tmp, { recursive: true })
  return runStepShell({
    steps: ['scrontab-table.sh', 'slurm.sh'],
    script: `SG_SLURM_QUERIES=() SG_TMP="${tmp}" PARTITIONS=(standard dev)\n${script}`,
    bin,
    exitTrap: true,
    timeout: 20_000
  })
}

const partitions = { out: 'standard\ndev\ndebug\n', status: 0 }

describe('the slurm step', () => {
  it('passes when the account has no table yet and every partition exists; the probe is an empty table', () => {
    const run = runSteps('sg_slurm_ask; run_step slurm', {
      scrontab: { out: 'no crontab for caqrn\n', status: 1 },
      sinfo: partitions
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('::sg-n::end slurm 0 ')
    expect(run.status).toBe(0)
    expect(readFileSync(path.join(dir, 'tmp/scrontab.probe'), 'utf8')).toBe('')
  })

  it('asks by itself when nothing asked before it (rollback), and keeps the table it read', () => {
    const run = runSteps('run_step slurm', {
      scrontab: { out: '@daily true\n', status: 0 },
      sinfo: partitions
    })
    expect(run.status).toBe(0)
    expect(readFileSync(path.join(dir, 'tmp/scrontab.probe'), 'utf8')).toBe('@daily true\n')
  })

  it('says so when scrontab is disabled on the cluster, by its message on stderr', () => {
    const run = runSteps('run_step slurm', {
      scrontab: { out: '', err: 'scrontab: fatal: scrontab is disabled on this cluster\n', status: 1 },
      sinfo: partitions
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      "error: scrontab is disabled on this cluster (Slurm's ScronParameters=enable is not set)"
    )
    expect(run.stdout).toContain('::sg-n::end slurm 1 ')
  })

  it('reports any other failure of scrontab -l with its exit status and what it said', () => {
    const run = runSteps('run_step slurm', {
      scrontab: { out: '', err: 'slurm_load_ctl_conf error\n', status: 2 },
      sinfo: partitions
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('error: scrontab -l failed (exit 2): slurm_load_ctl_conf error\n')
  })

  it('names a partition that does not exist, and the ones that do', () => {
    const run = runSteps('run_step slurm', {
      scrontab: { out: '', status: 0 },
      sinfo: { out: 'standard\ndebug\n', status: 0 }
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      'error: partition "dev" does not exist on this cluster; it has: debug standard'
    )
  })

  it('reports a failed sinfo with what it said', () => {
    const run = runSteps('run_step slurm', {
      scrontab: { out: '', status: 0 },
      sinfo: { out: 'sinfo: error: Unable to contact slurm controller\n', status: 1 }
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('error: sinfo failed: sinfo: error: Unable to contact slurm controller\n')
  })

  it('a run that ends before the answers came ends the queries instead of waiting for them', () => {
    const started = Date.now()
    // The fetch fails once sinfo is under way (it has written its pid).
    const run = runSteps(
      `sg_slurm_ask; until [ -s ${dir}/sinfo.pid ]; do sleep 0.05; done; sg_die "the fetch failed"`,
      {
        scrontab: { out: '', status: 0 },
        sinfo: { ...partitions, sleep: 30 }
      }
    )
    expect(run.status).toBe(1)
    expect(Date.now() - started).toBeLessThan(10_000)
    // Ended: gone, or a zombie that nobody reaped (an init that does not reap orphans, as in some containers).
    const pid = readFileSync(path.join(dir, 'sinfo.pid'), 'utf8').trim()
    const state = spawnSync('ps', ['-o', 'stat=', '-p', pid], { encoding: 'utf8' }).stdout.trim()
    expect(state === '' || state.startsWith('Z')).toBe(true)
  })
})
