// The verify step's decisions, run by bash with sbatch as a script on PATH that accepts or rejects as told: Slurm's
// checks of the jobs run in the background while the smoke command runs, and are still what decides.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fakeCommand, runStepShell } from '../step-shell.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-verify-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A release with the jobs `jobs`, sbatch rejecting the job scripts named in `rejected`; runs the verify step. */
function verify(jobs: string[], rejected: string[], smoke = 'echo smoke-ran') {
  const bin = path.join(dir, 'bin')
  fakeCommand(
    bin,
    'sbatch',
    `script=\${!#}; job=\${script##*/}
     case " ${rejected.join(' ')} " in *" \${job%.sh} "*) echo "sbatch: error: rejected \${job%.sh}" >&2; exit 1 ;; esac
     echo "sbatch: Job 1 to start at now (\${job%.sh} $*)" >&2`
  )
  const release = path.join(dir, 'release')
  mkdirSync(path.join(release, '.slurm-gitops/jobs'), { recursive: true })
  writeFileSync(path.join(release, '.slurm-gitops/env.sh'), 'export SMOKE_ENV=1\n')
  for (const job of jobs) {
    writeFileSync(path.join(release, `.slurm-gitops/jobs/${job}.options`), `--job-name=${job}\n--time=1\n`)
    writeFileSync(path.join(release, `.slurm-gitops/jobs/${job}.sh`), '#!/bin/bash\n')
  }
  mkdirSync(path.join(dir, 'tmp'))
  return runStepShell({
    steps: ['verify.sh'],
    script: `SG_TMP="${dir}/tmp" RELEASE="${release}" RENDERED_DIR=.slurm-gitops
       JOBS=(${jobs.join(' ')}) SMOKE_COMMAND=smoke SMOKE_TIMEOUT=30
       sg_smoke() { ${smoke}; }
       run_step verify`,
    bin,
    exitTrap: true
  })
}

describe('the verify step', () => {
  it("passes when the smoke command passes and Slurm accepts every job; Slurm's answers are shown after the smoke's output", () => {
    const run = verify(['daily', 'weekly'], [])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const lines = run.stdout.split('\n')
    const smoke = lines.indexOf('smoke-ran')
    const daily = lines.findIndex(line => line.startsWith('sbatch: Job 1 to start at now (daily --test-only'))
    const weekly = lines.findIndex(line =>
      line.startsWith('sbatch: Job 1 to start at now (weekly --test-only')
    )
    expect(smoke).toBeGreaterThan(-1)
    expect(daily).toBeGreaterThan(smoke)
    expect(weekly).toBeGreaterThan(daily)
  })

  it('fails naming the first job Slurm rejects, after its message; the jobs after it are not tested', () => {
    const run = verify(['daily', 'weekly', 'monthly'], ['weekly', 'monthly'])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('sbatch: error: rejected weekly\n')
    expect(run.stdout).not.toContain('rejected monthly')
    expect(run.stdout).toContain(
      'error: sbatch --test-only rejected job "weekly" (see above); the previous release stays live'
    )
  })

  it('fails when the smoke command fails, whatever Slurm says', () => {
    const run = verify(['daily'], [], 'echo smoke-failing; false')
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      'error: the smoke command failed in the new release; the previous release stays live'
    )
  })

  it('passes with no jobs', () => {
    const run = verify([], [])
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
  })
})
