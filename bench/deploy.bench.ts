// npm run bench (first part): what a user waits for, as whole processes started the way users and the runner
// start them: the CLI (`node dist/cli.js …`) and the action (`node dist/index.js` with the runner's environment),
// each run alternating with `ssh -o BatchMode=yes … true` to the same account (the floor: one SSH round trip) and
// with the script a user would write instead (bench/user-script.ts), so every ratio is measured in one run.
// Against the local cluster (scripts/cluster up), holding its lock; prints figures, asserts nothing.
//
// Scenarios, at about 30 and about 200 requirements (wheels written into the test wheelhouse): redeploy of the
// same commit, a code-only change, a rollback, a requirements change (a new venv: pip's time plus ours). Then
// process start → first byte to sshd (through a loopback relay that notes it), and `--help`, `validate` and
// `plan` of the example (no connection).
//
//   npm run build && flock /work/cluster.lock npm run bench
//   BENCH_RUNS=4 (runs per scenario at ~30 requirements; ~200 gets BENCH_RUNS_LARGE=4), BENCH_DIST=dir (another
//   build, e.g. of the commit before a change, to compare), BENCH_BASE=dir (a build whose first byte is measured
//   run by run alternately with this one's: on a machine whose speed drifts, the fair comparison of a change),
//   BENCH_ONLY=start-up (start-up figures only), BENCH_NODE=path (the node that runs the CLI and the action, e.g.
//   Node 24, the action's runtime on GitHub's runners). A build elsewhere needs deploy-templates/ beside its dist/.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { clusterInfo, resetCluster, withClusterLock, type ClusterInfo } from '../test/integration/cluster.js'
import {
  codeChange,
  createDeployFixture,
  requirementsChange,
  type DeployFixture
} from '../test/integration/deploy-fixture.js'
import { startFakeGitHub } from '../test/action/fake-github.js'
import { repoRoot } from '../test/repo-root.js'
import { actionStepEnv, summarySteps, type ActionWorld, type Trigger } from './action-step.js'
import { writeBenchWheels, type BenchWheels } from './bench-wheels.js'
import { peak, ratio, table, timing } from './figures.js'
import { setUpUserScript, sshArgs, type UserScript } from './user-script.js'
import { TcpRelay } from '../test/integration/tcp-relay.js'
import { removeProcessFiles, runProcess, type ProcessRun } from './whole-process.js'

const SIZES = [30, 200] as const
const RUNS = { 30: Number(process.env.BENCH_RUNS ?? 4), 200: Number(process.env.BENCH_RUNS_LARGE ?? 4) }
const LOCAL_RUNS = Number(process.env.BENCH_LOCAL_RUNS ?? 5)
/** BENCH_ONLY=start-up: only the start-up figures (a quick comparison of two builds). */
const START_UP_ONLY = process.env.BENCH_ONLY === 'start-up'
const dist = path.resolve(process.env.BENCH_DIST ?? path.join(repoRoot, 'dist'))
const base = process.env.BENCH_BASE ? path.resolve(process.env.BENCH_BASE) : undefined
const example = path.join(repoRoot, 'examples/caqrn')
/** The node that runs the CLI and the action (the bench itself runs on any). */
const node = process.env.BENCH_NODE ?? process.execPath
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()

/** One scenario's runs: ours (CLI, action), the floor (ssh true) and the user's script, alternating. */
interface Series {
  cli: ProcessRun[]
  action: ProcessRun[]
  ssh: ProcessRun[]
  script: ProcessRun[]
  /** The action's time beyond its venv step, when it built a venv: ours, on top of pip's. */
  beyondPip: number[]
  /** The venv step, from the action's job summary (pip's time when a venv is built). */
  venv: number[]
  /** What the CLI said it did: `venv reused, scrontab unchanged`. */
  notes: Set<string>
}

const emptySeries = (): Series => ({
  cli: [],
  action: [],
  ssh: [],
  script: [],
  beyondPip: [],
  venv: [],
  notes: new Set()
})

class Bench {
  readonly rows: { name: string; size: number; series: Series }[] = []
  private readonly world: ActionWorld
  private readonly privateKey: string
  private readonly knownHosts: string

