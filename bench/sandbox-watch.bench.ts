// npm run bench (second part): watch a ~2-minute job on the local cluster that prints a timestamped line every
// 3 s, over loopback SSH. Prints figures; asserts nothing: the Slurm queries the watch made, its queries per 10 s
// after the first 30 s (the budget is one), and the log latency (the job writes a line → it reaches our output),
// median and worst. The cluster shares this machine's clock, so the job's timestamps compare with ours.
import { readFileSync } from 'node:fs'
import { OutputLines } from '../src/sandbox/output-lines.js'
import { submitBatchJob } from '../src/sandbox/submit.js'
import { watchJob } from '../src/sandbox/watch.js'
import { connectTransport } from '../src/transport/connect.js'
import { clusterInfo, shellQuote, withClusterLock } from '../test/integration/cluster.js'
import { QueryClock, queriesPer10sAfter30s } from '../test/integration/query-clock.js'

const LINES = Number(process.env.BENCH_WATCH_LINES ?? 40)
const EVERY_S = Number(process.env.BENCH_WATCH_EVERY ?? 3)

async function main(): Promise<void> {
  const cluster = clusterInfo()
  if (!cluster) {
    console.error('bench: the local cluster is not running; start it with `sudo scripts/cluster up`')
    process.exitCode = 2
    return
  }
  await withClusterLock(cluster, async () => {
    const transport = await connectTransport({
      kind: 'ssh',
      host: cluster.host,
      port: cluster.port,
      username: cluster.user,
      privateKey: readFileSync(cluster.privateKeyPath, 'utf8'),
      knownHosts: readFileSync(cluster.knownHostsPath, 'utf8')
    })
    const dir = `${cluster.projectRoot}/bench-sandbox-watch`
    let jobId: string | undefined
    try {
      await transport.exec(`mkdir -p ${shellQuote(dir)}`)
      const job = await submitBatchJob(
        transport,
        [
          '-p',
          'dev',
          '--time=5',
          `--output=${dir}/%j.out`,
          '--wrap',
          `for i in $(seq 1 ${LINES}); do echo "$i $(date +%s.%N)"; sleep ${EVERY_S}; done`
        ],
        { directory: dir }
      )
      jobId = job.jobId
      const clock = new QueryClock(transport)
      const latencies: number[] = []
      const lines = new OutputLines(line => {
        const written = Number(line.split(' ')[1])
        if (Number.isFinite(written)) latencies.push(Date.now() - written * 1000)
      })
      const started = Date.now()
      const outcome = await watchJob({
        transport: clock,
        jobId: job.jobId,
        submittedAfter: job.submittedAfter,
        logPath: `${dir}/${job.jobId}.out`,
        onOutput: chunk => lines.write(chunk)
      })
      const ended = Date.now()
      lines.end()
      latencies.sort((a, b) => a - b)
      const median = latencies[Math.floor(latencies.length / 2)] ?? NaN
      const worst = latencies.at(-1) ?? NaN
      const rows: [string, string][] = [
        ['job', `${job.jobId}: ${outcome.summary}, watched for ${((ended - started) / 1000).toFixed(1)} s`],
        ['lines streamed', `${latencies.length} of ${LINES} (${outcome.bytesStreamed} bytes)`],
        [
          'Slurm queries',
          `${outcome.slurmQueries} (${clock.queries.filter(q => q.at - started < 30_000).length} in the first 30 s)`
        ],
        ['queries per 10 s after 30 s', queriesPer10sAfter30s(clock.queries, started, ended).toFixed(2)],
        ['log latency median', `${median.toFixed(0)} ms`],
        ['log latency worst', `${worst.toFixed(0)} ms`],
        ['SSH connections, channels', `${transport.stats.connections}, ${transport.stats.commands}`]
      ]
      console.log('\nsandbox watch over loopback SSH (the job prints a line every ' + `${EVERY_S} s)`)
      for (const [name, value] of rows) console.log(`  ${name.padEnd(30)} ${value}`)
    } finally {
      if (jobId) await transport.exec(`scancel ${jobId}`).catch(() => undefined)
      await transport.exec(`rm -rf ${shellQuote(dir)}`).catch(() => undefined)
      await transport.close()
    }
  })
}

await main()
