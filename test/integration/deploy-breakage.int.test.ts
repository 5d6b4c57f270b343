// Where deploys used to break, on the real test cluster: a scrontab table that says "disabled", a cluster where
// scrontab really is disabled, a smoke command that leaves a process behind, a run killed between the switch
// and the scrontab update (the remote script, and the whole CLI process), and older commits arriving after newer
// ones. Each test checks the cluster afterwards: code and schedule agree, the lock is free, the history is whole.
import { expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { failureMessage, succeeded } from '../../src/exec/executor.js'
import { repoRoot } from '../repo-root.js'
import { describeCluster, useCluster, shellQuote, type ClusterInfo } from './cluster.js'
import { startCli } from './cli-process.js'
import {
  codeChange,
  deployFixtures,
  expectSuccess,
  readTable,
  remoteOk,
  rootState,
  scheduleChange,
  writeTable,
  type Change,
  type DeployFixture
} from './deploy-fixture.js'

const SLOW = 240_000
const RENDERED = '.slurm-gitops'
/** A line in the account's login profile that this file adds, and removes whatever happens. */
const PROFILE_MARK = '# slurm-gitops test: scrontab disabled'

/**
 * A commit whose config overrides one step file with a function `step` of its own (`body`), which can call the
 * shipped step as `sg_shipped_<step>`; it also moves the first job to `schedule`, so a half-done go-live shows.
 */
function misbehavingStep(step: 'switch' | 'schedule', body: string, schedule: string): Change {
  const shipped = readFileSync(path.join(repoRoot, `deploy-templates/steps/${step}.sh`), 'utf8').replace(
    new RegExp(`^${step}\\(\\) \\{`, 'm'),
    `sg_shipped_${step}() {`
  )
  return {
    message: `override ${step}`,
    files: { [`ci/${step}.sh`]: `${shipped}\n${step}() {\n${body}\n}\n` },
    config: c => {
      c.templates = { [`steps/${step}.sh`]: `ci/${step}.sh` }
      c.deployments.main.jobs[0].schedule = schedule
    }
  }
}

/** Back to the shipped steps: the next commit has no override. */
const noOverride: Change = {
  message: 'no override',
  config: c => {
    delete c.templates
  }
}

describeCluster('deploys that used to break, on the test cluster', (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const fixture = deployFixtures(cluster)
  const production = `${cluster.projectRoot}/production`

  /** Code and schedule agree: the table holds exactly the block of the release `current` points at. */
  const expectConsistent = async (root: string) => {
    const block = await remoteOk(ssh, `cat ${shellQuote(`${root}/current/${RENDERED}/scrontab`)}`)
    const table = await readTable(ssh)
    expect(table).toContain(block.trim())
    const begin = block.split('\n')[0]!
    expect(table.split('\n').filter(line => line === begin)).toHaveLength(1)
    expect(await remoteOk(ssh, `ls -a ${shellQuote(root)}`)).not.toMatch(/^\.golive$/m)
  }

  /** What the service account has running that the deploys started (sleeps of the smoke commands). */
  const straySleeps = () => remoteOk(ssh, `pgrep -u "$(id -u)" -a -x sleep || true`)

  it(
    'a table whose comments and #DISABLED: entries say "disabled" deploys; a cluster without scrontab gives Slurm\'s own message',
    async () => {
      const repo = fixture()
      const foreign =
        '# disabled until the March data arrives\n' +
        '#DISABLED: 0 3 * * * echo "nightly was disabled by scancel"\n' +
        '#SCRON -p dev\n' +
        '#DISABLED: 5 3 * * * /bin/true disabled\n'
      await writeTable(ssh, foreign)
      const first = await repo.run('main')
      expectSuccess(first)
      const table = await readTable(ssh)
      expect(table.startsWith(foreign)).toBe(true)
      await expectConsistent(production)

      // The account's login profile points Slurm's commands at a copy of the config without ScronParameters:
      // scrontab itself then refuses, as on a cluster where it is not enabled.
      const conf = `${cluster.projectRoot}/noscron/slurm.conf`
      await remoteOk(
        ssh,
        `mkdir -p ${shellQuote(path.posix.dirname(conf))} && grep -v '^ScronParameters' /etc/slurm/slurm.conf >${shellQuote(conf)}
         printf '%s\\nexport SLURM_CONF=%s\\n' ${shellQuote(PROFILE_MARK)} ${shellQuote(conf)} >>~/.profile`
      )
      try {
        repo.commit('main', codeChange())
        const refused = await repo.run('main')
        expect(succeeded(refused.outcome.report)).toBe(false)
        expect(refused.outcome.report.failedStep?.name).toBe('slurm')
        expect(failureMessage(refused.outcome.report)).toContain(
          "scrontab is disabled on this cluster (Slurm's ScronParameters=enable is not set)"
        )
      } finally {
        await remoteOk(ssh, `sed -i ${shellQuote(`/^${PROFILE_MARK}$/,+1d`)} ~/.profile`)
      }
      // Nothing changed: the slurm step is before the first change.
      const state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${first.sha}`)
      expect(state.history.map(h => h.result)).toEqual(['success', 'failure:slurm'])
      expect(await readTable(ssh)).toBe(table)
    },
    SLOW
  )

  it(
    'a smoke command that leaves a process behind passes with a warning; the next deploy starts at once and no process is left',
    async () => {
      const repo = fixture()
      repo.commit('main', {
        message: 'a smoke command that starts a background process',
        config: c => {
          c.project.smokeCommand = 'sleep 600 &\necho smoke started a sleep'
        }
      })
      const first = await repo.run('main')
      expectSuccess(first)
      expect(first.outcome.report.warnings).toEqual([
        expect.stringMatching(/^the smoke command left processes running; they were ended: \d+ sleep 600/)
      ])
      expect(await straySleeps()).toBe('')

      repo.commit('main', codeChange())
      const next = await repo.run('main')
      expectSuccess(next)
      const lock = next.outcome.report.steps.find(step => step.name === 'lock')!
      expect(lock.durationMs).toBeLessThan(5_000)
      expect(next.sink.lines.join('\n')).not.toContain('waiting up to')
      expect(await straySleeps()).toBe('')
    },
    SLOW
  )

  it(
    'killed right after the switch: the next status completes the go-live and says so; a rollback lands on a consistent pair',
    async () => {
      const repo = fixture()
      const first = await repo.run('main')
      expectSuccess(first)
      const killed = repo.commit(
        'main',
        misbehavingStep('switch', '  sg_shipped_switch\n  kill -KILL $$', '17 4 * * *')
      )
      const run = await repo.run('main')
      expect(run.outcome.report.completed).toBe(false)
      let state = await rootState(ssh, production)
      // Killed halfway: new code, old schedule.
      expect(state.current).toBe(`releases/${killed}`)
      expect(await readTable(ssh)).not.toContain('17 4 * * *')

      const status = await repo.run('main', { mode: 'status' })
      expectSuccess(status)
      expect(status.outcome.outputs.repaired).toMatch(
        new RegExp(`^completed the interrupted deploy of ${killed}`)
      )
      expect(status.outcome.report.warnings).toContain(status.outcome.outputs.repaired)
      await expectConsistent(production)
      expect(await readTable(ssh)).toContain('17 4 * * *')
      state = await rootState(ssh, production)
      expect(state.history.map(h => [h.mode, h.sha, h.result])).toEqual([
        ['deploy', first.sha, 'success'],
        ['deploy', killed, 'interrupted'],
        ['repair', killed, 'success']
      ])

      repo.commit('main', noOverride)
      const back = await repo.run('main', { mode: 'rollback' })
      expectSuccess(back)
      expect(back.outcome.outputs).toMatchObject({ sha: first.sha, previousSha: killed, repaired: '' })
      await expectConsistent(production)
      expect(await readTable(ssh)).not.toContain('17 4 * * *')
    },
    SLOW
  )

  it(
    'killed inside the scrontab step, after the install: the next deploy completes that go-live first, then deploys',
    async () => {
      const repo = fixture()
      expectSuccess(await repo.run('main'))
      const killed = repo.commit(
        'main',
        misbehavingStep(
          'schedule',
          '  sg_scrontab_install "$RELEASE/$RENDERED_DIR/scrontab"\n  kill -KILL $$',
          '18 4 * * *'
        )
      )
      expect((await repo.run('main')).outcome.report.completed).toBe(false)

      const fixed = repo.commit('main', {
        message: 'no override, another schedule',
        config: c => {
          noOverride.config!(c)
          scheduleChange('main', '19 4 * * *').config!(c)
        }
      })
      const next = await repo.run('main')
      expectSuccess(next)
      expect(next.outcome.outputs.repaired).toMatch(
        new RegExp(`^completed the interrupted deploy of ${killed}`)
      )
      expect(next.outcome.outputs).toMatchObject({ sha: fixed, previousSha: killed })
      await expectConsistent(production)
      expect(await readTable(ssh)).toContain('19 4 * * *')
      const history = (await rootState(ssh, production)).history.map(h => [h.mode, h.sha, h.result])
      expect(history.slice(1)).toEqual([
        ['deploy', killed, 'interrupted'],
        ['repair', killed, 'success'],
        ['deploy', fixed, 'success']
      ])
    },
    SLOW
  )

  it(
    'the whole CLI process killed in the scrontab step: the remote run records its end, and the next run leaves code and schedule agreeing',
    async () => {
      const repo = fixture()
      expectSuccess(await repo.run('main'))
      const killed = repo.commit(
        'main',
        misbehavingStep('schedule', '  sleep 2\n  sg_shipped_schedule', '21 4 * * *')
      )
      const cli = startCli(cluster, repo.repoDir, ['deploy', '--branch', 'main', '--sha', killed])
      const deadline = Date.now() + 120_000
      while (!cli.lines.some(line => line.text === '▶ schedule') && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      cli.child.kill('SIGKILL')
      expect((await cli.done).code).toBeNull()

      // The remote script goes on without its connection; the next run waits for its lock.
      repo.commit('main', noOverride)
      const status = await repo.run('main', { mode: 'status' })
      expectSuccess(status)
      const next = await repo.run('main')
      expectSuccess(next)
      await expectConsistent(production)
      const history = (await rootState(ssh, production)).history
      // The killed run has its line, whether it finished going live, failed on its lost output, or was repaired.
      expect(history.filter(h => h.sha === killed && h.mode === 'deploy')).toHaveLength(1)
    },
    SLOW
  )

  it(
    'five deploys of five successive commits started at once end with the newest live, whatever order they take the lock in',
    async () => {
      const repo: DeployFixture = fixture()
      expectSuccess(await repo.run('main'))
      const shas = [1, 2, 3, 4, 5].map(() => repo.commit('main', codeChange()))
      const runs = await Promise.all(shas.map(sha => repo.run('main', { sha })))
      for (const run of runs) expectSuccess(run)
      const newest = shas.at(-1)!
      expect(await remoteOk(ssh, `cat ${shellQuote(`${production}/current/REVISION`)}`)).toBe(newest)
      for (const [i, run] of runs.entries()) {
        const { skipped, sha } = run.outcome.outputs
        if (skipped) {
          // Skipped only for a newer commit already live, and it says which.
          expect(skipped).toMatch(
            new RegExp(
              `^main is already at a newer commit, ([0-9a-f]{40}); this run's ${shas[i]} is its ancestor`
            )
          )
          expect(shas.indexOf(sha)).toBeGreaterThan(i)
        } else {
          expect(sha).toBe(shas[i])
        }
      }
      const history = (await rootState(ssh, production)).history.slice(1)
      expect(history).toHaveLength(5)
      expect(history.filter(h => h.result === 'skipped').length).toBe(
        runs.filter(r => r.outcome.outputs.skipped).length
      )
      await expectConsistent(production)
    },
    SLOW
  )

  it(
    'a force-pushed branch deploys, and says which commit it replaces',
    async () => {
      const repo = fixture()
      const first = await repo.run('main')
      expectSuccess(first)
      const rewritten = repo.commit('main', codeChange())
      expectSuccess(await repo.run('main'))
      // Another line of history from the first commit: neither ancestor nor descendant of what is live.
      const other = repo.commit('main', codeChange(), { resetTo: first.sha })
      const run = await repo.run('main', { sha: other })
      expectSuccess(run)
      expect(run.outcome.outputs.sha).toBe(other)
      expect(run.outcome.report.warnings).toEqual([
        `${other} replaces ${rewritten}, which is not one of its ancestors (the history of main was rewritten, e.g. by a force push)`
      ])
    },
    SLOW
  )
})
