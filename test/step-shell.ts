// Step files of deploy-templates/steps/ run by bash as the deploy script runs them (its shell options, the
// runtime's state, optionally its exit trap), with fake commands first on PATH: a test checks a step's
// decisions on what the commands answered, not Slurm.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './repo-root.js'

const STEPS = path.join(repoRoot, 'deploy-templates/steps')

/** The runtime's state as deploy.sh.hbs declares it (steps/runtime.sh reads it). */
const RUNTIME_STATE =
  "SG_STEP='' SG_STEP_START=0 SG_DURATIONS='' SG_FAILED_STEP='' SG_EXIT_HOOKS=() SG_SKIP_REST='' " +
  "SG_CONTAINED='' SG_BACKGROUND=() SG_BUNDLE='' SG_NONCE=n"

/** `bin/name`, a bash script running `body`. */
export function fakeCommand(bin: string, name: string, body: string): void {
  mkdirSync(bin, { recursive: true })
  writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`)
  chmodSync(path.join(bin, name), 0o755)
}

export interface StepShell {
  /** The step files sourced after runtime.sh, e.g. `slurm.sh`. */
  steps: string[]
  /** Runs after them (with `trap sg_on_exit EXIT` first when `exitTrap`). */
  script: string
  /** Put first on PATH (fakeCommand's folder). */
  bin: string
  exitTrap?: boolean
  env?: Record<string, string>
  timeout?: number
}

export function runStepShell(shell: StepShell): SpawnSyncReturns<string> {
  const sources = ['runtime.sh', ...shell.steps].map(file => `source "$STEPS/${file}"`).join('; ')
  return spawnSync(
    'bash',
    [
      '-c',
      `set -Eeuo pipefail\n${RUNTIME_STATE}\n${sources}\n${shell.exitTrap ? 'trap sg_on_exit EXIT\n' : ''}${shell.script}`
    ],
    {
      encoding: 'utf8',
      // No stdin: bash reads ~/.bashrc when stdin looks like a remote shell's.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: `${shell.bin}:${process.env.PATH}`, STEPS, ...shell.env },
      ...(shell.timeout ? { timeout: shell.timeout } : {})
    }
  )
}
