// npm run bench: deploy timings of examples/caqrn over loopback SSH to the local cluster (scripts/cluster up).
// Prints figures; asserts nothing. Scenarios: first deploy (venv built), redeploy of the same SHA, a code-only
// change, a requirements change. For each: wall time (median of the runs, min–max), SSH connections and SSH
// commands (channels) opened, and the remote steps that took longest.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { clusterInfo, resetCluster, type ClusterInfo } from '../test/integration/cluster.js'
import { repoRoot } from '../test/repo-root.js'
import {
  codeChange,
  createDeployFixture,
  requirementsChange,
  type DeployFixture
} from '../test/integration/deploy-fixture.js'

interface Sample {
  ms: number
  connections: number
  commands: number
  steps: Record<string, number>
  venv: string
}

async function measure(fixture: DeployFixture, prepare: () => void): Promise<Sample> {
  prepare()
  const started = performance.now()
  const { outcome } = await fixture.run('main')
  const ms = performance.now() - started
  if (outcome.report.exitCode !== 0) throw new Error(`deploy failed: ${JSON.stringify(outcome.report.tail)}`)
  const steps = Object.fromEntries(outcome.report.steps.map(s => [s.name, s.durationMs]))
  return { ms, ...outcome.stats, steps, venv: outcome.outputs.venv }
}

function row(name: string, samples: Sample[]): string {
  const times = samples.map(s => s.ms).sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  const slowest = Object.entries(samples[0]!.steps)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([step, ms]) => `${step} ${ms} ms`)
    .join(', ')
  return [
    name.padEnd(28),
    String(samples.length).padStart(4),
    `${median.toFixed(0)} ms`.padStart(10),
    `${times[0]!.toFixed(0)}–${times[times.length - 1]!.toFixed(0)} ms`.padStart(16),
    String(samples[0]!.connections).padStart(6),
    String(samples[0]!.commands).padStart(6),
    `  venv ${samples[0]!.venv}; ${slowest}`
  ].join(' ')
}

/** Wall time of one whole process, in ms; throws when it fails. */
function timeProcess(command: string, args: string[], cwd: string): number {
  const started = performance.now()
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}${run.stdout}`)
  return performance.now() - started
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * What a user waits for: the CLI as a whole process (node start, bundle load, connect, run), alternating with
 * `ssh … true` to the same account in the same run, so each figure is a ratio to one SSH round trip.
 */
function wholeProcesses(cluster: ClusterInfo, fixture: DeployFixture, runs: number): void {
  const key = ['-i', cluster.privateKeyPath, '-o', `UserKnownHostsFile=${cluster.knownHostsPath}`]
  const ssh = [
    '-q',
    '-o',
    'BatchMode=yes',
    ...key,
    '-p',
    String(cluster.port),
    `${cluster.user}@${cluster.host}`,
    'true'
  ]
  const config = ['--config', path.join(fixture.repoDir, '.github/slurm-gitops.yml')]
  const connection = ['--identity', cluster.privateKeyPath, '--known-hosts', cluster.knownHostsPath]
  // Commands that do not connect refuse the connection flags.
  const cli = (...args: string[]) => [path.join(repoRoot, 'dist/cli.js'), ...args, ...config, ...connection]
  const scenarios: [string, string[]][] = [
    ['deploy, same SHA', cli('deploy', '--branch', 'main')],
    ['status of main', cli('status', '--branch', 'main')],
    ['plan of the example (no SSH)', [path.join(repoRoot, 'dist/cli.js'), 'plan', ...config]],
    ['--help (no SSH)', [path.join(repoRoot, 'dist/cli.js'), '--help']]
  ]
  console.log(`\nwhole processes, ${runs} runs each, alternating with ssh true (medians)`)
  console.log(`${'command'.padEnd(30)} ${'median'.padStart(9)} ${'ssh true'.padStart(9)}  ratio`)
  for (const [name, args] of scenarios) {
    const own: number[] = []
    const floor: number[] = []
    for (let i = 0; i < runs; i++) {
      floor.push(timeProcess('ssh', ssh, fixture.repoDir))
      own.push(timeProcess(process.execPath, args, fixture.repoDir))
    }
    const ratio = median(own) / median(floor)
    console.log(
      `${name.padEnd(30)} ${`${median(own).toFixed(0)} ms`.padStart(9)} ${`${median(floor).toFixed(0)} ms`.padStart(9)}  ${ratio.toFixed(1)}×`
    )
  }
}

async function main(): Promise<void> {
  const cluster = clusterInfo()
  if (!cluster) {
    console.error('bench: the local cluster is not running; start it with `sudo scripts/cluster up`')
    process.exitCode = 2
    return
  }
  await resetCluster(cluster)
  const fixture = createDeployFixture(cluster)
  const runs = Number(process.env.BENCH_RUNS ?? 5)
  try {
    const results: [string, Sample[]][] = []
    const first = await measure(fixture, () => undefined)
    results.push(['first deploy (venv built)', [first]])
    const same: Sample[] = []
    for (let i = 0; i < runs; i++) same.push(await measure(fixture, () => undefined))
    results.push(['redeploy, same SHA', same])
    const code: Sample[] = []
    for (let i = 0; i < runs; i++)
      code.push(await measure(fixture, () => fixture.commit('main', codeChange())))
    results.push(['code-only change', code])
    // Each set is new, so each deploy builds a venv.
    const requirementSets = [
      'caqrn-utils==1.1.0',
      'caqrn-utils==1.0.0\ntinyjson-fmt==0.1.0',
      'tinyjson-fmt==0.1.0'
    ]
    const reqs: Sample[] = []
    for (const requirements of requirementSets) {
      reqs.push(await measure(fixture, () => fixture.commit('main', requirementsChange(requirements))))
    }
    results.push(['requirements change', reqs])

    console.log(
      `\nslurm-gitops deploy benchmark: examples/caqrn → ${cluster.user}@${cluster.host}:${cluster.port}`
    )
    console.log(`${'scenario'.padEnd(28)} runs     median          range  conns  chans  notes`)
    for (const [name, samples] of results) console.log(row(name, samples))
    console.log('\nconns: SSH connections opened per deploy; chans: SSH channels (commands) run over it.')
    console.log('Targets: redeploy of the same SHA ≤ 1 s, code-only change ≤ 2 s, one connection each.')
    wholeProcesses(cluster, fixture, runs)
  } finally {
    fixture.remove()
    await resetCluster(cluster)
  }
}

await main()
