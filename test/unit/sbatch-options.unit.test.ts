import { describe, expect, it } from '@jest/globals'
import { checkSbatchOptions, type SbatchContext } from '../../src/validate/sbatch-options.js'

const contexts: SbatchContext[] = ['scron', 'sbatch']

function problem(options: string[], where: SbatchContext): string {
  const result = checkSbatchOptions(options, where)
  if (result === null) throw new Error(`expected ${JSON.stringify(options)} to be rejected for ${where}`)
  return result
}

describe('checkSbatchOptions: accepted options', () => {
  const good = [
    '--mem=4G',
    '--cpus-per-task=4',
    '--account=caqrn',
    '--qos=normal',
    '--mail-type=END,FAIL',
    '--mail-user=alice@example.org',
    '--gres=gpu:a100:1',
    '--nodelist=node[01-04]',
    '--signal=B:USR1@60',
    '--dependency=afterok:123',
    '--export=ALL,FOO=bar',
    '--open-mode=append',
    '--exclusive',
    '--constraint=intel',
    '--error=/projects/caqrn/logs/%x-%j.err',
    '--nice=10',
    '--time-min=30'
  ]

  it.each(contexts)('accepts common options in the %s context', where => {
    const scronOnly = where === 'scron' ? good : good.filter(o => !o.startsWith('--error'))
    expect(checkSbatchOptions(scronOnly, where)).toBeNull()
  })

  it.each(contexts)('accepts no options at all (%s)', where => {
    expect(checkSbatchOptions([], where)).toBeNull()
  })

  it('accepts --export in #SCRON lines although --export-file is refused', () => {
    expect(checkSbatchOptions(['--export=NONE'], 'scron')).toBeNull()
  })

  it('accepts in sandbox jobs what only scrontab refuses', () => {
    expect(
      checkSbatchOptions(['--begin=now+1hour', '--requeue', '--clusters=c1', '--get-user-env'], 'sbatch')
    ).toBeNull()
  })
})

describe('checkSbatchOptions: form of each option', () => {
  it.each([
    '-p dev',
    '-pdev',
    '--Mem=4G',
    '--mem 4G',
    'mem=4G',
    '--',
    '---mem=1',
    '--mem-=1',
    '--cpu_bind=cores',
    ''
  ])('rejects %j and asks for one long option', option => {
    for (const where of contexts) {
      const p = problem([option], where)
      expect(p).toContain(`sbatch option ${JSON.stringify(option)} is not allowed`)
      expect(p).toContain('"--name" or "--name=value"')
    }
  })

  it('rejects an empty value', () => {
    expect(problem(['--mem='], 'sbatch')).toContain('has an empty value; write --mem=<value> or --mem')
  })

  it.each([
    ['--comment=hello world', ' '],
    ['--comment=a\tb', '\t'],
    ['--comment=a\nb', '\n'],
    ['--comment="x"', '"'],
    ["--comment='x'", "'"],
    ['--comment=$HOME', '$'],
    ['--comment=`id`', '`'],
    ['--comment=a;b', ';'],
    ['--constraint=a&b', '&'],
    ['--constraint=a|b', '|'],
    ['--comment=a\\b', '\\'],
    ['--comment=~/x', '~'],
    ['--comment=a>b', '>'],
    ['--comment=#1', '#'],
    ['--comment=é', 'é']
  ])('rejects %j, naming the character and the line it cannot enter', (option, char) => {
    expect(problem([option], 'scron')).toContain(
      `contains ${JSON.stringify(char)}, which cannot go into a #SCRON line`
    )
    const p = problem([option], 'sbatch')
    expect(p).toContain(`contains ${JSON.stringify(char)}, which cannot go into a #SBATCH line`)
    expect(p).toContain('option values may use only letters, digits and _ @ % + = : , . / - [ ] ^')
  })

  it('reports the first bad option of several', () => {
    expect(problem(['--mem=4G', '--array=1-3', '--wrap=x'], 'scron')).toContain('"--array=1-3"')
  })
})