  constructor(
    readonly cluster: ClusterInfo,
    readonly fixture: DeployFixture,
    readonly wheels: BenchWheels,
    githubApiUrl: string,
    readonly scratch: string
  ) {
    this.privateKey = readFileSync(cluster.privateKeyPath, 'utf8')
    this.knownHosts = readFileSync(cluster.knownHostsPath, 'utf8')
    this.world = {
      workspace: fixture.repoDir,
      dir: path.join(scratch, 'step'),
      githubApiUrl,
      privateKey: this.privateKey,
      knownHosts: this.knownHosts,
      config: '.github/slurm-gitops.yml'
    }
  }

  /** The CLI's arguments for `command` against the cluster (or, with `knownHosts`, through the relay). */
  cliArgs(command: string, args: string[], knownHosts = this.cluster.knownHostsPath, build = dist): string[] {
    return [
      path.join(build, 'cli.js'),
      command,
      ...args,
      '--config',
      path.join(this.fixture.repoDir, '.github/slurm-gitops.yml'),
      '--identity',
      this.cluster.privateKeyPath,
      '--known-hosts',
      knownHosts
    ]
  }

  cli(command: string, ...args: string[]): Promise<ProcessRun> {
    return runProcess(node, this.cliArgs(command, args), { cwd: this.fixture.repoDir })
  }

  action(trigger: Trigger, extra?: NodeJS.ProcessEnv, build = dist): Promise<ProcessRun> {
    return runProcess(node, [path.join(build, 'index.js')], {
      cwd: this.fixture.repoDir,
      env: actionStepEnv(this.world, trigger, extra)
    })
  }

  sshTrue(): Promise<ProcessRun> {
    return runProcess('ssh', sshArgs(this.cluster, 'true'), { cwd: this.scratch })
  }

  push(branch: string): Trigger {
    return { kind: 'push', branch, sha: this.fixture.sha(branch) }
  }

  dispatch(inputs: Record<string, string>): Trigger {
    return { kind: 'dispatch', branch: 'main', sha: this.fixture.sha('main'), inputs }
  }

  /** One scenario: `runs` times ssh true, the CLI, the action and the user's script, each after its `prepare`. */
  async scenario(
    name: string,
    size: number,
    runs: number,
    steps: {
      cli: (i: number) => Promise<ProcessRun>
      action: (i: number) => Promise<ProcessRun>
      script: (i: number) => Promise<ProcessRun>
    }
  ): Promise<void> {
    const series = emptySeries()
    for (let i = 0; i < runs; i++) {
      series.ssh.push(await this.sshTrue())
      const cli = await steps.cli(i)
      series.cli.push(cli)
      const said = /venv (\w+), scrontab (\w+)/.exec(cli.stdout)
      if (said) series.notes.add(`venv ${said[1]}, scrontab ${said[2]}`)
      const action = await steps.action(i)
      series.action.push(action)
      const venv = summarySteps(this.world).venv
      // Below a second the venv step only checked that the venv is there (the summary rounds to 0.1 s).
      if (venv !== undefined && venv >= 1000) {
        series.venv.push(venv)
        series.beyondPip.push(action.ms - venv)
      }
      series.script.push(await steps.script(i))
    }
    this.rows.push({ name, size, series })
    console.error(`  ${name}, ${size} requirements: CLI ${timing(series.cli.map(r => r.ms))}`)
  }

  /**
   * Process start → the first byte at sshd, through a relay (its port and known_hosts line are the relay's): of
   * this build, and of BENCH_BASE's in the same runs, alternately.
   */
  async firstByte(runs: number) {
    const relay = new TcpRelay(this.cluster.host, this.cluster.port)
    await relay.start()
    const knownHosts = relay.knownHosts(this.knownHosts)
    const knownHostsFile = path.join(this.scratch, 'relay_known_hosts')
    writeFileSync(knownHostsFile, knownHosts)
    const builds = [dist, ...(base ? [base] : [])].map(build => ({
      build,
      cli: [] as ProcessRun[],
      action: [] as ProcessRun[],
      cliMs: [] as number[],
      actionMs: [] as number[]
    }))
    const measure = async (start: () => Promise<ProcessRun>, runs: ProcessRun[], into: number[]) => {
      relay.reset()
      const run = await start()
      if (relay.firstByteAt === undefined) throw new Error('no connection reached the relay')
      into.push(relay.firstByteAt - run.startedAt)
      runs.push(run)
    }
    const port = String(relay.port)
    try {
      for (let i = 0; i < runs; i++) {
        for (const figures of builds) {
          const cliArgs = this.cliArgs(
            'deploy',
            ['--branch', 'main', '--port', port],
            knownHostsFile,
            figures.build
          )
          await measure(
            () => runProcess(node, cliArgs, { cwd: this.fixture.repoDir }),
            figures.cli,
            figures.cliMs
          )
          const relayed = { 'INPUT_SSH-PORT': port, 'INPUT_SSH-KNOWN-HOSTS': knownHosts }
          await measure(
            () => this.action(this.push('main'), relayed, figures.build),
            figures.action,
            figures.actionMs
          )
        }
      }
    } finally {
      await relay.close()
    }
    return builds
  }
}

