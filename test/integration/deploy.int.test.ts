// Deploy, redeploy, pruning, bundle source, rollback and status of examples/caqrn on the real test cluster.
// Every test checks what is on the cluster afterwards (links, releases, venvs, scrontab, history), not only the
// exit code. Files that reset the cluster take turns: describeCluster holds the cluster's test lock.
import { expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { failureMessage } from '../../src/exec/executor.js'
import { describeCluster, useCluster, shellQuote, waitForJob, type ClusterInfo } from './cluster.js'
import {
  codeChange,
  deployFixtures,
  readTable,
  writeTable,
  remoteOk,
  requirementsChange,
  rootState,
  scheduleChange,
  expectSuccess
} from './deploy-fixture.js'
import { TcpRelay } from './tcp-relay.js'

const SLOW = 180_000

describeCluster('deploy to the test cluster', (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const fixture = deployFixtures(cluster)
  const production = `${cluster.projectRoot}/production`
  const development = `${cluster.projectRoot}/development`

  /** `source <root>/env.sh` in a login shell: what a job or a user gets. */
  const sourced = async (root: string) => {
    const out = await remoteOk(
      ssh,
      `source ${shellQuote(`${root}/env.sh`)} && printf '%s\\n' "$CAQRN_ENVIRONMENT" "$CAQRN_DATA" "$CAQRN_REVISION" ` +
        `"$(command -v python)" "$(python -c 'import caqrn_utils; print(caqrn_utils.__version__)')"`
    )
    const [environment, data, revision, python, utils] = out.split('\n')
    return { environment, data, revision, python, utils }
  }

  it(
    'the deployed scheduled job runs on Slurm: the release, its venv, the deployment data; its lease ends with it',
    async () => {
      const repo = fixture()
      const sha = repo.sha('main')
      expectSuccess(await repo.run('main'))
      const data = `${cluster.projectRoot}/data/production`
      await remoteOk(ssh, `mkdir -p ${data} && printf 'line one\\nline two\\n' >${data}/sample.txt`)

      // Submitted exactly as its scrontab entry runs it: the #SCRON options and the stable path.
      const jobId = await remoteOk(
        ssh,
        `mapfile -t options <${production}/jobs/daily.options && sbatch --parsable "\${options[@]}" ${production}/jobs/daily.sh`
      )
      expect(await waitForJob(ssh, jobId, 120)).toMatchObject({ state: 'COMPLETED', exitCode: '0:0' })

      const log = await remoteOk(ssh, `cat ${production}/logs/daily.out`)
      expect(log).toContain(`caqrn production daily: job ${jobId}`)
      expect(log).toContain(`revision ${sha}`)
      expect(log).toContain('processed sample.txt')
      const product = JSON.parse(await remoteOk(ssh, `cat ${production}/products/sample.json`)) as {
        utils: string
        mean_line_length: number
      }
      expect(product).toMatchObject({ utils: '1.0.0', mean_line_length: 8 })
      // The lease (which release the job runs, for pruning) is gone once the job ended.
      expect(await remoteOk(ssh, `ls -A ${production}/leases`)).toBe('')
    },
    SLOW
  )

  it(
    'deploys main then develop: releases, stable links, env.sh, venv, both scrontab blocks, outputs',
    async () => {
      const repo = fixture()
      const sha = repo.sha('main')

      const main = await repo.run('main')
      expectSuccess(main)
      expect(main.outcome.outputs).toEqual({
        sha,
        previousSha: '',
        release: `${production}/releases/${sha}`,
        environment: 'production',
        releaseReused: false,
        venv: 'built',
        venvPath: expect.stringMatching(/\/venvs\/[0-9a-f]{16}$/),
        envScripts: 'changed',
        scrontab: 'changed',
        // The block in force is the one this deploy rendered.
        scrontabBlock: main.outcome.plan.scrontabBlock,
        targetSha: '',
        skipped: '',
        repaired: '',
        // The first install: Slurm submitted the one entry of the table; nothing ran.
        cronResubmitted: ['caqrn-production-daily'],
        cronRunning: [],
        logs: { path: '', size: -1, runs: '', headers: '' },
        removed: [],
        cancelled: []
      })
      expect(main.outcome.stats.connections).toBe(1)
      const venvPath = main.outcome.outputs.venvPath
      expect(venvPath).toMatch(new RegExp(`^${cluster.projectRoot}/venvs/[0-9a-f]{16}$`))

      const state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${sha}`)
      expect(state.links).toEqual({
        'env.sh': 'current/.slurm-gitops/env.sh',
        jobs: 'current/.slurm-gitops/jobs',
        'sandbox-env.sh': 'current/.slurm-gitops/sandbox-env.sh'
      })
      expect(state.releases).toEqual([sha])
      expect(state.completeVenvs).toEqual([venvPath.split('/').pop()])
      expect(state.oldVenvs).toEqual([])
      expect(state.tmp).toEqual([])
      expect(state.history).toHaveLength(1)
      expect(state.history[0]).toMatchObject({ mode: 'deploy', sha, previous: '-', result: 'success' })

      expect(await sourced(production)).toEqual({
        environment: 'production',
        data: `${cluster.projectRoot}/data/production`,
        revision: sha,
        python: `${venvPath}/bin/python`,
        utils: '1.0.0'
      })
      // The job scrontab runs is reached through the stable path and is the release's.
      expect(
        await remoteOk(ssh, `test -x ${production}/jobs/daily.sh && readlink -f ${production}/jobs`)
      ).toBe(`${production}/releases/${sha}/.slurm-gitops/jobs`)

      const develop = await repo.run('develop')
      expectSuccess(develop)
      // The same requirements: development uses the venv production built.
      expect(develop.outcome.outputs).toMatchObject({
        sha,
        previousSha: '',
        environment: 'development',
        venv: 'reused',
        scrontab: 'changed'
      })
      expect(develop.outcome.report.results['venv-path']).toBe(venvPath)
      expect((await rootState(ssh, development)).current).toBe(`releases/${sha}`)
      expect(await sourced(development)).toMatchObject({
        environment: 'development',
        data: `${cluster.projectRoot}/data/development`,
        utils: '1.0.0'
      })

      // One table, both blocks, each exactly as planned.
      const table = await readTable(ssh)
      expect(table).toBe(main.outcome.plan.scrontabBlock + develop.outcome.plan.scrontabBlock)
      expect(table).toContain(`0 2 * * * ${production}/jobs/daily.sh`)
      expect(table).toContain(`30 3 * * * ${development}/jobs/daily.sh`)
      // Installing the table submitted the cron jobs.
      const queued = await remoteOk(ssh, `squeue -h -u ${cluster.user} -o '%j %P'`)
      expect(queued.split('\n').sort()).toEqual([
        'caqrn-development-daily dev',
        'caqrn-production-daily standard'
      ])

      // Deploying main again: nothing to do, proven in one step, and the table is not reinstalled.
      const again = await repo.run('main')
      expectSuccess(again)
      expect(again.outcome.outputs).toMatchObject({
        sha,
        previousSha: sha,
        venv: 'reused',
        releaseReused: true,
        scrontab: 'unchanged'
      })
      expect(again.outcome.report.steps.map(step => step.name)).toEqual(['preflight', 'lock', 'unchanged'])
      expect(again.sink.lines).toContain(
        `nothing to do: ${sha} is live with these files, its venv and its schedule`
      )

      // The block removed by hand: the same commit is no longer "nothing to do"; the full deploy puts it back.
      const block = again.outcome.outputs.scrontabBlock
      const without = (await readTable(ssh)).replace(block, '')
      await writeTable(ssh, without)
      const repaired = await repo.run('main')
      expectSuccess(repaired)
      expect(repaired.outcome.report.steps.map(step => step.name)).toContain('schedule')
      expect(repaired.outcome.outputs).toMatchObject({ sha, scrontab: 'changed' })
      expect(await readTable(ssh)).toBe(without + block)
    },
    SLOW
  )

  it(
    'never prunes the release a running job uses, and prunes it once the job has ended',
    async () => {
      const repo = fixture({ keepReleases: 2 })
      // A job that runs long enough to outlive two more deploys.
      const first = repo.commit('main', {
        message: 'a long job',
        config: c => {
          c.deployments.main.jobs[0].command = 'sleep 300'
        }
      })
      expectSuccess(await repo.run('main'))
      const jobId = await remoteOk(
        ssh,
        `mapfile -t options <${production}/jobs/daily.options && sbatch --parsable "\${options[@]}" ${production}/jobs/daily.sh`
      )
      // Running, with its lease naming the release it resolved at its start.
      const lease = await remoteOk(
        ssh,
        `for i in $(seq 60); do [ -s ${production}/leases/${jobId} ] && break; sleep 1; done; cat ${production}/leases/${jobId}`
      )
      expect(lease).toBe(`${production}/releases/${first}`)

      const later: string[] = []
      for (let i = 0; i < 2; i++) {
        later.push(repo.commit('main', codeChange()))
        expectSuccess(await repo.run('main'))
      }
      // keepReleases is 2, so by age `first` would go; the running job keeps it.
      expect((await rootState(ssh, production)).releases.sort()).toEqual([first, ...later].sort())

      await remoteOk(ssh, `scancel ${jobId}`)
      await waitForJob(ssh, jobId, 60)
      const last = repo.commit('main', codeChange())
      expectSuccess(await repo.run('main'))
      const state = await rootState(ssh, production)
      expect(state.releases.sort()).toEqual([later[1]!, last].sort())
      expect(await remoteOk(ssh, `ls -A ${production}/leases`)).toBe('')
    },
    SLOW
  )

  it(
    'reuses the venv and release of the same SHA; builds a venv for new requirements; prunes releases and unused venvs',
    async () => {
      const repo = fixture({ keepReleases: 2 })
      const c1 = repo.sha('main')
      const first = await repo.run('main')
      expectSuccess(first)
      const v1 = first.outcome.report.results['venv-path']!.split('/').pop()!
      const jobsBefore = await remoteOk(ssh, `squeue -h -u ${cluster.user} -o %i`)

      // Same SHA: nothing is rebuilt, and the cron jobs are not resubmitted.
      const same = await repo.run('main')
      expectSuccess(same)
      expect(same.outcome.outputs).toMatchObject({
        sha: c1,
        previousSha: c1,
        venv: 'reused',
        scrontab: 'unchanged'
      })
      expect(same.outcome.report.results['release-reused']).toBe('true')
      expect(same.sink.lines).toContain(
        `nothing to do: ${c1} is live with these files, its venv and its schedule`
      )
      expect(await remoteOk(ssh, `squeue -h -u ${cluster.user} -o %i`)).toBe(jobsBefore)
      let state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c1}`)
      expect(state.releases).toEqual([c1])
      expect(state.history.map(h => h.result)).toEqual(['success', 'success'])

      // Code only: a new release on the same venv.
      const c2 = repo.commit('main', codeChange())
      const code = await repo.run('main')
      expectSuccess(code)
      expect(code.outcome.outputs).toMatchObject({
        sha: c2,
        previousSha: c1,
        venv: 'reused',
        scrontab: 'unchanged'
      })
      expect(code.outcome.report.results['release-reused']).toBe('false')
      state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c2}`)
      expect(state.releases.sort()).toEqual([c1, c2].sort())
      expect(state.venvs).toEqual([v1])

      // New requirements: a new venv; keepReleases 2 prunes c1, but v1 stays because c2 (kept) uses it.
      const c3 = repo.commit('main', requirementsChange('caqrn-utils==1.1.0'))
      const reqs = await repo.run('main')
      expectSuccess(reqs)
      expect(reqs.outcome.outputs).toMatchObject({ sha: c3, previousSha: c2, venv: 'built' })
      const v2 = reqs.outcome.report.results['venv-path']!.split('/').pop()!
      expect(v2).not.toBe(v1)
      state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c3}`)
      expect(state.releases.sort()).toEqual([c2, c3].sort())
      expect(state.venvs.sort()).toEqual([v1, v2].sort())
      expect(await sourced(production)).toMatchObject({ revision: c3, utils: '1.1.0' })
      expect(reqs.sink.lines).toContain(`removing release ${c1}`)

      // Another code change: c2 is pruned, and with it the last user of v1.
      const c4 = repo.commit('main', codeChange())
      const last = await repo.run('main')
      expectSuccess(last)
      expect(last.outcome.outputs).toMatchObject({ sha: c4, previousSha: c3, venv: 'reused' })
      state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c4}`)
      expect(state.releases.sort()).toEqual([c3, c4].sort())
      expect(state.venvs).toEqual([v2])
      expect(state.completeVenvs).toEqual([v2])
      expect(state.tmp).toEqual([])
      expect(state.history.map(h => [h.sha, h.result])).toEqual([
        [c1, 'success'],
        [c1, 'success'],
        [c2, 'success'],
        [c3, 'success'],
        [c4, 'success']
      ])
    },
    SLOW
  )

  it(
    'deploys through a git bundle when the cluster cannot reach the repository (project.source: bundle)',
    async () => {
      const repo = fixture({ source: 'bundle', repository: 'file:///nonexistent.git' })
      const c1 = repo.sha('main')
      const first = await repo.run('main')
      expectSuccess(first)
      expect(first.outcome.outputs).toMatchObject({ sha: c1, venv: 'built', scrontab: 'changed' })
      expect((await rootState(ssh, production)).current).toBe(`releases/${c1}`)

      const c2 = repo.commit('main', codeChange())
      const second = await repo.run('main')
      expectSuccess(second)
      expect(second.outcome.outputs).toMatchObject({ sha: c2, previousSha: c1, venv: 'reused' })
      const state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c2}`)
      expect(await remoteOk(ssh, `cat ${production}/current/REVISION`)).toBe(c2)
      // The uploaded bundles are removed after the run.
      expect(await remoteOk(ssh, 'ls /tmp | grep -c "^slurm-gitops-.*\\.bundle$" || true')).toBe('0')
    },
    SLOW
  )

  it(
    'rolls back to the previous release and its scrontab block, and to a release chosen by SHA prefix',
    async () => {
      const repo = fixture()
      const c1 = repo.sha('main')
      const first = await repo.run('main')
      expectSuccess(first)
      const c2 = repo.commit('main', scheduleChange('main', '15 4 * * *'))
      const second = await repo.run('main')
      expectSuccess(second)
      expect(second.outcome.outputs.scrontab).toBe('changed')
      expect(await readTable(ssh)).toBe(second.outcome.plan.scrontabBlock)

      const back = await repo.run('main', { mode: 'rollback' })
      expectSuccess(back)
      expect(back.outcome.outputs).toMatchObject({
        sha: c1,
        previousSha: c2,
        release: `${production}/releases/${c1}`,
        scrontab: 'changed'
      })
      let state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c1}`)
      expect(await readTable(ssh)).toBe(first.outcome.plan.scrontabBlock)
      expect(await sourced(production)).toMatchObject({ revision: c1 })
      expect(state.history.at(-1)).toMatchObject({
        mode: 'rollback',
        sha: c1,
        previous: c2,
        result: 'success'
      })

      const forward = await repo.run('main', { mode: 'rollback', target: c2.slice(0, 8) })
      expectSuccess(forward)
      expect(forward.outcome.outputs).toMatchObject({ sha: c2, previousSha: c1, scrontab: 'changed' })
      state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${c2}`)
      expect(await readTable(ssh)).toBe(second.outcome.plan.scrontabBlock)

      // An unknown target fails clearly and changes nothing.
      const unknown = await repo.run('main', { mode: 'rollback', target: 'deadbeef' })
      expect(unknown.outcome.report.exitCode).not.toBe(0)
      expect(failureMessage(unknown.outcome.report)).toContain('no kept release matches deadbeef')
      expect((await rootState(ssh, production)).current).toBe(`releases/${c2}`)
      expect(await readTable(ssh)).toBe(second.outcome.plan.scrontabBlock)
    },
    SLOW
  )

  it(
    'after a rollback, pruning keeps the release that was live before, and rollback goes back to it',
    async () => {
      const repo = fixture({ keepReleases: 2 })
      const a = repo.sha('main')
      expectSuccess(await repo.run('main'))
      const b = repo.commit('main', codeChange())
      expectSuccess(await repo.run('main'))
      expectSuccess(await repo.run('main', { mode: 'rollback' }))
      expect((await rootState(ssh, production)).current).toBe(`releases/${a}`)

      // Live so far: a, b, a. After c, keeping 2 means c and a (live just before), not b (younger, but older live).
      const c = repo.commit('main', codeChange())
      const deployed = await repo.run('main')
      expectSuccess(deployed)
      expect(deployed.outcome.outputs).toMatchObject({ sha: c, previousSha: a })
      let state = await rootState(ssh, production)
      expect(state.releases.sort()).toEqual([a, c].sort())
      expect(deployed.sink.lines).toContain(`removing release ${b}`)

      const back = await repo.run('main', { mode: 'rollback' })
      expectSuccess(back)
      expect(back.outcome.outputs).toMatchObject({ sha: a, previousSha: c })
      state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${a}`)
      expect(state.history.map(h => `${h.mode} ${h.sha} ${h.result}`)).toEqual([
        `deploy ${a} success`,
        `deploy ${b} success`,
        `rollback ${a} success`,
        `deploy ${c} success`,
        `rollback ${a} success`
      ])
    },
    SLOW
  )

  it(
    'status prints the deployed SHA, the releases and the history',
    async () => {
      const repo = fixture()
      const before = await repo.run('main', { mode: 'status' })
      expectSuccess(before)
      expect(before.sink.lines).toContain('current: not deployed')
      expect(before.outcome.report.results['sha']).toBe('-')

      const c1 = repo.sha('main')
      expectSuccess(await repo.run('main', { actor: 'alice' }))
      const c2 = repo.commit('main', codeChange())
      expectSuccess(await repo.run('main', { actor: 'bob' }))

      const status = await repo.run('main', { mode: 'status' })
      expectSuccess(status)
      expect(status.outcome.report.results['sha']).toBe(c2)
      const lines = status.sink.lines
      expect(lines).toContain(`current: releases/${c2}`)
      expect(lines.some(l => l.startsWith('releases kept:') && l.includes(c1) && l.includes(c2))).toBe(true)
      const history = lines.filter(l => l.includes('\tmode=deploy\t'))
      expect(history).toHaveLength(2)
      expect(history[0]).toContain(`sha=${c1}`)
      expect(history[0]).toContain('actor=alice')
      expect(history[1]).toContain(`sha=${c2}`)
      expect(history[1]).toContain('actor=bob')
      expect(lines).toContain(`  0 2 * * * ${production}/jobs/daily.sh`)
      // status neither records nor changes anything.
      expect((await rootState(ssh, production)).history).toHaveLength(2)
    },
    SLOW
  )

  /** A run through a relay that counts its connections; `connections` and `open` once it ended. */
  const throughRelay = async (run: (relay: { port: number; knownHosts: string }) => Promise<unknown>) => {
    const relay = new TcpRelay(cluster.host, cluster.port)
    await relay.start()
    try {
      const ended = await run({
        port: relay.port,
        knownHosts: relay.knownHosts(readFileSync(cluster.knownHostsPath, 'utf8'))
      }).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error: String(error) })
      )
      // A connection given up is closed by the run before it ends; the relay hears of it a moment later.
      for (let i = 0; i < 50 && relay.open > 0; i++) await new Promise(resolve => setTimeout(resolve, 20))
      return { ...ended, connections: relay.connections, open: relay.open }
    } finally {
      await relay.close()
    }
  }

  it(
    'connects while it validates: a config the schema refuses gives its connection up, and nothing runs',
    async () => {
      const repo = fixture()
      repo.commit('main', scheduleChange('main', 'every day at two'))
      const refused = await throughRelay(relay => repo.run('main', relay))
      // Its connect may not have reached the socket before the schema answered: at most one, and none left open.
      expect(refused).toMatchObject({ ok: false, open: 0 })
      expect(refused.connections).toBeLessThanOrEqual(1)
      expect(refused.ok === false && refused.error).toContain('deployments.main.jobs[0].schedule')
      const state = await rootState(ssh, production)
      expect(state.current).toBe('')
      expect(state.history).toEqual([])

      // The same commit with a good schedule deploys over the same kind of early connection: one in all.
      repo.commit('main', scheduleChange('main', '0 3 * * *'))
      const deployed = await throughRelay(relay => repo.run('main', relay).then(expectSuccess))
      expect(deployed).toMatchObject({ ok: true, connections: 1, open: 0 })
    },
    SLOW
  )

  it(
    'never connects for a branch without a deployment, nor with a cluster section the schema refuses',
    async () => {
      const repo = fixture()
      repo.commit('feature-x', codeChange())
      const noDeployment = await throughRelay(relay => repo.run('feature-x', relay))
      expect(noDeployment).toMatchObject({ ok: false, connections: 0 })
      expect(noDeployment.ok === false && noDeployment.error).toContain('no deployment for feature-x')

      repo.commit('main', {
        message: 'a user name ssh would refuse',
        config: c => (c.cluster.user = 'Caqrn')
      })
      const badUser = await throughRelay(relay => repo.run('main', relay))
      expect(badUser).toMatchObject({ ok: false, connections: 0 })
      expect(badUser.ok === false && badUser.error).toContain('cluster.user')
      expect((await rootState(ssh, production)).history).toEqual([])
    },
    SLOW
  )
})
