// npm run bench: deploy timings of examples/caqrn over loopback SSH to the local cluster (scripts/cluster up).
// Prints figures; asserts nothing. Scenarios: first deploy (venv built), redeploy of the same SHA, a code-only
// change, a requirements change. For each: wall time (median of the runs, min–max), SSH connections and SSH
// commands (channels) opened, and the remote steps that took longest.
import { clusterInfo, resetCluster } from '../test/integration/cluster.js'
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
  } finally {
    fixture.remove()
    await resetCluster(cluster)
  }
}

await main()