async function run(cluster: ClusterInfo): Promise<void> {
  await resetCluster(cluster)
  const started = performance.now()
  const bumps = 4
  const wheels = writeBenchWheels(cluster.wheelhouse, Math.max(...SIZES), bumps)
  const fixture = createDeployFixture(cluster)
  const github = await startFakeGitHub()
  const scratch = mkdtempSync(path.join(tmpdir(), 'sg-bench-'))
  const bench = new Bench(cluster, fixture, wheels, github.url, scratch)
  try {
    let version = 0
    const requirements = (size: number) => wheels.requirements(size, wheels.versions[version]!)
    // The project at ~30 requirements, deployed once (the venv built), and the user's own checkout of it.
    fixture.commit('main', requirementsChange(requirements(SIZES[0]).trimEnd()))
    await bench.cli('deploy', '--branch', 'main')
    const script: UserScript = await setUpUserScript(cluster, fixture.originDir, 'main')
    console.error(`bench: set up in ${Math.round((performance.now() - started) / 1000)} s; measuring`)

    const firstByte = await bench.firstByte(RUNS[30])
    const local = await localCommands()

    for (const size of START_UP_ONLY ? [] : SIZES) {
      const runs = RUNS[size]
      // The project grows to `size` requirements: for a deploy a new venv of `size` packages, as any requirements
      // change is, so it is the CLI's requirements change at this size (one venv build fewer to wait for). The
      // user's checkout grows too, not timed: their script installs into the venv it has.
      let grown: ProcessRun | undefined
      if (size !== SIZES[0]) {
        fixture.commit('main', requirementsChange(requirements(size).trimEnd()))
        grown = await bench.cli('deploy', '--branch', 'main')
        await runProcess('ssh', script.deployArgs(), { cwd: scratch })
      }
      await bench.scenario('redeploy, same commit', size, runs, {
        cli: () => bench.cli('deploy', '--branch', 'main'),
        action: () => bench.action(bench.push('main')),
        script: () => runProcess('ssh', script.deployArgs(), { cwd: scratch })
      })
      await bench.scenario('code-only change', size, runs, {
        cli: () => {
          fixture.commit('main', codeChange())
          return bench.cli('deploy', '--branch', 'main')
        },
        action: () => {
          fixture.commit('main', codeChange())
          return bench.action(bench.push('main'))
        },
        script: () => runProcess('ssh', script.deployArgs(), { cwd: scratch })
      })
      // Back and forth between the last two releases.
      const [previous, latest] = [fixture.sha('main~1'), fixture.sha('main')]
      await bench.scenario('rollback', size, runs, {
        cli: () => bench.cli('rollback', '--branch', 'main', '--to', previous),
        action: () => bench.action(bench.dispatch({ command: 'rollback', branch: 'main', to: latest })),
        script: i => runProcess('ssh', script.rollbackArgs(i % 2 ? latest : previous), { cwd: scratch })
      })
      await script.backToBranch()
      await bench.cli('deploy', '--branch', 'main') // the branch's tip live again, not timed
      await bench.scenario('requirements change (new venv)', size, 1, {
        cli: () => {
          if (grown) return Promise.resolve(grown)
          version++
          fixture.commit('main', requirementsChange(requirements(size).trimEnd()))
          return bench.cli('deploy', '--branch', 'main')
        },
        action: () => {
          version++
          fixture.commit('main', requirementsChange(requirements(size).trimEnd()))
          return bench.action(bench.push('main'))
        },
        script: () => runProcess('ssh', script.deployArgs(), { cwd: scratch })
      })
    }
    report(cluster, bench, firstByte, local, performance.now() - started)
  } finally {
    await github.close()
    fixture.remove()
    wheels.remove()
    rmSync(scratch, { recursive: true, force: true })
    removeProcessFiles()
    await resetCluster(cluster)
  }
}

