// The step files of deploy-templates/steps/: exactly the files the config knows, each one plain bash that
// shellcheck accepts as it is and that only defines functions; and the deploy script composed of them runs only
// steps it defines, reads the scrontab block with one awk program, and spells the rendered directory once.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { STEP_FILES } from '../../src/config/schema.js'
import { RENDERED_DIR } from '../../src/plan/rendered-dir.js'
import { planRepository } from '../../src/plan/plan-repository.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import { repoRoot } from '../repo-root.js'

const templatesDir = path.join(repoRoot, 'deploy-templates')
const stepPaths = STEP_FILES.map(name => path.join(templatesDir, name))
const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0
const shellcheckIt = hasShellcheck ? it : it.skip

async function examplePlans() {
  return (
    await planRepository(workingTreeReader(path.join(repoRoot, 'examples/caqrn')), '.github/slurm-gitops.yml')
  ).plans
}

describe('deploy-templates/steps/', () => {
  it('holds exactly the step files the config accepts (STEP_FILES)', () => {
    const files = readdirSync(path.join(templatesDir, 'steps')).filter(f => f.endsWith('.sh'))
    expect(files.map(f => `steps/${f}`).sort()).toEqual([...STEP_FILES].sort())
  })

  it('only defines functions: reading a file runs nothing (no output, no unset variable under set -u)', () => {
    for (const file of stepPaths) {
      const run = spawnSync('bash', ['-c', 'set -Eeuo pipefail; source "$1"', 'bash', file], {
        encoding: 'utf8',
        // No stdin: bash reads ~/.bashrc when stdin looks like a remote shell's.
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH }
      })
      expect({ file, status: run.status, output: run.stdout + run.stderr }).toEqual({
        file,
        status: 0,
        output: ''
      })
    }
  })

  shellcheckIt(
    'passes shellcheck as it is (every severity; steps/.shellcheckrc says what is off and why)',
    () => {
      const run = spawnSync('shellcheck', ['--format=gcc', ...stepPaths], { encoding: 'utf8' })
      expect(run.stdout + run.stderr).toBe('')
      expect(run.status).toBe(0)
    }
  )

  it('never spells the rendered directory: RENDERED_DIR comes from the header', () => {
    for (const file of stepPaths) {
      const text = readFileSync(file, 'utf8')
      expect({ file, spelled: text.includes(RENDERED_DIR) }).toEqual({ file, spelled: false })
    }
  })
})

describe('the composed deploy script', () => {
  it('runs only steps it defines, each marker named like its function', async () => {
    for (const plan of await examplePlans()) {
      const steps = [...plan.script.matchAll(/^\s*run_step (\S+)$/gm)].map(m => m[1]!)
      expect(steps).toEqual(
        expect.arrayContaining(['preflight', 'venv', 'switch', 'schedule', 'record', 'target'])
      )
      for (const step of new Set(steps)) {
        expect({ step, defined: new RegExp(`^${step}\\(\\) \\{$`, 'm').test(plan.script) }).toEqual({
          step,
          defined: true
        })
      }
    }
  })

  // Steps that pass alone can still clash once composed (a name one step uses for an array, another for a
  // string): the plan's own shellcheck would then warn on every pull request.
  shellcheckIt('passes shellcheck as the plan runs it (warnings and above)', async () => {
    for (const plan of await examplePlans()) {
      const run = spawnSync('shellcheck', ['--shell=bash', '--severity=warning', '--format=gcc', '-'], {
        input: plan.script,
        encoding: 'utf8'
      })
      expect({ deployment: plan.branch, findings: run.stdout + run.stderr }).toEqual({
        deployment: plan.branch,
        findings: ''
      })
    }
  })

  it('reads the scrontab block with one awk program, and passes the rendered directory in the header', async () => {
    for (const plan of await examplePlans()) {
      // One program finds the block by its markers; everything else goes through it.
      expect(plan.script.match(/"\$BLOCK_BEGIN"/g)).toHaveLength(1)
      expect(plan.script).toContain(`\nRENDERED_DIR=${RENDERED_DIR}\n`)
      expect(plan.script.split(RENDERED_DIR)).toHaveLength(2)
    }
  })
})
