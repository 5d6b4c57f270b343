// The project's venv store (<project root>/venvs) on the real test cluster: shared by production and development,
// so a promotion builds nothing; pruned only of venvs that no release of any deployment, no sandbox run and no
// run in progress (a claim) uses; built under the store's lock; and the per-deployment stores of earlier versions
// keep serving their releases until those are pruned.
import { expect, it } from '@jest/globals'
import { describeCluster, useCluster, type ClusterInfo } from './cluster.js'
import {
  codeChange,
  deployFixtures,
  expectSuccess,
  remoteOk,
  requirementsChange,
  rootState,
  type RunResult
} from './deploy-fixture.js'

const SLOW = 240_000

describeCluster("the project's venv store", (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const fixture = deployFixtures(cluster)
  const store = `${cluster.projectRoot}/venvs`
  const production = `${cluster.projectRoot}/production`
  const development = `${cluster.projectRoot}/development`

  const venvOf = (run: RunResult) => run.outcome.report.results['venv-path']!
  const link = (root: string, release: string) =>
    remoteOk(ssh, `readlink ${root}/releases/${release}/.slurm-gitops/venv`)
  const storeVenvs = async () => (await rootState(ssh, production)).venvs.sort()

  it(
    'a promotion of develop to main builds nothing: both releases link to one venv of the store',
    async () => {
      const repo = fixture()
      const sha = repo.sha('develop')

      const develop = await repo.run('develop')
      expectSuccess(develop)
      expect(develop.outcome.outputs.venv).toBe('built')
      const venv = venvOf(develop)
      expect(venv).toMatch(new RegExp(`^${store}/[0-9a-f]{16}$`))

      // The same commit on main: its venv step finds the venv complete and says so.
      expect(repo.sha('main')).toBe(sha)
      const main = await repo.run('main')
      expectSuccess(main)
      expect(main.outcome.outputs).toMatchObject({ sha, venv: 'reused' })
      expect(venvOf(main)).toBe(venv)
      expect(main.sink.lines).toContain(`venv ${venv.split('/').pop()} is complete: reused`)
      expect(main.sink.lines.some(line => /Successfully installed|Looking in links/.test(line))).toBe(false)

      expect(await link(development, sha)).toBe(venv)
      expect(await link(production, sha)).toBe(venv)
      expect(await storeVenvs()).toEqual([venv.split('/').pop()])
      // Neither deployment has a venv store of its own any more.
      expect((await rootState(ssh, production)).oldVenvs).toEqual([])
      expect((await rootState(ssh, development)).oldVenvs).toEqual([])
      // Nothing of the runs is left in the store: claims end with their run.
      expect(await remoteOk(ssh, `ls -A ${store}/.claims`)).toBe('')
    },
    SLOW
  )

  it(
    'pruning keeps a venv while any deployment, sandbox run or fresh claim uses it, and then removes it',
    async () => {
      const repo = fixture({ keepReleases: 2 })
      const c1 = repo.sha('main')
      const first = await repo.run('main')
      expectSuccess(first)
      const v1 = venvOf(first)

      // develop moves on to new requirements and prunes the store: main's c1 release still uses v1.
      repo.commit('develop', requirementsChange('caqrn-utils==1.1.0'))
      expectSuccess(await repo.run('develop'))
      for (let i = 0; i < 2; i++) {
        repo.commit('develop', codeChange())
        const run = await repo.run('develop')
        expectSuccess(run)
        expect(run.outcome.outputs.venv).toBe('reused')
      }
      const v2 = (await link(development, repo.sha('develop'))).split('/').pop()!
      expect(await storeVenvs()).toEqual([v1.split('/').pop(), v2].sort())

      // main takes develop's requirements; its c1 release (on v1) is still kept (keepReleases 2).
      const m2 = repo.commit('main', requirementsChange('caqrn-utils==1.1.0'))
      const promoted = await repo.run('main')
      expectSuccess(promoted)
      expect(promoted.outcome.outputs.venv).toBe('reused')
      expect((await rootState(ssh, production)).releases.sort()).toEqual([c1, m2].sort())
      expect(await storeVenvs()).toEqual([v1.split('/').pop(), v2].sort())

      // c1 is pruned now, but a sandbox run and then a fresh claim of a run in progress still use v1.
      const sandboxRun = `${cluster.projectRoot}/sandboxes/alice/runs/7-${c1.slice(0, 7)}/.slurm-gitops`
      await remoteOk(ssh, `mkdir -p ${sandboxRun} && ln -s ${v1} ${sandboxRun}/venv`)
      repo.commit('main', codeChange())
      expectSuccess(await repo.run('main'))
      expect((await rootState(ssh, production)).releases).not.toContain(c1)
      expect(await storeVenvs()).toContain(v1.split('/').pop())

      const claim = `${store}/.claims/otherhost.4242`
      await remoteOk(ssh, `rm -r ${cluster.projectRoot}/sandboxes/alice && ln -s ${v1} ${claim}`)
      repo.commit('main', codeChange())
      expectSuccess(await repo.run('main'))
      expect(await storeVenvs()).toContain(v1.split('/').pop())

      // A claim older than any run can last is a leftover of a killed run: removed, and v1 with it.
      await remoteOk(ssh, `touch -h -d '-2 days' ${claim}`)
      repo.commit('main', codeChange())
      const last = await repo.run('main')
      expectSuccess(last)
      expect(await storeVenvs()).toEqual([v2])
      expect(last.sink.lines).toContain(`removing venv ${v1.split('/').pop()} of ${store} (nothing uses it)`)
      expect(await remoteOk(ssh, `ls -A ${store}/.claims`)).toBe('')
    },
    SLOW
  )

  it(
    'a venv is built under the store lock: a deploy waits for the run that holds it',
    async () => {
      const repo = fixture()
      // Another run holds the store's lock for a few seconds (as while building a venv).
      await remoteOk(
        ssh,
        `mkdir -p ${store} && (setsid flock ${store}/.lock sleep 6 </dev/null >/dev/null 2>&1 &) && sleep 0.5`
      )
      const run = await repo.run('main')
      expectSuccess(run)
      expect(
        run.sink.lines.some(line => line.startsWith(`waiting up to 300s for the venv store ${store}`))
      ).toBe(true)
    },
    SLOW
  )

  it(
    "a deployment's venvs of an earlier version serve its releases until they are pruned, then go",
    async () => {
      const repo = fixture({ keepReleases: 2 })
      const c1 = repo.sha('main')
      const first = await repo.run('main')
      expectSuccess(first)
      const hash = venvOf(first).split('/').pop()!
      // As an earlier version left it: c1's venv in <root>/venvs, its release linked (and fingerprinted) there.
      const old = `${production}/venvs/${hash}`
      const meta = `${production}/releases/${c1}/.slurm-gitops`
      await remoteOk(
        ssh,
        `mkdir -p ${production}/venvs && cp -a ${store}/${hash} ${old} && ln -sfn ${old} ${meta}/venv && ` +
          `sed -i 's# .*# ${old}#' ${meta}/FINGERPRINT`
      )

      // A new deploy uses the project's store; c1 is kept (keepReleases 2), and so is its old venv.
      const c2 = repo.commit('main', codeChange())
      const second = await repo.run('main')
      expectSuccess(second)
      expect(second.outcome.outputs.venv).toBe('reused')
      expect(await link(production, c2)).toBe(`${store}/${hash}`)
      let state = await rootState(ssh, production)
      expect(state.releases.sort()).toEqual([c1, c2].sort())
      expect(state.oldVenvs).toEqual([hash])
      expect(await link(production, c1)).toBe(old)

      // c1 is pruned: nothing uses the old store any more, so it goes, and the project's venv stays.
      repo.commit('main', codeChange())
      const third = await repo.run('main')
      expectSuccess(third)
      state = await rootState(ssh, production)
      expect(state.releases).not.toContain(c1)
      expect(state.oldVenvs).toEqual([])
      expect(await remoteOk(ssh, `test -e ${production}/venvs && echo there || echo gone`)).toBe('gone')
      expect(third.sink.lines).toContain(`removed ${production}/venvs: no release uses it any more`)
      expect(state.venvs).toEqual([hash])
    },
    SLOW
  )
})
