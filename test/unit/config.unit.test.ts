import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { parseConfig } from '../../src/config/load.js'
import { UserError } from '../../src/errors/user-error.js'

const exampleText = readFileSync('examples/caqrn/.github/slurm-gitops.yml', 'utf8')
const FILE = '.github/slurm-gitops.yml'

/** The example config with one value changed (a YAML path, as in the error messages). */
function withChange(path: (string | number)[], value: unknown): string {
  const document = parseDocument(exampleText)
  if (value === undefined) document.deleteIn(path)
  else document.setIn(path, value)
  return document.toString()
}

function problemsOf(text: string) {
  try {
    parseConfig(text, FILE)
  } catch (error) {
    if (error instanceof UserError) return error.problems
    throw error
  }
  throw new Error('expected the config to be rejected')
}

describe('config: the example', () => {
  it('loads with every default filled in', () => {
    const config = parseConfig(exampleText, FILE)
    expect(config.project).toMatchObject({
      name: 'caqrn',
      package: 'caqrn',
      envPrefix: 'CAQRN',
      smokeCommand: "python -c 'import caqrn'",
      source: 'fetch',
      pipArgs: [],
      keepReleases: 5
    })
    expect(config.deployments.map(d => [d.branch, d.environment, d.partition, d.root])).toEqual([
      ['main', 'production', 'standard', '/projects/caqrn/production'],
      ['develop', 'development', 'dev', '/projects/caqrn/development']
    ])
    expect(config.sandbox).toMatchObject({
      partition: 'dev',
      root: '/projects/caqrn/sandboxes',
      dataDir: '/projects/caqrn/data/development'
    })
    expect(config.cluster).toMatchObject({ port: 22, loginShell: true, connectTimeoutSeconds: 20 })
  })

  it('fills in the sandbox watch defaults when the section is left out', () => {
    const config = parseConfig(withChange(['sandbox'], undefined), FILE)
    expect(config.sandbox).toEqual({
      partition: 'dev',
      maxTime: '01:00:00',
      root: '/projects/caqrn/sandboxes',
      dataDir: '/projects/caqrn/data/development',
      allowedActors: [],
      allowCustomCommand: false,
      actors: {},
      allowedSbatchOptions: [],
      keepRuns: 5,
      collect: { globs: [], maxMegabytes: 50 },
      pollCapSeconds: 30,
      queueAllowanceMinutes: 60,
      onWatchTimeout: 'cancel',
      reconnectSeconds: 300
    })
  })

  it('reads the example sandbox section', () => {
    expect(parseConfig(exampleText, FILE).sandbox).toMatchObject({
      actors: { 'alice-hpc': 'alice' },
      allowedSbatchOptions: ['mem', 'cpus-per-task'],
      collect: { globs: ['products/**/*.json'], maxMegabytes: 20 },
      onWatchTimeout: 'cancel'
    })
  })
})

