// Watching real Slurm jobs over real SSH (scripts/cluster): jobs are submitted with plain `sbatch --parsable`
// through the transport, watched with watchJob, and every result is checked against Slurm's own record (sacct).
// The one-minute TIMEOUT job is submitted and watched from beforeAll, so its minute overlaps the other tests:
// the file takes about 75 s.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { cancelJob } from '../../src/sandbox/cancel.js'
import { identifyJob } from '../../src/sandbox/job-identity.js'
import { sandboxJobName } from '../../src/sandbox/job-name.js'
import { OutputLines } from '../../src/sandbox/output-lines.js'
import { submitBatchJob } from '../../src/sandbox/submit.js'
import {
  watchJob,
  type WatchEvent,
  type WatchJobOptions,
  type WatchOutcome
} from '../../src/sandbox/watch.js'
import { WatchConnection } from '../../src/sandbox/watch-connection.js'
import { connectTransport, type TransportSettings } from '../../src/transport/connect.js'
import type { Transport } from '../../src/transport/types.js'
import { describeCluster, resetCluster, shellQuote, waitForJob, type ClusterInfo } from './cluster.js'
import { freePort } from './deploy-fixture.js'
import { QueryClock } from './query-clock.js'

const SLOW = 150_000

/** Every line of the job log with the time it reached us. */
function lineRecorder() {
  const lines: { text: string; at: number }[] = []
  const chunks: Buffer[] = []
  const splitter = new OutputLines(text => lines.push({ text, at: Date.now() }))
  return {
    lines,
    bytes: () => Buffer.concat(chunks),
    onOutput: (chunk: Buffer) => {
      chunks.push(chunk)
      splitter.write(chunk)
    }
  }
}