describe('checkSbatchOptions: options slurm-gitops sets itself', () => {
  it.each([
    ['--partition=dev', 'set the deployment\'s "partition" key instead', "ask for the run's partition"],
    ['--time=10', 'set the job\'s "time" key instead', "ask for the run's time limit"],
    ['--job-name=x', 'set the job\'s "name" key instead', 'slurm-gitops names sandbox jobs'],
    ['--output=/tmp/x.log', 'slurm-gitops chooses the log file', 'slurm-gitops chooses the log file'],
    ['--chdir=/tmp', 'slurm-gitops runs the job in the deployed release', 'in its run directory']
  ])('rejects %j in both contexts, saying where to set it instead', (option, scron, sbatch) => {
    for (const [where, advice] of [
      ['scron', scron],
      ['sbatch', sbatch]
    ] as const) {
      const p = problem([option], where)
      expect(p).toContain(JSON.stringify(option))
      expect(p).toContain(`slurm-gitops sets --${option.slice(2).split('=')[0]} itself`)
      expect(p).toContain(advice)
    }
  })

  it.each([
    ['--part=dev', 'partition'],
    ['--ti=10', 'time'],
    ['--job=x', 'job-name'],
    ['--out=x', 'output'],
    ['--ch=/tmp', 'chdir']
  ])('rejects the abbreviation %j that getopt_long would read as --%s', (option, full) => {
    const p = problem([option], 'scron')
    expect(p).toContain(`Slurm reads --${option.slice(2).split('=')[0]} as an abbreviation of --${full}`)
  })
})

describe('checkSbatchOptions: #SCRON lines', () => {
  it.each([
    '--array=1-3',
    '--wrap=echo',
    '--parsable',
    '--wait',
    '--begin=now+1hour',
    '--hold',
    '--test-only',
    '--batch=x',
    '--bb=x',
    '--bbf=x',
    '--clusters=c1',
    '--cluster=c1',
    '--cluster-constraint=x',
    '--export-file=/tmp/env',
    '--get-user-env',
    '--ignore-pbs',
    '--input=/dev/null',
    '--kill-on-invalid-dep=yes',
    '--requeue',
    '--no-requeue',
    '--propagate=ALL',
    '--wait-all-nodes=1',
    '--help',
    '--usage',
    '--version'
  ])('rejects %j and says scrontab refuses it', option => {
    const name = option.slice(2).split('=')[0] as string
    const p = problem([option], 'scron')
    expect(p).toContain(JSON.stringify(option))
    expect(p).toContain(`--${name} is not allowed for a scheduled (scrontab) job`)
  })

  it('gives the reason where there is a specific one', () => {
    expect(problem(['--begin=now'], 'scron')).toContain('the schedule decides when the job starts')
    expect(problem(['--array=1-3'], 'scron')).toContain('a cron entry is one job')
    expect(problem(['--requeue'], 'scron')).toContain('scrontab requeues cron jobs itself')
  })

  it('rejects abbreviations of refused options', () => {
    expect(problem(['--arr=1-3'], 'scron')).toContain('Slurm reads --arr as an abbreviation of --array')
    expect(problem(['--beg=now'], 'scron')).toContain('abbreviation of --begin')
  })
})

describe('checkSbatchOptions: sandbox #SBATCH lines', () => {
  it.each([
    ['--wait', 'slurm-gitops polls sacct'],
    ['--parsable', 'slurm-gitops passes it itself'],
    ['--wrap=echo', 'the job script is generated by slurm-gitops'],
    ['--test-only', 'no job to watch'],
    ['--array=1-3', 'one job that slurm-gitops watches to the end'],
    ['--hold', 'a held job never starts'],
    ['--error=/tmp/e.log', 'one log with both stdout and stderr']
  ])('rejects %j with its reason', (option, reason) => {
    const p = problem([option], 'sbatch')
    expect(p).toContain(`--${option.slice(2).split('=')[0]} is not allowed for a sandbox test job`)
    expect(p).toContain(reason)
  })
})
