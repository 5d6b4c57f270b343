// A sandbox run is checked against what the config allows before anything is staged: every refusal at once.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseConfig } from '../../src/config/load.js'
import { UserError } from '../../src/errors/user-error.js'
import { resolveSandboxRun, type AskNames, type SandboxAsk } from '../../src/sandbox/sandbox-run.js'

const config = parseConfig(
  readFileSync('examples/caqrn/.github/slurm-gitops.yml', 'utf8'),
  '.github/slurm-gitops.yml'
)
const names: AskNames = {
  ref: 'input ref',
  sandbox: 'input sandbox',
  command: 'input sandbox-command',
  partition: 'input partition',
  timeLimit: 'input time-limit',
  sbatch: 'input sbatch-options',
  actor: 'actor'
}

function problems(ask: SandboxAsk) {
  try {
    resolveSandboxRun(config, ask, names)
    return []
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return error.problems
  }
}

describe('resolveSandboxRun', () => {
  it("takes the config's defaults and maps the actor to their sandbox", () => {
    expect(resolveSandboxRun(config, { ref: 'feature/x', actor: 'alice-hpc' }, names)).toEqual({
      ref: 'feature/x',
      sandbox: 'alice',
      command: config.sandbox.command,
      partition: 'dev',
      timeLimit: '00:30:00',
      sbatch: [],
      dir: `${config.sandbox.root}/alice`
    })
    expect(resolveSandboxRun(config, { ref: 'a'.repeat(40), actor: 'bob' }, names).sandbox).toBe('bob')
  })

  it('refuses names and refs that are not safe words, each naming its input', () => {
    for (const sandbox of ['../etc', 'a/b', 'a b', 'x;id', 'new\nline', 'x'.repeat(65)]) {
      expect(problems({ ref: 'main', sandbox, actor: 'alice-hpc' }).map(p => p.where)).toEqual([
        'input sandbox'
      ])
    }
    for (const ref of ['main;id', '../x', 'a b', '-x', '$(id)']) {
      expect(problems({ ref, actor: 'alice-hpc' }).map(p => p.where)).toEqual(['input ref'])
    }
  })

  it("refuses another developer's sandbox, a custom command, a partition, a time and options the config does not allow", () => {
    const found = problems({
      ref: 'main',
      actor: 'bob',
      sandbox: 'carol',
      command: 'rm -rf ~',
      partition: 'gpu',
      timeLimit: '02:00:00',
      sbatch: ['--mem=4G', '--gres=gpu:1', '--wrap=id']
    })
    expect(found.map(p => p.where)).toEqual([
      'input sandbox',
      'input sandbox-command',
      'input partition',
      'input time-limit',
      'input sbatch-options',
      'input sbatch-options'
    ])
    expect(found.map(p => p.message).join('\n')).toMatch(/longer than sandbox.maxTime 00:30:00/)
    expect(found.map(p => p.message).join('\n')).toMatch(/--gres=gpu:1 is not among the options/)
    expect(found.map(p => p.message).join('\n')).toMatch(/--wrap/)
  })

  it('allows the options the config lists', () => {
    const run = resolveSandboxRun(
      config,
      { ref: 'main', actor: 'alice-hpc', sbatch: ['--mem=4G', '--cpus-per-task=2'] },
      names
    )
    expect(run.sbatch).toEqual(['--mem=4G', '--cpus-per-task=2'])
  })
})