describe('config: bad input names where and what is allowed', () => {
  const cases: { name: string; text: string; where: string; message: RegExp; line?: string }[] = [
    {
      name: 'unknown key',
      text: withChange(['project', 'pythn'], 'python3'),
      where: 'project.pythn',
      message: /unknown key "pythn"/
    },
    {
      name: 'wrong type',
      text: withChange(['cluster', 'port'], 'twenty-two'),
      where: 'cluster.port',
      message: /expected number/
    },
    {
      name: 'missing key',
      text: withChange(['cluster', 'host'], undefined),
      where: 'cluster.host',
      message: /required/
    },
    {
      name: 'Slurm-invalid cron step',
      text: withChange(['deployments', 'main', 'jobs', 0, 'schedule'], '*/1 * * * *'),
      where: 'deployments.main.jobs[0].schedule',
      message: /step/,
      line: "schedule: '*/1"
    },
    {
      name: 'day names in a range',
      text: withChange(['deployments', 'main', 'jobs', 0, 'schedule'], '0 2 * * mon-fri'),
      where: 'deployments.main.jobs[0].schedule',
      message: /mon/
    },
    {
      name: 'bad time limit',
      text: withChange(['deployments', 'develop', 'jobs', 0, 'time'], '1 hour'),
      where: 'deployments.develop.jobs[0].time',
      message: /minutes|format/i
    },
    {
      name: 'time over the partition maximum',
      text: withChange(['deployments', 'develop', 'jobs', 0, 'time'], '03:00:00'),
      where: 'deployments.develop.jobs[0].time',
      message: /exceeds partition "dev" maximum 01:00:00/
    },
    {
      name: 'unknown partition',
      text: withChange(['deployments', 'main', 'partition'], 'gpu'),
      where: 'deployments.main.partition',
      message: /partition "gpu" is not in cluster.partitions/
    },
    {
      name: 'unsafe job name',
      text: withChange(['deployments', 'main', 'jobs', 0, 'name'], 'daily; rm -rf /'),
      where: 'deployments.main.jobs[0].name',
      message: /letter/
    },
    {
      name: 'unsafe branch name',
      text: exampleText.replace('  main:\n', '  "main$(reboot)":\n'),
      where: 'deployments.main$(reboot)',
      message: /branch/i
    },
    {
      name: 'forbidden #SCRON option',
      text: withChange(['deployments', 'main', 'jobs', 0, 'sbatch'], ['--array=1-3']),
      where: 'deployments.main.jobs[0].sbatch',
      message: /--array/
    },
    {
      name: 'relative root',
      text: withChange(['project', 'root'], 'projects/caqrn'),
      where: 'project.root',
      message: /absolute/
    },
    {
      name: 'two deployments, one environment',
      text: withChange(['deployments', 'develop', 'environment'], 'production'),
      where: 'deployments.develop.environment',
      message: /already used by branch "main"/
    },
    {
      name: 'sandbox sbatch option that slurm-gitops sets itself',
      text: withChange(['sandbox', 'allowedSbatchOptions'], ['mem', 'time']),
      where: 'sandbox.allowedSbatchOptions[1]',
      message: /slurm-gitops sets --time itself/
    },
    {
      name: 'sandbox sbatch option refused for sandbox jobs, by abbreviation',
      text: withChange(['sandbox', 'allowedSbatchOptions'], ['arr']),
      where: 'sandbox.allowedSbatchOptions[0]',
      message: /abbreviation of --array/
    },
    {
      name: 'sandbox sbatch option written with dashes',
      text: withChange(['sandbox', 'allowedSbatchOptions'], ['--mem']),
      where: 'sandbox.allowedSbatchOptions[0]',
      message: /long name without dashes/
    },
    {
      name: 'sandbox name that is not a safe word',
      text: withChange(['sandbox', 'actors', 'alice-hpc'], '../bob'),
      where: 'sandbox.actors.alice-hpc',
      message: /sandbox name "..\/bob" is not allowed/
    },
    {
      name: 'actor that is not a GitHub login',
      text: withChange(['sandbox', 'actors', 'not a login'], 'carol'),
      where: 'sandbox.actors.not a login',
      message: /not a GitHub login/
    },
    {
      name: 'collect glob leaving the run directory',
      text: withChange(['sandbox', 'collect', 'globs'], ['../../production/**']),
      where: 'sandbox.collect.globs[0]',
      message: /relative to the run directory/
    },
    {
      name: 'unknown watch-timeout action',
      text: withChange(['sandbox', 'onWatchTimeout'], 'ignore'),
      where: 'sandbox.onWatchTimeout',
      message: /cancel|leave/
    },
    {
      name: 'poll cap below two seconds',
      text: withChange(['sandbox', 'pollCapSeconds'], 1),
      where: 'sandbox.pollCapSeconds',
      message: />=2|2/
    },
    {
      name: 'environment reserved for sandbox jobs',
      text: withChange(['deployments', 'develop', 'environment'], 'sandbox'),
      where: 'deployments.develop.environment',
      message: /reserved for sandbox test jobs/
    },
    {
      name: 'time zone that is not an IANA name',
      text: withChange(['cluster', 'timezone'], 'CET+1'),
      where: 'cluster.timezone',
      message: /time zone "CET\+1" is unknown; use an IANA time zone name such as "Europe\/Berlin"/
    },
    {
      name: 'time zone written as an offset',
      text: withChange(['cluster', 'timezone'], '+01:00'),
      where: 'cluster.timezone',
      message: /is not an IANA name/
    },
    {
      name: 'requireReviewedPlan that is not a boolean',
      text: withChange(['deployments', 'main', 'requireReviewedPlan'], 'yes please'),
      where: 'deployments.main.requireReviewedPlan',
      message: /expected boolean/
    },
    {
      name: 'pip argument with shell characters',
      text: withChange(['project', 'pipArgs'], ['--index-url=$(curl evil)']),
      where: 'project.pipArgs[0]',
      message: /one pip argument/
    }
  ]

  it.each(cases)('$name', ({ text, where, message, line }) => {
    const problems = problemsOf(text)
    const problem = problems.find(p => p.where === where)
    expect(problem).toBeDefined()
    expect(problem!.message).toMatch(message)
    expect(problem!.location?.file).toBe(FILE)
    // `line` names the text the reported line must hold; otherwise any line will do.
    const expectedLine = line ? text.split('\n').findIndex(l => l.includes(line)) + 1 : expect.any(Number)
    expect(problem!.location?.line).toEqual(expectedLine)
  })

  it('reports invalid YAML once, at its line and column, not with every error that follows from it', () => {
    // An unclosed bracket: the parser also complains about each collection after it.
    const problems = problemsOf('cluster:\n  host: x\n  port: [22\nproject: {name: caqrn\n')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toEqual({
      where: 'config',
      message: expect.stringMatching(/^invalid YAML: Flow sequence .*end with a \]$/),
      // Where the parser found the bracket unclosed: the start of the next key.
      location: { file: FILE, line: 4, column: 1 }
    })
    expect(problemsOf('cluster:\n  host: x: y\n')).toEqual([
      {
        where: 'config',
        message: 'invalid YAML: Nested mappings are not allowed in compact mappings',
        location: { file: FILE, line: 2, column: 9 }
      }
    ])
  })

  it('names the key that holds an unknown partition, once', () => {
    const deployment = problemsOf(withChange(['deployments', 'main', 'partition'], 'standrd'))
    expect(deployment.map(p => p.where)).toEqual(['deployments.main.partition'])
    const sandbox = problemsOf(withChange(['sandbox', 'partition'], 'deev'))
    expect(sandbox).toEqual([
      {
        where: 'sandbox.partition',
        message: 'partition "deev" is not in cluster.partitions (standard, dev)',
        location: { file: FILE, line: expect.any(Number) }
      }
    ])
  })

  it('rejects a document that is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')[0]!.message).toMatch(/mapping/)
  })

  it('reports every problem at once, not only the first', () => {
    const text = withChange(['cluster', 'port'], 0).replace('keepReleases: 5', 'keepReleases: 1')
    expect(problemsOf(text).map(p => p.where)).toEqual(
      expect.arrayContaining(['cluster.port', 'project.keepReleases'])
    )
  })
})

describe("config: the project's venv store", () => {
  it('is <project.root>/venvs, shared by every deployment', () => {
    expect(parseConfig(exampleText, FILE).project.venvStore).toBe('/projects/caqrn/venvs')
  })

  it('is no deployment root: a deployment there would take its venvs for its own', () => {
    const problems = problemsOf(withChange(['deployments', 'main', 'root'], '/projects/caqrn/venvs'))
    expect(problems.map(p => [p.where, p.message])).toEqual([
      [
        'deployments.main.root',
        "/projects/caqrn/venvs is also used by the project's venv store; each deployment needs its own directory"
      ]
    ])
  })
})