/** A TCP relay in front of sshd that can drop every connection and refuse new ones for a while. */
async function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>()
  let refuseUntil = 0
  const server = net.createServer(client => {
    if (Date.now() < refuseUntil) return client.destroy()
    const upstream = net.connect(target.port, target.host)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  const port = await freePort()
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    /** Cuts every open connection (as a restarted sshd or a network blip does) and refuses new ones for `ms`. */
    drop(ms: number) {
      refuseUntil = Date.now() + ms
      for (const s of sockets) s.resetAndDestroy()
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}

describeCluster('sandbox watch on the test cluster', (cluster: ClusterInfo) => {
  const dir = `${cluster.projectRoot}/sandbox-watch-test`
  const submitted: string[] = []
  let settings: Extract<TransportSettings, { kind: 'ssh' }>
  let transport: Transport
  let timeoutWatch: Promise<{ outcome: WatchOutcome; clock: QueryClock; started: number }>

  const submit = async (args: string[]) => {
    const job = await submitBatchJob(transport, ['-p', 'dev', ...args], { directory: dir })
    submitted.push(job.jobId)
    return job
  }
  const watch = (job: { jobId: string; submittedAfter: string }, extra: Partial<WatchJobOptions> = {}) =>
    watchJob({
      transport,
      jobId: job.jobId,
      submittedAfter: job.submittedAfter,
      logPath: `${dir}/${job.jobId}.out`,
      onOutput: () => undefined,
      ...extra
    })
  const remote = async (command: string) => {
    const r = await transport.exec(`bash -lc ${shellQuote(command)}`)
    if (r.code !== 0) throw new Error(`${command}: exit ${r.code}: ${r.stderr}`)
    return r.stdout
  }
  /** sacct's State and ExitCode for the job, as Slurm recorded them. */
  const recorded = (jobId: string) => waitForJob(cluster, jobId, 30)

  beforeAll(async () => {
    await resetCluster(cluster)
    settings = {
      kind: 'ssh',
      host: cluster.host,
      port: cluster.port,
      username: cluster.user,
      privateKey: readFileSync(cluster.privateKeyPath, 'utf8'),
      knownHosts: readFileSync(cluster.knownHostsPath, 'utf8'),
      connectTimeoutSeconds: 10
    }
    transport = await connectTransport(settings)
    await remote(`mkdir -p ${shellQuote(dir)}`)
    // --time=1 is the shortest limit (minutes); OverTimeLimit=0 and KillWait=2 here, so TIMEOUT at about 60 s.
    const job = await submit(['--time=1', `--output=${dir}/%j.out`, '--wrap', 'echo started; sleep 300'])
    const clock = new QueryClock(transport)
    const started = Date.now()
    timeoutWatch = watchJob({
      transport: clock,
      jobId: job.jobId,
      submittedAfter: job.submittedAfter,
      logPath: `${dir}/${job.jobId}.out`,
      onOutput: () => undefined
    }).then(outcome => ({ outcome, clock, started }))
  }, 60_000)

  afterAll(async () => {
    // Leave no job behind: cancel ours by id (never by name or user).
    if (submitted.length > 0) await remote(`scancel ${submitted.join(' ')} || true`).catch(() => undefined)
    await transport?.close()
    await resetCluster(cluster)
  }, 60_000)

  it(
    'streams the log while the job runs and passes a job that completes',
    async () => {
      const log = lineRecorder()
      const events: WatchEvent[] = []
      const job = await submit([
        `--output=${dir}/%j.out`,
        '--wrap',
        'for i in 1 2 3 4 5 6; do echo "line $i $(date +%s.%N)"; sleep 1; done'
      ])
      const outcome = await watch(job, { onOutput: log.onOutput, onEvent: e => events.push(e) })

      expect(outcome).toMatchObject({
        ending: 'finished',
        succeeded: true,
        summary: 'COMPLETED',
        exitCode: 0
      })
      expect(await recorded(job.jobId)).toMatchObject({ state: 'COMPLETED', exitCode: '0:0' })
      expect(log.lines.map(l => l.text.split(' ').slice(0, 2).join(' '))).toEqual(
        [1, 2, 3, 4, 5, 6].map(i => `line ${i}`)
      )
      // Each line reached us within 2 s of the job writing it (the cluster shares this machine's clock) ...
      const latencies = log.lines.map(l => l.at - Number(l.text.split(' ')[2]) * 1000)
      expect(Math.max(...latencies)).toBeLessThan(2000)
      // ... so the first ones arrived while the job was still running.
      expect(log.lines[5]!.at - log.lines[0]!.at).toBeGreaterThan(4000)
      expect(outcome.bytesStreamed).toBe(log.bytes().length)
      expect(log.bytes().toString()).toBe(await remote(`cat ${dir}/${job.jobId}.out`))
      expect(outcome).toMatchObject({
        node: cluster.node,
        queuedSeconds: expect.any(Number),
        ranSeconds: expect.any(Number)
      })
      expect(outcome.ranSeconds!).toBeGreaterThanOrEqual(5)
      expect(
        events.filter(e => e.kind === 'state').map(e => (e as { state: { name: string } }).state.name)
      ).toContain('RUNNING')
      // A 7-second watch: a handful of queries (the budget only binds after 30 s).
      expect(outcome.slurmQueries).toBeLessThanOrEqual(15)
    },
    SLOW
  )

  it(
    'fails a job that exits 3, as FAILED 3:0',
    async () => {
      const job = await submit([`--output=${dir}/%j.out`, '--wrap', 'echo about to fail; exit 3'])
      const log = lineRecorder()
      const outcome = await watch(job, { onOutput: log.onOutput })
      expect(outcome).toMatchObject({
        ending: 'finished',
        succeeded: false,
        summary: 'FAILED 3:0',
        exitCode: 3,
        signal: 0,
        message: 'FAILED 3:0: the job script exited with code 3'
      })
      expect(await recorded(job.jobId)).toMatchObject({ state: 'FAILED', exitCode: '3:0' })
      expect(log.lines.map(l => l.text)).toEqual(['about to fail'])
    },
    SLOW
  )

  it(
    'on abort cancels the job by id: CANCELLED in sacct, all within 10 s',
    async () => {
      const log = lineRecorder()
      const job = await submit([
        `--output=${dir}/%j.out`,
        '--wrap',
        'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 0.5; done'
      ])
      const abort = new AbortController()
      const watching = watch(job, { onOutput: log.onOutput, signal: abort.signal })
      while (log.lines.length < 3) await new Promise(resolve => setTimeout(resolve, 100))
      const abortedAt = Date.now()
      abort.abort()
      const outcome = await watching
      const record = await recorded(job.jobId)
      const tookMs = Date.now() - abortedAt
      expect(outcome).toMatchObject({ ending: 'cancelled', succeeded: false })
      expect(outcome.summary).toMatch(/^cancelled \(CANCELLED/)
      expect(record.state).toMatch(/^CANCELLED by \d+$/)
      expect(tookMs).toBeLessThan(10_000)
      // The log up to the cancel was shown, each line once, and the drain brought Slurm's own last word.
      const ticks = log.lines.map(l => l.text).filter(l => l.startsWith('tick '))
      expect(ticks).toEqual(ticks.map((_, i) => `tick ${i + 1}`))
      expect(log.lines.at(-1)?.text).toMatch(new RegExp(`JOB ${job.jobId} ON \\S+ CANCELLED AT`))
    },
    SLOW
  )

  it(
    'at the watch timeout leaves the job running (leave) or cancels it (cancel); a resumed watch continues the log',
    async () => {
      const job = await submit([
        `--output=${dir}/%j.out`,
        '--wrap',
        'i=0; while :; do i=$((i+1)); echo "beat $i"; sleep 0.3; done'
      ])
      const first = lineRecorder()
      const left = await watch(job, { onOutput: first.onOutput, timeoutMs: 3000, onTimeout: 'leave' })
      expect(left).toMatchObject({
        ending: 'left-running',
        succeeded: false,
        summary: 'left running (RUNNING)'
      })
      expect(left.message).toContain(`slurm-gitops watch ${job.jobId}`)
      expect((await remote(`squeue -h -j ${job.jobId} -o %T`)).trim()).toBe('RUNNING')

      const second = lineRecorder()
      const cancelled = await watch(job, {
        onOutput: second.onOutput,
        logOffset: left.logOffset,
        timeoutMs: 2000,
        onTimeout: 'cancel'
      })
      expect(cancelled).toMatchObject({ ending: 'timed-out', succeeded: false })
      expect((await recorded(job.jobId)).state).toMatch(/^CANCELLED by \d+$/)
      // The two watches together showed the file once, in order (a line or two may follow the last look: the
      // job's processes end while Slurm reports the cancel).
      const both = Buffer.concat([first.bytes(), second.bytes()]).toString()
      const file = await remote(`cat ${dir}/${job.jobId}.out`)
      expect(file.startsWith(both)).toBe(true)
      expect(file.slice(both.length)).toMatch(/^(beat \d+\n|slurmstepd[^\n]*\n)*$/)
      expect(second.lines[0]?.text).toBe(`beat ${first.lines.length + 1}`)
    },
    SLOW
  )

  it(
    'survives the connection dropping mid-watch: the real result, no log line lost or doubled',
    async () => {
      const relay = await startRelay(cluster)
      const relayed = {
        ...settings,
        port: relay.port,
        knownHosts: readFileSync(cluster.knownHostsPath, 'utf8').replace(
          `[${cluster.host}]:${cluster.port}`,
          `[${cluster.host}]:${relay.port}`
        ),
        connectAttempts: 1
      }
      let viaRelay = await connectTransport(relayed)
      try {
        const log = lineRecorder()
        const events: WatchEvent[] = []
        const job = await submit([
          `--output=${dir}/%j.out`,
          '--wrap',
          'for i in $(seq 1 40); do echo "row $i"; sleep 0.2; done; exit 4'
        ])
        const watching = watchJob({
          transport: viaRelay,
          reconnect: () => connectTransport(relayed),
          jobId: job.jobId,
          submittedAfter: job.submittedAfter,
          logPath: `${dir}/${job.jobId}.out`,
          onOutput: log.onOutput,
          onEvent: e => events.push(e)
        })
        while (log.lines.length < 5) await new Promise(resolve => setTimeout(resolve, 50))
        relay.drop(2500)
        const outcome = await watching
        viaRelay = outcome.transport

        expect(outcome).toMatchObject({ ending: 'finished', summary: 'FAILED 4:0', exitCode: 4 })
        expect(await recorded(job.jobId)).toMatchObject({ state: 'FAILED', exitCode: '4:0' })
        expect(outcome.reconnects).toBeGreaterThanOrEqual(1)
        expect(events.map(e => e.kind)).toEqual(expect.arrayContaining(['connection-lost', 'reconnected']))
        expect(log.lines.map(l => l.text)).toEqual(Array.from({ length: 40 }, (_, i) => `row ${i + 1}`))
        expect(log.bytes().toString()).toBe(await remote(`cat ${dir}/${job.jobId}.out`))
        // The follow channel of the dropped connection did not linger on the login node.
        const tails = await remote(
          `pgrep -u "$USER" -f -- ${shellQuote(`[t]ail -c .* ${dir}/${job.jobId}.out`)} || true`
        )
        expect(tails.trim()).toBe('')
      } finally {
        await viaRelay.close()
        await relay.close()
      }
    },
    SLOW
  )

  it(
    'tells a sandbox job of this project from a scheduled job, a stranger’s name and an unknown id',
    async () => {
      const sandboxName = sandboxJobName({
        project: 'caqrn',
        sandbox: 'alice',
        runId: '42',
        shortSha: '1a2b3c4'
      })
      const sandbox = await submit([
        `--job-name=${sandboxName}`,
        `--output=${dir}/%j.out`,
        '--wrap',
        'sleep 30'
      ])
      const scheduled = await submit([
        '--job-name=caqrn-production-daily',
        '--output=/dev/null',
        '--wrap',
        'sleep 30'
      ])
      const connection = new WatchConnection(transport)
      const who = { project: 'caqrn', user: cluster.user }

      const mine = await identifyJob(connection, sandbox.jobId, who)
      expect(mine).toMatchObject({
        kind: 'sandbox',
        run: { sandbox: 'alice', runId: '42', shortSha: '1a2b3c4' },
        job: { user: cluster.user, logPath: `${dir}/${sandbox.jobId}.out`, source: 'controller' }
      })
      const other = await identifyJob(connection, scheduled.jobId, who)
      expect(other.kind).toBe('refused')
      expect(other.kind === 'refused' && other.message).toMatch(/looks like a scheduled job of caqrn/)
      expect(await identifyJob(connection, sandbox.jobId, { ...who, user: 'someone' })).toMatchObject({
        kind: 'refused',
        message: expect.stringMatching(/belongs to caqrn, not someone/)
      })
      expect(await identifyJob(connection, '987654321', who)).toMatchObject({
        kind: 'unknown',
        message: expect.stringMatching(/not known to the controller \(scontrol\) or to accounting \(sacct\)/)
      })

      // Cancel by id, confirmed quickly; a finished job is then still identified from accounting.
      const t0 = Date.now()
      const cancelled = await cancelJob(transport, sandbox.jobId)
      expect(cancelled).toMatchObject({ confirmed: true, alreadyFinished: false })
      expect(Date.now() - t0).toBeLessThan(5000)
      await cancelJob(transport, scheduled.jobId)
      expect((await recorded(sandbox.jobId)).state).toMatch(/^CANCELLED by \d+$/)
      // The controller forgets a finished job once MinJobAge (2 s here) has passed and accounting has its record;
      // on a busy machine that takes longer than the minimum: wait for what identifyJob asks (scontrol), bounded.
      await remote(
        `for i in $(seq 1 120); do scontrol show job ${sandbox.jobId} 2>&1 | grep -q 'Invalid job id' && exit 0; sleep 0.5; done; ` +
          `echo "the controller still knows job ${sandbox.jobId} after 60 s" >&2; exit 1`
      )
      expect(await identifyJob(connection, sandbox.jobId, who)).toMatchObject({
        kind: 'sandbox',
        job: { source: 'accounting' }
      })
    },
    SLOW
  )

  it(
    'reports a job over its time limit as TIMEOUT, within the poll budget (slow)',
    async () => {
      const { outcome, clock, started } = await timeoutWatch
      expect(outcome).toMatchObject({ ending: 'finished', succeeded: false, summary: 'TIMEOUT' })
      expect(outcome.message).toBe('TIMEOUT: the job reached its time limit')
      expect(await recorded(outcome.jobId)).toMatchObject({ state: 'TIMEOUT' })
      // At most one Slurm query per 10 s on average after the first 30 s (a burst of 3 allowed).
      const end = clock.queries.at(-1)!.at
      const late = clock.queries.filter(q => q.at - started >= 30_000).length
      expect(late).toBeLessThanOrEqual(3 + (end - started - 30_000) / 10_000)
      expect(outcome.slurmQueries).toBe(clock.queries.length)
    },
    SLOW
  )
})
