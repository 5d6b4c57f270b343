// Living with a deployment on the real test cluster: the logs of its scheduled runs (a cron job run by Slurm's
// own scrontab every minute, and a one-off run of the job's script by sbatch), what a scrontab install does to
// the account's cron jobs (a disabled entry, `enabled: false`), and removing a deployment or a sandbox cleanly.
import { expect, it } from '@jest/globals'
import { succeeded, failureMessage } from '../../src/exec/executor.js'
import { logs, type LogsOutcome } from '../../src/operations/logs.js'
import { remove, type RemoveOutcome } from '../../src/operations/remove.js'
import type { LogsRequest, RemoveRequest } from '../../src/operations/requests.js'
import { sandbox } from '../../src/operations/sandbox.js'
import { deploySummary } from '../../src/report/deploy-summary.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { startCli } from './cli-process.js'
import { describeCluster, useCluster, shellQuote, waitForJob, type ClusterInfo } from './cluster.js'
import {
  deployFixtures,
  expectSuccess,
  readTable,
  remoteOk,
  rootState,
  writeTable,
  type DeployFixture
} from './deploy-fixture.js'

const SLOW = 360_000
const JOB = 'caqrn-production-daily'
/** The first line a run of the job writes (job.sh.hbs). */
const header = (jobId: string, run: number) =>
  new RegExp(
    `^\\[\\d{4}-\\d{2}-\\d{2}T[0-9:]{8}[^\\]]*\\] caqrn production daily: job ${jobId} run ${run} on `,
    'm'
  )