/** `--help`, `validate` and `plan` of the example, as whole processes (no connection). */
async function localCommands(): Promise<{ name: string; runs: ProcessRun[] }[]> {
  const config = ['--config', path.join(example, '.github/slurm-gitops.yml')]
  const commands: [string, string[]][] = [
    ['`slurm-gitops --help`', ['--help']],
    ['`slurm-gitops validate` of the example', ['validate', ...config]],
    ['`slurm-gitops plan` of the example', ['plan', ...config]]
  ]
  const results = commands.map(([name]) => ({ name, runs: [] as ProcessRun[] }))
  for (let i = 0; i < LOCAL_RUNS; i++) {
    for (const [index, [, args]] of commands.entries()) {
      results[index]!.runs.push(
        await runProcess(node, [path.join(dist, 'cli.js'), ...args], { cwd: example })
      )
    }
  }
  return results
}

function report(
  cluster: ClusterInfo,
  bench: Bench,
  firstByte: Awaited<ReturnType<Bench['firstByte']>>,
  local: { name: string; runs: ProcessRun[] }[],
  totalMs: number
): void {
  const ms = (runs: ProcessRun[]) => runs.map(r => r.ms)
  console.log(
    `\nslurm-gitops, whole processes (${path.relative(repoRoot, dist) || dist}, node ${nodeVersion}) → ` +
      `${cluster.user}@${cluster.host}:${cluster.port}; medians (min–max)\n`
  )
  console.log(
    table(
      [
        'scenario',
        'reqs',
        'runs',
        'CLI',
        'action',
        '`ssh true`',
        "user's script",
        'CLI ÷ ssh',
        'action ÷ ssh',
        'CLI ÷ script',
        'pip (venv step)',
        'action beyond pip',
        'peak RSS CLI / action',
        'CLI said'
      ],
      bench.rows.map(({ name, size, series: s }) => [
        name,
        String(size),
        String(s.cli.length),
        timing(ms(s.cli)),
        timing(ms(s.action)),
        timing(ms(s.ssh)),
        timing(ms(s.script)),
        ratio(ms(s.cli), ms(s.ssh)),
        ratio(ms(s.action), ms(s.ssh)),
        ratio(ms(s.cli), ms(s.script)),
        timing(s.venv),
        timing(s.beyondPip),
        `${peak(s.cli.map(r => r.peakMiB))} / ${peak(s.action.map(r => r.peakMiB))}`,
        [...s.notes].join('; ')
      ])
    )
  )
  console.log('')
  console.log(
    table(
      ['start-up', 'runs', 'median (min–max)', 'peak RSS'],
      [
        ...firstByte.flatMap(figures => {
          const of = figures.build === dist ? '' : ` (BENCH_BASE ${figures.build})`
          return [
            [
              `CLI deploy: process start → first byte to sshd${of}`,
              String(figures.cliMs.length),
              timing(figures.cliMs),
              peak(figures.cli.map(r => r.peakMiB))
            ],
            [
              `action deploy: process start → first byte to sshd${of}`,
              String(figures.actionMs.length),
              timing(figures.actionMs),
              peak(figures.action.map(r => r.peakMiB))
            ]
          ]
        }),
        ...local.map(({ name, runs }) => [
          name,
          String(runs.length),
          timing(ms(runs)),
          peak(runs.map(r => r.peakMiB))
        ])
      ]
    )
  )
  console.log(
    "\npip: the venv step as the action's job summary lists it, when it built a venv; " +
      "user's script: ssh host 'cd repo && git pull && pip install -r requirements.txt && scrontab file'. " +
      `Bench took ${Math.round(totalMs / 1000)} s.`
  )
}

async function main(): Promise<void> {
  const cluster = clusterInfo()
  if (!cluster) {
    console.error('bench: the local cluster is not running; start it with `sudo scripts/cluster up`')
    process.exitCode = 2
    return
  }
  await withClusterLock(cluster, () => run(cluster))
}

await main()
