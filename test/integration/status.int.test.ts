// `status` against the real test cluster: Synced and Healthy after a deploy; OutOfSync after each kind of drift
// (a new commit on the branch, a hand edit of the managed block, scancel of the cron job, a changed env script);
// Degraded after a run of the job that exits non-zero; the JSON of the CLI; and one squeue and one sacct per
// deployment, counted on the cluster.
import { expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { deploymentStatuses } from '../../src/operations/status.js'
import type { DeploymentStatus } from '../../src/status/deployment-status.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { repoRoot } from '../repo-root.js'
import { startCli } from './cli-process.js'
import { ownProjectName } from './own-project.js'
import { describeCluster, useCluster, shellQuote, waitForJob, type ClusterInfo } from './cluster.js'
import {
  codeChange,
  deployFixtures,
  expectSuccess,
  readTable,
  remoteOk,
  scheduleChange,
  writeTable,
  type Change,
  type DeployFixture
} from './deploy-fixture.js'

const SLOW = 240_000
const RENDERED = '.slurm-gitops'
/** The login profile line this file adds (Slurm tools that count their calls), removed whatever happens. */
const PROFILE_MARK = '# slurm-gitops test: count Slurm queries'

describeCluster('status on the test cluster', (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const fixture = deployFixtures(cluster)
  const production = `${cluster.projectRoot}/production`

  /** The core's status of `branch`, as the CLI asks for it (from the checked-out branch's config). */
  async function statusOf(repo: DeployFixture, branch = 'main'): Promise<DeploymentStatus> {
    execFileSync('git', ['checkout', '--quiet', branch], { cwd: repo.repoDir })
    const sink = new MemoryLogSink()
    const [status] = await deploymentStatuses(
      {
        command: 'status',
        repo: { dir: repo.repoDir, configPath: '.github/slurm-gitops.yml' },
        branches: [branch],
        connection: {
          privateKey: { text: readFileSync(cluster.privateKeyPath, 'utf8') },
          knownHosts: { text: readFileSync(cluster.knownHostsPath, 'utf8') },
          names: {
            privateKey: '--identity',
            knownHosts: '--known-hosts',
            passphrase: 'environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE'
          }
        },
        actor: 'test-actor',
        runUrl: 'cli'
      },
      { sink, warn: message => sink.warning(message) }
    )
    if (!status?.ok) throw new Error(`status failed: ${status?.error}\n${sink.lines.join('\n')}`)
    return status
  }

  const codes = (reasons: { code: string }[]) => reasons.map(r => r.code)

  async function deployed(
    change: Partial<Change> = {}
  ): Promise<{ repo: DeployFixture; sha: string; job: string }> {
    const repo = fixture()
    const job = ownProjectName(repo, change)
    const run = await repo.run('main')
    expectSuccess(run)
    return { repo, sha: run.sha, job }
  }

  it(
    'is Synced and Healthy right after a deploy: the tip is live, the block installed, the files verified, the cron job queued for 02:00',
    async () => {
      const { repo, sha, job: jobName } = await deployed()
      const status = await statusOf(repo)
      expect({ sync: status.sync, health: status.health.status }).toEqual({
        sync: { status: 'Synced', reasons: [], notes: [] },
        health: 'Healthy'
      })
      expect(status.deployed).toMatchObject({ sha, tip: sha, distance: { behind: 0, ahead: 0 } })
      const [job] = status.health.jobs
      expect(job).toMatchObject({ name: 'daily', jobName, schedule: '0 2 * * *', enabled: true, reasons: [] })
      expect(job!.queued).toMatchObject({ state: 'PENDING', reason: 'BeginTime' })
      // The cluster runs in UTC: the next start is the next 02:00, within a day.
      const next = job!.queued!.startMs!
      expect(new Date(next).getUTCHours()).toBe(2)
      expect(next - status.clock.nowMs).toBeGreaterThan(0)
      expect(next - status.clock.nowMs).toBeLessThanOrEqual(24 * 3600_000)
      expect(status.clock.zone.name).toBe('Etc/UTC')
    },
    SLOW
  )

  it(
    'stays Healthy when a deploy reinstalls the table: the cron job Slurm drops is a record that never ran',
    async () => {
      const { repo, job } = await deployed()
      const first = (await remoteOk(ssh, `squeue -h -u "$USER" -n ${job} -o %i`)).trim()
      repo.commit('main', scheduleChange('main', '0 4 * * *'))
      expectSuccess(await repo.run('main'))
      // Accounting records the dropped cron job as CANCELLED (on no node) a moment after the install.
      await remoteOk(
        ssh,
        `for i in $(seq 1 20); do sacct -X -D -n -P -j ${first} -o State | grep -q CANCELLED && exit 0; sleep 0.5; done; exit 1`
      )
      const status = await statusOf(repo)
      expect({ sync: status.sync.status, health: status.health.status }).toEqual({
        sync: 'Synced',
        health: 'Healthy'
      })
      expect(status.health.jobs[0]!.lastRuns).toEqual([])
      expect(status.health.jobs[0]!.queued!.jobId).not.toBe(first)
    },
    SLOW
  )

  it(
    'is OutOfSync, 1 commit behind, after a new commit on the branch',
    async () => {
      const { repo, sha } = await deployed()
      const tip = repo.commit('main', codeChange())
      const status = await statusOf(repo)
      expect(status.sync.status).toBe('OutOfSync')
      expect(codes(status.sync.reasons)).toEqual(['behind'])
      expect(status.sync.reasons[0]!.message).toBe(
        `the deployed commit ${sha.slice(0, 12)} is not the tip of main (${tip.slice(0, 12)}): 1 commit behind`
      )
      expect(status.deployed.distance).toEqual({ behind: 1, ahead: 0 })
      expect(status.health.status).toBe('Healthy')
    },
    SLOW
  )

  it(
    'is OutOfSync after a hand edit of the managed block, and shows the edit',
    async () => {
      const { repo } = await deployed()
      const table = await readTable(ssh)
      await writeTable(ssh, table.replace('0 2 * * *', '0 5 * * *'))
      const status = await statusOf(repo)
      expect(status.sync.status).toBe('OutOfSync')
      expect(codes(status.sync.reasons)).toEqual(['block-differs'])
      expect(status.sync.reasons[0]!.message).toContain(`-0 2 * * * ${production}/jobs/daily.sh`)
      expect(status.sync.reasons[0]!.message).toContain(`+0 5 * * * ${production}/jobs/daily.sh`)
    },
    SLOW
  )

  it(
    'is OutOfSync and Degraded after scancel of the cron job: Slurm comments its entry out (#DISABLED) and it is not queued',
    async () => {
      const { repo, job } = await deployed()
      const jobId = (await remoteOk(ssh, `squeue -h -u "$USER" -n ${job} -o %i`)).trim()
      expect(jobId).toMatch(/^\d+$/)
      await remoteOk(
        ssh,
        `scancel ${jobId}
         for i in $(seq 1 20); do scrontab -l | grep -q '^#DISABLED: ' && exit 0; sleep 0.5; done; exit 1`
      )
      const status = await statusOf(repo)
      expect(status.sync.status).toBe('OutOfSync')
      expect(codes(status.sync.reasons)).toEqual(['entry-disabled'])
      expect(status.sync.reasons[0]!.message).toContain(`the entry of ${job} is #DISABLED in the scrontab`)
      expect(status.health.status).toBe('Degraded')
      expect(codes(status.health.reasons)).toEqual(['not-queued'])
    },
    SLOW
  )

  it(
    'is OutOfSync after an env script of the live release was changed by hand (its checksum no longer matches)',
    async () => {
      const { repo, sha } = await deployed()
      await remoteOk(ssh, `echo 'export EXTRA=1' >>${shellQuote(`${production}/current/${RENDERED}/env.sh`)}`)
      const status = await statusOf(repo)
      expect(status.sync.status).toBe('OutOfSync')
      expect(codes(status.sync.reasons)).toEqual(['files-changed'])
      expect(status.sync.reasons[0]!.message).toContain(
        `files of the live release ${production}/releases/${sha} were changed after the deploy: env.sh (modified)`
      )
    },
    SLOW
  )

  it(
    'says a release made before checksums is unverifiable, without calling it out of sync',
    async () => {
      const { repo } = await deployed()
      await remoteOk(ssh, `rm ${shellQuote(`${production}/current/${RENDERED}/SHA256SUMS`)}`)
      const status = await statusOf(repo)
      expect(status.sync.status).toBe('Synced')
      expect(codes(status.sync.notes)).toEqual(['files-unverifiable'])
    },
    SLOW
  )

  it(
    "is Degraded after a run of the job that exits non-zero: the job's own script, submitted now with its name and options",
    async () => {
      const { repo } = await deployed({
        message: 'a job that fails',
        config: c => {
          c.deployments.main.jobs[0].command = 'echo "failing on purpose"; exit 3'
        }
      })
      // A cron job cannot be started early (scontrol refuses to change its begin time): run what its entry runs,
      // the stable job script, with the entry's own options (jobs/<name>.options: the same --job-name, output,
      // partition and limits), as scrontab would.
      const jobId = (
        await remoteOk(
          ssh,
          `cd ${shellQuote(production)} && sbatch --parsable $(cat jobs/daily.options) jobs/daily.sh`
        )
      ).trim()
      expect(await waitForJob(ssh, jobId)).toMatchObject({ state: 'FAILED', exitCode: '3:0' })
      // Accounting lags a little behind the job's end.
      let status = await statusOf(repo)
      for (let i = 0; i < 10 && status.health.status !== 'Degraded'; i++) {
        await new Promise(resolve => setTimeout(resolve, 1000))
        status = await statusOf(repo)
      }
      expect(status.sync.status).toBe('Synced')
      expect(status.health.status).toBe('Degraded')
      expect(codes(status.health.reasons)).toEqual(['last-run-failed'])
      expect(status.health.reasons[0]).toMatchObject({ job: 'daily' })
      expect(status.health.reasons[0]!.message).toMatch(
        new RegExp(
          `^its last run \\(job ${jobId}, started .*\\) failed: FAILED 3:0: the job script exited with code 3$`
        )
      )
      const [job] = status.health.jobs
      expect(job!.lastRuns[0]).toMatchObject({ jobId, state: 'FAILED', exitCode: '3:0', outcome: 'failed' })
      // The cron job itself is still queued for its time.
      expect(job!.queued).toMatchObject({ state: 'PENDING', reason: 'BeginTime' })
      expect(await remoteOk(ssh, `cat ${shellQuote(`${production}/logs/daily.out`)}`)).toContain(
        'failing on purpose'
      )
    },
    SLOW
  )

  it(
    'asks Slurm once per deployment (one squeue, one sacct) however many jobs, and the CLI prints the versioned JSON',
    async () => {
      const repo = fixture()
      const job = ownProjectName(repo, {
        message: 'three jobs',
        config: c => {
          const daily = (c.deployments.main.jobs as Record<string, unknown>[])[0]
          c.deployments.main.jobs = [
            daily,
            { ...daily, name: 'hourly', schedule: '15 * * * *' },
            { ...daily, name: 'weekly', schedule: '0 4 * * 0' }
          ]
        }
      })
      repo.commit('develop', { message: 'develop follows main' }, { resetTo: repo.sha('main') })
      expectSuccess(await repo.run('main'))
      expectSuccess(await repo.run('develop'))
      // Every squeue and sacct the account runs from here on leaves a line in a log.
      const shims = `${cluster.home}/sg-count`
      await remoteOk(
        ssh,
        `mkdir -p ${shims} && rm -f ${shims}/calls
         for tool in squeue sacct; do
           real=$(command -v $tool)
           printf '#!/bin/sh\\necho %s >>%s/calls\\nexec %s "$@"\\n' $tool ${shims} "$real" >${shims}/$tool
           chmod +x ${shims}/$tool
         done
         printf '%s\\nexport PATH=%s:$PATH\\n' ${shellQuote(PROFILE_MARK)} ${shims} >>~/.profile`
      )
      try {
        execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'ignore' })
        execFileSync('git', ['checkout', '--quiet', 'main'], { cwd: repo.repoDir })
        const cli = await startCli(cluster, repo.repoDir, ['status', '--format', 'json']).done
        expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: 0, stderr: '' })
        const calls = (await remoteOk(ssh, `cat ${shims}/calls`)).trim().split('\n').sort()
        expect(calls).toEqual(['sacct', 'sacct', 'squeue', 'squeue'])

        // The CLI's result (docs/cli-json.md) carries the status's own versioned shape (docs/status-json.md).
        const result = JSON.parse(cli.lines.map(l => l.text).join('\n')) as Record<string, unknown>
        expect(result).toMatchObject({ version: 1, ok: true, command: 'status' })
        const json = result.status as Record<string, unknown>
        expect(json).toMatchObject({
          version: 1,
          command: 'status',
          ok: true,
          sync: 'Synced',
          health: 'Healthy'
        })
        const deployments = json.deployments as Record<string, unknown>[]
        expect(deployments.map(d => d.branch)).toEqual(['main', 'develop'])
        const main = deployments[0]!
        expect(Object.keys(main).sort()).toEqual(
          [
            'branch',
            'clusterTime',
            'deployed',
            'environment',
            'error',
            'health',
            'jobs',
            'ok',
            'root',
            'sync',
            'warnings'
          ].sort()
        )
        expect(main.sync).toEqual({ status: 'Synced', reasons: [], notes: [] })
        expect(main.deployed).toMatchObject({
          sha: repo.sha('main'),
          branchTip: repo.sha('main'),
          commitsBehind: 0
        })
        const jobs = main.jobs as Record<string, unknown>[]
        expect(jobs.map(j => [j.name, j.jobName, j.schedule, j.health])).toEqual([
          ['daily', job, '0 2 * * *', 'Healthy'],
          ['hourly', job.replace(/daily$/, 'hourly'), '15 * * * *', 'Healthy'],
          ['weekly', job.replace(/daily$/, 'weekly'), '0 4 * * 0', 'Healthy']
        ])
        expect(jobs[1]!.queued).toMatchObject({
          state: 'PENDING',
          reason: 'BeginTime',
          start: {
            utc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:15:00\.000Z$/),
            relative: expect.stringMatching(/^in /)
          }
        })
        expect(jobs[0]!.lastRuns).toEqual([])
      } finally {
        await remoteOk(ssh, `sed -i ${shellQuote(`/^${PROFILE_MARK}$/,+1d`)} ~/.profile; rm -rf ${shims}`)
      }
    },
    SLOW
  )
})