describeCluster('logs of scheduled runs, what scrontab installs do, and removing', (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const fixture = deployFixtures(cluster)
  const production = `${cluster.projectRoot}/production`
  const development = `${cluster.projectRoot}/development`

  const logsOf = async (repo: DeployFixture, options: Partial<LogsRequest> = {}) => {
    const chunks: Buffer[] = []
    const sink = new MemoryLogSink()
    const outcome: LogsOutcome = await logs(
      {
        command: 'logs',
        repo: repo.repo,
        branch: 'main',
        runs: 10,
        follow: false,
        connection: repo.connection,
        ...options
      },
      {
        sink,
        onOutput: chunk => chunks.push(chunk),
        onEvent: () => {},
        warn: message => sink.warning(message)
      }
    )
    if (outcome.kind === 'failed') throw new Error(failureMessage(outcome.run.report))
    return { ...outcome, output: Buffer.concat(chunks).toString('utf8') }
  }

  const removeWith = async (
    repo: DeployFixture,
    target: RemoveRequest['target'],
    options: { force?: boolean; purge?: boolean } = {}
  ): Promise<{ outcome: RemoveOutcome; sink: MemoryLogSink }> => {
    const sink = new MemoryLogSink()
    const outcome = await remove(
      {
        command: 'remove',
        repo: repo.repo,
        target,
        force: options.force ?? false,
        purge: options.purge ?? false,
        actor: 'test-actor',
        runUrl: 'https://github.example/caqrn/actions/runs/2',
        connection: repo.connection
      },
      { sink, warn: message => sink.warning(message) }
    )
    return { outcome, sink }
  }

  /** The id of the job named `name` once it runs (a remote loop, 0.5 s between looks). */
  const waitRunning = (name: string, timeoutS: number) =>
    remoteOk(
      ssh,
      `end=$(( $(date +%s) + ${timeoutS} ))
       until id=$(squeue -h -u "$USER" -n ${shellQuote(name)} -t RUNNING -o %i | head -1); [ -n "$id" ]; do
         [ "$(date +%s)" -lt "$end" ] || { echo "not running after ${timeoutS}s" >&2; exit 124; }
         sleep 0.5
       done
       echo "$id"`
    ).then(out => out.trim())

  /** Waits until accounting shows `count` runs of job `jobId` that started and ended (-D: every run of a cron job). */
  const waitEndedRuns = (jobId: string, count: number, timeoutS: number) =>
    remoteOk(
      ssh,
      `end=$(( $(date +%s) + ${timeoutS} ))
       until [ "$(sacct -X -D -n -P -j ${jobId} -o Start,End | grep -c '^[0-9].*|[0-9]')" -ge ${count} ]; do
         [ "$(date +%s)" -lt "$end" ] || { echo "fewer than ${count} runs after ${timeoutS}s" >&2; exit 124; }
         sleep 2
       done`
    )

  const pendingCronJob = () =>
    remoteOk(ssh, `squeue -h -u "$USER" -n ${JOB} -t PENDING -o %i`).then(out => out.trim())

  it(
    'logs: a cron job keeps its job id from run to run and each run is found in its one log; --follow streams the run in progress to its end; enabled: false installs a disabled entry; a one-off sbatch run is listed too',
    async () => {
      const repo = fixture()
      repo.commit('main', {
        message: 'a job every minute, for a while',
        config: c => {
          c.deployments.main.jobs[0].schedule = '* * * * *'
          c.deployments.main.jobs[0].command =
            'echo "tick 1"; sleep 8; echo "tick 2, exit ${SG_TEST_EXIT:-0}"; exit "${SG_TEST_EXIT:-0}"'
        }
      })
      expectSuccess(await repo.run('main'))

      // Slurm starts the entry at the next minute: follow that run while it runs.
      const cronId = await waitRunning(JOB, 90)
      const startedAt = Date.now()
      const followed = await logsOf(repo, { follow: true })
      if (!followed.followed) throw new Error(JSON.stringify(followed.listing, null, 1))
      expect(followed.followed).toMatchObject({ ending: 'finished', succeeded: true, summary: 'COMPLETED' })
      expect(Date.now() - startedAt).toBeLessThan(45_000)
      expect(followed.listing.chosen).toMatchObject({ jobId: cronId, state: { name: 'RUNNING' } })
      expect(followed.output).toMatch(header(cronId, 1))
      expect(followed.output).toContain('tick 1\ntick 2, exit 0\n')

      // Its next run: the same job id (a cron job is requeued), accounted REQUEUED with the run's exit code.
      await waitEndedRuns(cronId, 2, 100)
      // Off in git: the entry stays in the block, disabled as Slurm writes it, and Slurm queues no job for it.
      repo.commit('main', {
        message: 'daily off',
        config: c => {
          c.deployments.main.jobs[0].enabled = false
        }
      })
      const off = await repo.run('main')
      expectSuccess(off)
      const table = await readTable(ssh)
      expect(table).toContain(
        `#DISABLED: #SCRON --partition=standard --time=06:00:00 --job-name=${JOB} --output=${production}/logs/daily.out`
      )
      expect(table).toContain(`\n#DISABLED: * * * * * ${production}/jobs/daily.sh\n`)
      expect(off.outcome.outputs.scrontab).toBe('changed')
      expect(off.outcome.outputs.cronResubmitted).not.toContain(JOB)
      expect(await pendingCronJob()).toBe('')

      // Run the job now, as Slurm would, but once: its own script, its job name and output, by sbatch.
      const oneOff = (
        await remoteOk(
          ssh,
          `sbatch --parsable --partition=standard --time=00:05:00 --job-name=${JOB} --output=${production}/logs/daily.out --open-mode=append --export=ALL,SG_TEST_EXIT=3 ${production}/jobs/daily.sh`
        )
      ).trim()
      expect(await waitForJob(ssh, oneOff)).toMatchObject({ state: 'FAILED', exitCode: '3:0' })

      const listed = await logsOf(repo)
      const runs = listed.listing.runs
      const cronRuns = runs.filter(run => run.jobId === cronId)
      expect(cronRuns.length).toBeGreaterThanOrEqual(2)
      expect(cronRuns.slice(0, 2).map(run => [run.state.name, run.exit, run.output?.run])).toEqual([
        ['REQUEUED', { code: 0, signal: 0 }, 1],
        ['REQUEUED', { code: 0, signal: 0 }, 2]
      ])
      expect(runs.at(-1)).toMatchObject({
        jobId: oneOff,
        state: { name: 'FAILED' },
        exit: { code: 3, signal: 0 }
      })
      // The output of the latest run, and of it alone.
      expect(listed.listing.chosen?.jobId).toBe(oneOff)
      expect(listed.output).toMatch(header(oneOff, 1))
      expect(listed.output).toContain('tick 2, exit 3\n')
      expect(listed.output).not.toMatch(header(cronId, 1))

      const earlier = await logsOf(repo, { run: { jobId: cronId, run: 1 } })
      expect(earlier.output).toMatch(header(cronId, 1))
      expect(earlier.output).not.toMatch(header(cronId, 2))
      expect(earlier.output).toContain('tick 2, exit 0\n')

      // The CLI: the run's output alone on stdout, the runs and which run it is on stderr.
      const cli = await startCli(cluster, repo.repoDir, ['logs', '--branch', 'main', '--runs', '3']).done
      expect(cli.code).toBe(0)
      expect(cli.lines.map(line => line.text).join('\n')).toMatch(header(oneOff, 1))
      expect(cli.stderr).toMatch(
        /job daily of production: its last 3 runs \(output file .*\/logs\/daily\.out\)\n {2}run +result +start/
      )
      expect(cli.stderr).toContain(`${oneOff}:1 `)
      expect(cli.stderr).toMatch(
        new RegExp(`the output of run ${oneOff}:1 \\(started [0-9T:-]+\\), bytes \\d+-\\d+ of `)
      )

      const unknown = await logsOf(repo, { run: { jobId: '999999' } })
      expect(unknown.output).toBe('')
      expect(unknown.listing.note).toMatch(/job id 999999 is not among the listed runs of job daily/)
    },
    SLOW
  )

  it(
    'an entry disabled on the cluster (scancel of its cron job) is enabled again by the next deploy, with a warning; the summary names what was resubmitted',
    async () => {
      const repo = fixture()
      const foreign = '#SCRON --job-name=foreign-nightly --partition=dev\n0 3 * * * /bin/true\n'
      await writeTable(ssh, foreign)
      expectSuccess(await repo.run('main'))
      const before = await pendingCronJob()
      expect(before).toMatch(/^\d+$/)
      // What a user does to "pause" a job: Slurm disables the entry, prefixing each of its lines.
      await remoteOk(ssh, `scancel ${before}`)
      const disabled = await readTable(ssh)
      expect(disabled).toContain(`#DISABLED: 0 2 * * * ${production}/jobs/daily.sh`)

      const again = await repo.run('main')
      expectSuccess(again)
      const warning = `the scheduled job ${JOB} was disabled on the cluster`
      expect(again.outcome.report.warnings).toEqual([expect.stringContaining(warning)])
      const table = await readTable(ssh)
      expect(table.startsWith(foreign)).toBe(true)
      expect(table).toContain(`\n0 2 * * * ${production}/jobs/daily.sh\n`)
      expect(table).not.toContain('#DISABLED')
      expect(await pendingCronJob()).toMatch(/^\d+$/)
      expect(again.outcome.outputs.cronResubmitted).toEqual(['foreign-nightly', JOB])

      const summary = deploySummary(again.outcome)
      const notes = summary.sections.find(section => section.title === 'Notes')?.body ?? ''
      expect(notes).toContain(`**Warning:** ${warning}`)
      expect(notes).toContain(
        `**scrontab reinstalled:** Slurm dropped every cron job of the service account and submitted each entry again, with a new job id: \`foreign-nightly\`, \`${JOB}\`.`
      )
    },
    SLOW
  )

  it(
    'remove: refused without --yes off a terminal, and while a job runs; then only its data and logs stay, every other scrontab line byte for byte',
    async () => {
      const repo = fixture()
      const foreign =
        '# hand-written: keep\nMAILTO=someone\n#SCRON -p dev\n#DISABLED: 5 4 * * * /bin/false\n#SCRON --job-name=foreign-hourly --partition=dev\n@hourly /bin/true\n'
      await writeTable(ssh, foreign)
      expectSuccess(await repo.run('main'))
      expectSuccess(await repo.run('develop'))
      const dataDir = `${cluster.projectRoot}/data/production`
      await remoteOk(
        ssh,
        `mkdir -p ${dataDir} && echo input >${dataDir}/input.txt && echo 'a run' >>${production}/logs/daily.out`
      )
      const withBoth = await readTable(ssh)
      const developJob = (await remoteOk(ssh, `squeue -h -u "$USER" -n caqrn-development-daily -o %i`)).trim()

      // The CLI as a script runs it (no terminal, no --yes): refused before connecting.
      const cli = await startCli(cluster, repo.repoDir, ['remove', '--branch', 'main']).done
      expect(cli.code).toBe(2)
      expect(cli.stderr).toContain('--yes: is required without a terminal')

      // One of its jobs runs (a run of its job name): refused, and nothing changed.
      const running = (
        await remoteOk(
          ssh,
          `sbatch --parsable --partition=standard --job-name=${JOB} --output=/dev/null --wrap 'sleep 300'`
        )
      ).trim()
      await waitRunning(JOB, 60)
      const refused = await removeWith(repo, { branch: 'main' })
      expect(succeeded(refused.outcome.report)).toBe(false)
      expect(failureMessage(refused.outcome.report)).toContain(
        `a job of this deployment is running: ${running} ${JOB} (RUNNING since`
      )
      expect(await readTable(ssh)).toBe(withBoth)
      expect((await rootState(ssh, production)).current).toMatch(/^releases\//)

      // --force: the running job is cancelled by its id, the block goes (one install), the rest stays.
      const removed = await removeWith(repo, { branch: 'main' }, { force: true })
      if (!succeeded(removed.outcome.report)) throw new Error(failureMessage(removed.outcome.report))
      expect(removed.outcome.outputs.cancelled).toEqual([running])
      expect(await waitForJob(ssh, running)).toMatchObject({ state: expect.stringMatching(/^CANCELLED/) })
      expect(removed.outcome.outputs.removed).toEqual([
        'scrontab block',
        'current',
        'env.sh',
        'sandbox-env.sh',
        'jobs',
        '1 release(s)',
        'mirror'
      ])
      const withoutMain = withBoth.replace(
        /# >>> slurm-gitops caqrn production >>>\n[^]*?# <<< slurm-gitops caqrn production <<<\n/,
        ''
      )
      expect(withoutMain).not.toBe(withBoth)
      expect(await readTable(ssh)).toBe(withoutMain)
      expect(withoutMain.startsWith(foreign)).toBe(true)
      // The install resubmitted the account's other cron jobs (develop's has a new id); main's has none.
      const developAfter = (
        await remoteOk(ssh, `squeue -h -u "$USER" -n caqrn-development-daily -o %i`)
      ).trim()
      expect(developAfter).toMatch(/^\d+$/)
      expect(developAfter).not.toBe(developJob)
      expect(await remoteOk(ssh, `squeue -h -u "$USER" -n ${JOB} -t PENDING,RUNNING -o %i`)).toBe('')
      // What is left of the deployment: its data, its logs, its history (which says what went) and the lock file.
      expect((await remoteOk(ssh, `ls -A ${production}`)).trim().split('\n').sort()).toEqual([
        '.lock',
        'history',
        'logs'
      ])
      expect(await remoteOk(ssh, `cat ${dataDir}/input.txt ${production}/logs/daily.out`)).toBe(
        'input\na run'
      )
      const history = (await rootState(ssh, production)).history.at(-1)
      expect(history).toMatchObject({ mode: 'remove', result: 'success', actor: 'test-actor' })
      expect(history?.removed).toBe(removed.outcome.outputs.removed.join('; '))
      // develop shares the venv: it stays in the store.
      expect((await rootState(ssh, development)).venvs).toHaveLength(1)

      // develop's data is also the sandboxes' (sandbox.dataDir): purge refuses before connecting.
      await expect(removeWith(repo, { branch: 'develop' }, { purge: true })).rejects.toThrow(
        /purge would remove .*data\/development, but sandbox.dataDir .* shares it/
      )
      const last = await removeWith(repo, { branch: 'develop' })
      expect(succeeded(last.outcome.report)).toBe(true)
      expect(await readTable(ssh)).toBe(foreign)
      // No release of any deployment uses the venv now: the store is empty.
      expect((await rootState(ssh, development)).venvs).toEqual([])
    },
    SLOW
  )

  it(
    'remove --sandbox: refused while its job runs; with --force it cancels only its own jobs, by id; another sandbox stays',
    async () => {
      const repo = fixture()
      repo.commit('main', {
        message: 'sandboxes may bring their own command',
        config: c => {
          c.sandbox.allowCustomCommand = true
          c.sandbox.actors = { 'alice-hpc': 'alice', 'alice2-hpc': 'alice-2' }
        }
      })
      const submit = async (actor: string) => {
        const sink = new MemoryLogSink()
        const outcome = await sandbox(
          {
            command: 'sandbox',
            repo: repo.repo,
            ask: { ref: 'main', actor, command: 'sleep 300' },
            names: {
              ref: 'ref',
              sandbox: 'sandbox',
              command: 'command',
              partition: 'partition',
              timeLimit: 'time',
              sbatch: 'sbatch',
              actor: 'actor'
            },
            runId: String(Date.now()),
            wait: false,
            actor,
            runUrl: 'cli',
            connection: repo.connection
          },
          { sink, onOutput: () => {}, onEvent: () => {}, warn: m => sink.warning(m) }
        )
        if (outcome.kind !== 'submitted') throw new Error(`sandbox run of ${actor}: ${outcome.kind}`)
        return outcome.job.jobId
      }
      const alice = await submit('alice-hpc')
      const other = await submit('alice2-hpc')
      const sandboxes = `${cluster.projectRoot}/sandboxes`
      await remoteOk(
        ssh,
        `end=$(( $(date +%s) + 60 ))
         until [ "$(squeue -h -j ${alice} -o %T)" = RUNNING ]; do [ "$(date +%s)" -lt "$end" ] || exit 124; sleep 0.5; done`
      )

      const refused = await removeWith(repo, { sandbox: 'alice' })
      expect(succeeded(refused.outcome.report)).toBe(false)
      expect(failureMessage(refused.outcome.report)).toContain(`a job of sandbox alice is running: ${alice} `)

      const removed = await removeWith(repo, { sandbox: 'alice' }, { force: true })
      if (!succeeded(removed.outcome.report)) throw new Error(failureMessage(removed.outcome.report))
      expect(removed.outcome.outputs.cancelled).toEqual([alice])
      expect(await waitForJob(ssh, alice)).toMatchObject({ state: expect.stringMatching(/^CANCELLED/) })
      expect(await remoteOk(ssh, `squeue -h -j ${other} -o %T`)).toMatch(/^(PENDING|RUNNING)\n?$/)
      expect((await remoteOk(ssh, `ls ${sandboxes}`)).trim().split('\n')).toEqual(['alice-2'])
      const refs = await remoteOk(ssh, `git -C ${sandboxes}/.mirror.git for-each-ref --format='%(refname)'`)
      expect(refs).not.toContain('refs/slurm-gitops/sandbox/alice/')
      expect(refs).toContain('refs/slurm-gitops/sandbox/alice-2/')
      // Its venv is the other sandbox's too: it stays.
      expect((await remoteOk(ssh, `ls ${cluster.projectRoot}/venvs`)).trim()).toMatch(/^[0-9a-f]{16}$/)

      const nothing = await removeWith(repo, { sandbox: 'nobody' })
      expect(succeeded(nothing.outcome.report)).toBe(true)
      expect(nothing.outcome.outputs.removed).toEqual([])
      expect((await remoteOk(ssh, `ls ${sandboxes}`)).trim().split('\n')).toEqual(['alice-2'])
    },
    SLOW
  )
})
