// The command table, the flag check and the help made from it: no command runs here.
import { describe, expect, it } from '@jest/globals'
import { acceptedFlags, COMMAND_TABLE, commandSpec } from '../../src/cli/command-table.js'
import { FLAGS } from '../../src/cli/flags.js'
import { commandHelp, topUsage } from '../../src/cli/help.js'
import { parseCommandLine } from '../../src/cli/parse-command-line.js'

const parse = (command: string, ...argv: string[]) => parseCommandLine(command, commandSpec(command)!, argv)
const problemsOf = (command: string, ...argv: string[]) =>
  parse(command, ...argv).problems.map(p => `${p.where}: ${p.message}`)

describe('the command table', () => {
  it.each(Object.keys(COMMAND_TABLE))('%s: its examples are command lines it accepts', name => {
    const spec = COMMAND_TABLE[name]!
    expect(spec.examples.length).toBeGreaterThan(0)
    for (const example of spec.examples) {
      // A shell substitution stands for one value.
      const words = example.replace(/"\$\([^)]*\)"/g, 'f'.repeat(40)).split(' ')
      expect(words.slice(0, 2)).toEqual(['slurm-gitops', name])
      expect(parseCommandLine(name, spec, words.slice(2)).problems).toEqual([])
    }
  })

  it('knows only real commands, not the properties every object has', () => {
    expect(commandSpec('constructor')).toBeUndefined()
    expect(commandSpec('plan')).toBe(COMMAND_TABLE.plan)
  })

  it('lets only the commands that connect take the connection flags', () => {
    const connecting = Object.keys(COMMAND_TABLE).filter(name =>
      acceptedFlags(COMMAND_TABLE[name]!).includes('identity')
    )
    expect(connecting).toEqual([
      'deploy',
      'rollback',
      'status',
      'sandbox',
      'watch',
      'cancel',
      'logs',
      'remove'
    ])
  })
})

describe('parseCommandLine', () => {
  it('refuses flags that do not apply, naming the flag, the command and what it takes', () => {
    // `validate` used to say "valid" to this.
    expect(problemsOf('validate', '--to', 'x', '--identity', '/nope', '--local')).toEqual(
      ['--to', '--identity', '--local'].map(
        flag =>
          `${flag}: does not apply to validate; validate takes --config, --repo, --branch, --sha, --format, --help`
      )
    )
  })

  it('refuses a flag that does not exist, and points a passphrase at the environment', () => {
    expect(problemsOf('plan', '--nope')).toEqual([
      expect.stringMatching(/^--nope: is not a flag of slurm-gitops; plan takes --config/)
    ])
    expect(problemsOf('deploy', '--branch', 'main', '--passphrase=x')).toEqual([
      expect.stringContaining(
        "--passphrase: is not a flag of slurm-gitops (a key's passphrase is read from the environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE"
      )
    ])
  })

  it('needs values where flags take one, and none where they do not', () => {
    expect(problemsOf('plan', '--config')).toEqual(['--config: needs a value: --config FILE'])
    expect(problemsOf('plan', '--config', '--out', 'x')).toEqual([
      '--config: needs a value, but "--out" looks like a flag; write --config=--out if it is the value',
      'x: is not a flag; plan takes no other arguments'
    ])
    expect(problemsOf('status', '--local=yes')).toEqual(['--local: takes no value (got "yes")'])
    expect(problemsOf('plan', '-c', 'a.yml', '--config', 'b.yml')).toEqual(['--config: is given twice'])
  })

  it('keeps the values of a flag that may repeat in order, short and long forms alike', () => {
    const line = parse(
      'sandbox',
      '--ref',
      'main',
      '--sbatch=--mem=4G',
      '--sbatch=--cpus-per-task=2',
      '-c',
      'x.yml'
    )
    expect(line.problems).toEqual([])
    expect(line.options).toEqual({ ref: 'main', sbatch: ['--mem=4G', '--cpus-per-task=2'], config: 'x.yml' })
  })

  it('asks for required flags and the operand with an example', () => {
    expect(problemsOf('deploy')).toEqual(['--branch: is required (e.g. --branch main)'])
    expect(problemsOf('sandbox')).toEqual(['--ref: is required (e.g. --ref feature/new-filter)'])
    expect(problemsOf('watch')).toEqual(['JOBID: is required: slurm-gitops watch JOBID'])
    expect(problemsOf('cancel', '12', '13')).toEqual(['13: cancel takes one JOBID'])
    expect(parse('cancel', '12').args).toEqual(['12'])
  })

  it('reads --format against the formats of the command, and still knows a JSON request among other problems', () => {
    expect(parse('plan', '--format', 'markdown')).toMatchObject({ format: 'markdown', problems: [] })
    expect(parse('status', '-f', 'markdown')).toMatchObject({
      format: 'text',
      problems: [{ where: '--format', message: '"markdown" is not one of text, json' }]
    })
    expect(parse('validate', '--to', 'x', '--format=json')).toMatchObject({ format: 'json' })
    expect(parse('validate').format).toBe('text')
  })

  it('sees --help whatever else is on the line', () => {
    expect(parse('deploy', '--nope', '-h').help).toBe(true)
  })
})

describe('help', () => {
  it('keeps the top-level usage short: one line per command', () => {
    const usage = topUsage()
    for (const name of Object.keys(COMMAND_TABLE)) expect(usage).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    expect(usage.split('\n').length).toBeLessThan(20)
    expect(usage).toContain('--help')
    expect(usage).toContain('--version')
  })

  it.each(Object.keys(COMMAND_TABLE))(
    '%s --help lists exactly the flags it takes, one line each, and an example',
    name => {
      const spec = COMMAND_TABLE[name]!
      const help = commandHelp(name, spec)
      expect(help).toMatch(new RegExp(`^Usage: slurm-gitops ${name} `))
      const listed = [...help.matchAll(/^ {2}(?:-\w, )? *--([a-z-]+)/gm)].map(m => m[1])
      expect(listed).toEqual(acceptedFlags(spec))
      for (const flag of acceptedFlags(spec)) expect(FLAGS[flag].help.length).toBeGreaterThan(0)
      expect(help).toMatch(/^Examples?:\n {2}slurm-gitops /m)
    }
  )

  it('shows what is required, the formats of the command, the operand and the passphrase variable', () => {
    const deploy = commandHelp('deploy', COMMAND_TABLE.deploy!)
    expect(deploy).toMatch(/^Usage: slurm-gitops deploy --branch BRANCH \[flags\]$/m)
    expect(deploy).toMatch(/-b, --branch BRANCH +the deployment to deploy, by its branch \(required\)$/m)
    expect(deploy).toMatch(/-f, --format text\|json +/)
    expect(deploy).toContain('SLURM_GITOPS_SSH_KEY_PASSPHRASE')
    expect(commandHelp('plan', COMMAND_TABLE.plan!)).toMatch(/--format text\|markdown\|json/)
    expect(commandHelp('plan', COMMAND_TABLE.plan!)).not.toContain('SLURM_GITOPS_SSH_KEY_PASSPHRASE')
    const watch = commandHelp('watch', COMMAND_TABLE.watch!)
    expect(watch).toMatch(/^Usage: slurm-gitops watch JOBID \[flags\]$/m)
    expect(watch).toMatch(/^Argument:\n {2}JOBID +the Slurm job id/m)
  })
})
