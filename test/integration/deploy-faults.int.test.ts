// What goes wrong in real deploys, on the real test cluster: a requirement pip cannot install, a failing smoke
// test, wrong host key / private key / port, two deploys at once, a connection killed in the middle, a scrontab
// table shared with hand-written entries and other deployments, hostile values, and the key staying secret.
// Each test checks the cluster afterwards: the previous release stays live, nothing partial is left behind.
import { afterAll, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { failureMessage, succeeded } from '../../src/exec/executor.js'
import { newNonce } from '../../src/exec/markers.js'
import { TransportError } from '../../src/transport/types.js'
import { connectTransport } from '../../src/transport/connect.js'
import { runRemote } from '../../src/deploy/remote-run.js'
import { compileTemplates, deploymentFor, planDeployment } from '../../src/plan/plan.js'
import { loadTemplates } from '../../src/render/templates.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { describeCluster, useCluster, shellQuote, type ClusterInfo } from './cluster.js'
import {
  codeChange,
  deployFixtures,
  failingRequirement,
  failingSmoke,
  readTable,
  remoteOk,
  requirementsChange,
  rootState,
  scheduleChange,
  StepWatchingSink,
  writeTable,
  type DeployFixture,
  type RunOptions,
  type RunResult,
  freePort,
  expectSuccess
} from './deploy-fixture.js'

const SLOW = 180_000
const OTHER_HOST_KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIF7VZpFJtiSd+8aEEKG0KOmoUZTu4CrHmv9UGo4RhFbB'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describeCluster('deploy faults on the test cluster', (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const tmp = mkdtempSync(path.join(tmpdir(), 'sg-faults-'))
  /** Everything any run or failed connect printed: checked at the end for the private key. */
  const everything: string[] = []
  const production = `${cluster.projectRoot}/production`
  const development = `${cluster.projectRoot}/development`

  const fixture = deployFixtures(cluster)
  /** A run whose log, outputs and report are kept for the secret check. */
  const run = async (repo: DeployFixture, branch: string, options?: RunOptions): Promise<RunResult> => {
    const result = await repo.run(branch, options)
    everything.push(...result.sink.events.map(e => JSON.stringify(e)), JSON.stringify(result.outcome))
    return result
  }
  /** A run that must be refused while connecting; returns the error. */
  const refused = async (repo: DeployFixture, options: RunOptions): Promise<TransportError> => {
    try {
      await repo.run('main', options)
    } catch (err) {
      everything.push(String(err), String((err as Error).stack), JSON.stringify(err))
      expect(err).toBeInstanceOf(TransportError)
      return err as TransportError
    }
    throw new Error('the run connected, but should have been refused')
  }

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
  })

  /** Deploys main once and returns what is live, to check later that a failed deploy left it alone. */
  const deployBaseline = async (repo: DeployFixture) => {
    const first = await run(repo, 'main')
    expectSuccess(first)
    return {
      sha: first.sha,
      table: await readTable(ssh),
      venvs: (await rootState(ssh, production)).completeVenvs
    }
  }

  it(
    'a requirement pip cannot install fails at step "venv"; the previous release stays live',
    async () => {
      const repo = fixture()
      const live = await deployBaseline(repo)
      const bad = repo.commit('main', failingRequirement())

      const failed = await run(repo, 'main')
      const { report } = failed.outcome
      expect(report.exitCode).not.toBe(0)
      expect(report.failedStep?.name).toBe('venv')
      expect(failureMessage(report)).toContain('pip install -r requirements.txt failed')
      expect(failed.sink.lines.join('\n')).toMatch(/does-not-exist/)

      const state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${live.sha}`)
      expect(state.releases).toEqual([live.sha])
      // The failed venv is removed; the live one is untouched.
      expect(state.venvs).toEqual(live.venvs)
      expect(state.completeVenvs).toEqual(live.venvs)
      expect(state.tmp).toEqual([])
      expect(state.history.at(-1)).toMatchObject({ sha: bad, previous: live.sha, result: 'failure:venv' })
      expect(await readTable(ssh)).toBe(live.table)
    },
    SLOW
  )

  it(
    'a scrontab table the cluster refuses switches current back; the previous release and table stay',
    async () => {
      const repo = fixture()
      const live = await deployBaseline(repo)
      const sha = repo.commit('main', codeChange())
      // The plan's checks would stop this block before any deploy (--requeue is refused in #SCRON lines), so the
      // plan is altered after planning: this tests the script's recovery when Slurm itself refuses the table.
      const config = repo.config(sha)
      const templates = await loadTemplates(config.templates, workingTreeReader(repo.repoDir))
      const plan = planDeployment(config, deploymentFor(config, 'main'), await compileTemplates(templates))
      const refused = plan.scrontabBlock.replace('#SCRON ', '#SCRON --requeue ')
      const altered = {
        ...plan,
        scrontabBlock: refused,
        files: plan.files.map(f => (f.path === 'scrontab' ? { ...f, content: refused } : f))
      }
      const transport = await connectTransport({
        kind: 'ssh',
        host: cluster.host,
        port: cluster.port,
        username: cluster.user,
        privateKey: readFileSync(cluster.privateKeyPath, 'utf8'),
        knownHosts: readFileSync(cluster.knownHostsPath, 'utf8')
      })
      const sink = new MemoryLogSink()
      const report = await runRemote({
        plan: altered,
        params: {
          mode: 'deploy',
          sha,
          target: '',
          bundle: '',
          actor: 'test-actor',
          runUrl: '',
          lookbackSeconds: ''
        },
        transport,
        sink,
        loginShell: true,
        timeoutSeconds: 120
      }).finally(() => transport.close())
      everything.push(...sink.lines)

      expect(succeeded(report)).toBe(false)
      expect(report.failedStep?.name).toBe('schedule')
      expect(sink.lines).toContain(`current switched back to releases/${live.sha}`)
      const state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${live.sha}`)
      expect(await readTable(ssh)).toBe(live.table)
      expect(state.history.at(-1)).toMatchObject({ sha, result: 'failure:schedule' })
      // The release that was briefly live is removed: it never ran with its schedule.
      expect(state.releases).toEqual([live.sha])
    },
    SLOW
  )

  it(
    'a failing smoke command fails at step "verify"; the previous release stays live',
    async () => {
      const repo = fixture()
      const live = await deployBaseline(repo)
      const bad = repo.commit('main', {
        ...failingSmoke(),
        config: c => {
          failingSmoke().config!(c)
          c.deployments.main.jobs[0].schedule = '45 1 * * *'
        }
      })

      const failed = await run(repo, 'main')
      const { report } = failed.outcome
      expect(report.exitCode).not.toBe(0)
      expect(report.failedStep?.name).toBe('verify')
      expect(failureMessage(report)).toContain('smoke-failing-on-purpose')
      expect(failureMessage(report)).toContain('the smoke command failed')

      const state = await rootState(ssh, production)
      expect(state.current).toBe(`releases/${live.sha}`)
      // The release that failed verification was never live: it is removed, so pruning does not count it.
      expect(state.releases).toEqual([live.sha])
      expect(state.history.at(-1)).toMatchObject({ sha: bad, result: 'failure:verify' })
      expect(state.tmp).toEqual([])
      // The new schedule never reached the table.
      expect(await readTable(ssh)).toBe(live.table)
      expect(await remoteOk(ssh, `cat ${production}/current/REVISION`)).toBe(live.sha)

      // A rollback afterwards goes to a release that was live, never to the one that failed verification.
      const c3 = repo.commit('main', {
        message: 'fixed smoke',
        config: c => {
          delete c.project.smokeCommand
        }
      })
      expectSuccess(await run(repo, 'main'))
      const back = await run(repo, 'main', { mode: 'rollback' })
      expectSuccess(back)
      expect(back.outcome.outputs).toMatchObject({ sha: live.sha, previousSha: c3 })
    },
    SLOW
  )

  it(
    'refuses a host key that is not in known_hosts, before anything runs',
    async () => {
      const repo = fixture()
      const e = await refused(repo, {
        knownHosts: `[${cluster.host}]:${cluster.port} ssh-ed25519 ${OTHER_HOST_KEY}\n`
      })
      expect(e.kind).toBe('host-key')
      expect(e.message).toContain(`host key for [${cluster.host}]:${cluster.port} does not match`)
      expect((await rootState(ssh, production)).history).toEqual([])
    },
    SLOW
  )

  it(
    'reports a private key the server rejects as an authentication error',
    async () => {
      const repo = fixture()
      const keyFile = path.join(tmp, 'wrong')
      const gen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', keyFile])
      expect(gen.status).toBe(0)
      const wrongKey = readFileSync(keyFile, 'utf8')
      const e = await refused(repo, { privateKey: wrongKey })
      expect(e.kind).toBe('auth')
      expect(e.message).toContain(`authentication as ${cluster.user}@${cluster.host}:${cluster.port} failed`)
      expect(e.message).toContain('--identity')
      const body = wrongKey.split('\n').filter(l => l.length >= 16 && !l.startsWith('-----'))
      for (const line of body) expect(String(e.stack)).not.toContain(line)
      expect((await rootState(ssh, production)).history).toEqual([])
    },
    SLOW
  )

  it(
    'gives up on a port nobody listens on within a bounded time, with a clear error',
    async () => {
      const repo = fixture()
      const port = await freePort()
      const started = Date.now()
      const e = await refused(repo, { port, connectTimeoutSeconds: 5 })
      const elapsed = Date.now() - started
      expect(e.kind).toBe('connect')
      expect(e.message).toMatch(
        new RegExp(`could not connect to ${cluster.host}:${port} after 3 attempts .*ECONNREFUSED`)
      )
      expect(elapsed).toBeLessThan(30_000)
    },
    SLOW
  )

  it(
    'serializes two deploys of one deployment with the lock; both succeed and the newer commit is live',
    async () => {
      const repo = fixture()
      const c1 = repo.sha('main')
      const c2 = repo.commit('main', codeChange())
      const [a, b] = await Promise.all([run(repo, 'main', { sha: c1 }), run(repo, 'main', { sha: c2 })])
      expectSuccess(a)
      expectSuccess(b)

      const state = await rootState(ssh, production)
      expect(state.history).toHaveLength(2)
      const [firstIn, secondIn] = state.history
      expect(new Set([firstIn!.sha, secondIn!.sha])).toEqual(new Set([c1, c2]))
      // The one that got the lock second saw the first one's release as live: they did not interleave.
      expect(firstIn!.previous).toBe('-')
      expect(secondIn!.previous).toBe(firstIn!.sha)
      const second = secondIn!.sha === c1 ? a : b
      const first = secondIn!.sha === c1 ? b : a
      expect(second.outcome.outputs.previousSha).toBe(firstIn!.sha)
      expect(first.outcome.outputs.previousSha).toBe('')
      if (secondIn!.sha === c2) {
        // In push order: both deployed, the second reusing the first one's venv.
        expect(state.history.map(h => h.result)).toEqual(['success', 'success'])
        expect(second.outcome.outputs.venv).toBe('reused')
        expect(state.releases.sort()).toEqual([c1, c2].sort())
      } else {
        // The older commit came second: it is skipped, and the newer one stays live.
        expect(state.history.map(h => h.result)).toEqual(['success', 'skipped'])
        expect(second.outcome.outputs).toMatchObject({ sha: c2, skipped: expect.stringContaining(c1) })
        expect(state.releases).toEqual([c2])
      }
      expect(state.current).toBe(`releases/${c2}`)
      expect(state.tmp).toEqual([])
      expect(await remoteOk(ssh, `cat ${production}/current/REVISION`)).toBe(c2)
    },
    SLOW
  )

  /** Resolves once a new venv directory exists in the project's store (being built: pip follows for a few seconds). */
  const halfBuiltVenv = async (existing: string[]) => {
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      const venvs = (await remoteOk(ssh, `ls -1 ${cluster.projectRoot}/venvs`)).split('\n')
      if (venvs.some(v => v !== '' && !existing.includes(v))) return
      await sleep(100)
    }
    throw new Error('no new venv appeared within 30 s')
  }

  /** Deploys main, then starts a deploy that builds a new venv and interrupts it with `interrupt`. */
  const interruptedVenvBuild = async (interrupt: (abort: AbortController) => Promise<void>) => {
    const repo = fixture()
    const live = await deployBaseline(repo)
    const c2 = repo.commit('main', requirementsChange('caqrn-utils==1.1.0'))
    const abort = new AbortController()
    let interrupting: Promise<void> | undefined
    const sink = new StepWatchingSink(step => {
      if (step === 'venv') interrupting = halfBuiltVenv(live.venvs).then(() => interrupt(abort))
    })
    const cut = await run(repo, 'main', { sink, signal: abort.signal })
    await interrupting
    expect(succeeded(cut.outcome.report)).toBe(false)
    expect(cut.outcome.report.exitCode).not.toBe(0)
    expect(cut.outcome.report.failedStep?.name).toBe('venv')

    const after = await rootState(ssh, production)
    expect(after.current).toBe(`releases/${live.sha}`)
    expect(after.releases).toEqual([live.sha])
    expect(after.completeVenvs).toEqual(live.venvs)
    expect(await readTable(ssh)).toBe(live.table)

    const next = await run(repo, 'main')
    expectSuccess(next)
    expect(next.outcome.outputs).toMatchObject({ sha: c2, previousSha: live.sha, venv: 'built' })
    const state = await rootState(ssh, production)
    expect(state.current).toBe(`releases/${c2}`)
    expect(state.tmp).toEqual([])
    expect(state.venvs.sort()).toEqual(state.completeVenvs.sort())
    expect(
      await remoteOk(
        ssh,
        `source ${production}/env.sh && python -c 'import caqrn_utils as u; print(u.__version__)'`
      )
    ).toBe('1.1.0')
    return { cut, after, next }
  }

  it(
    'a deploy cancelled during the venv build leaves the previous release live; the next deploy succeeds',
    async () => {
      const { cut, after, next } = await interruptedVenvBuild(async abort => abort.abort())
      const { report } = cut.outcome
      expect(report.cancelled).toBe(true)
      // Not the status of the script's last command before the TERM (0: a "successful" cancelled run), but a
      // failure of the step it was in (143 from the signal trap, or pip's own status if that came first).
      expect(report.exitCode).not.toBe(0)
      expect(report.failedStep?.name).toBe('venv')
      expect(report.failedStep?.exitCode).not.toBe(0)
      expect(after.history.at(-1)).toMatchObject({ sha: next.sha, result: 'failure:venv' })
      expect(after.tmp).toEqual([])
      // The venv was cut off half-built: the next deploy saw it and built it again.
      expect(after.venvs.length).toBeGreaterThan(after.completeVenvs.length)
      expect(next.sink.lines.some(l => /^removing incomplete venv [0-9a-f]{16}/.test(l))).toBe(true)
    },
    SLOW
  )

  it(
    'a deploy whose remote processes are killed (no trap runs) leaves nothing partial live; the next one cleans up',
    async () => {
      const { cut, after, next } = await interruptedVenvBuild(async () => {
        // The script's own process group (its pid is in .lock.owner), killed with KILL: no EXIT trap, no record.
        const holder = await remoteOk(ssh, `cat ${production}/.lock.owner`)
        const pid = /\tpid=(\d+)/.exec(holder)?.[1]
        expect(pid).toMatch(/^\d+$/)
        await remoteOk(ssh, `kill -KILL -- -${pid}`)
      })
      expect(cut.outcome.report.completed).toBe(false)
      expect(cut.outcome.report.problem).toContain('ended without reporting completion')
      // No trap ran: the run's temporary directory is left, and no history line was written; the next run
      // writes it (interrupted) and removes the directory.
      expect(after.tmp.length).toBe(1)
      expect(after.history).toHaveLength(1)
      expect((await rootState(ssh, production)).history.map(h => h.result)).toEqual([
        'success',
        'interrupted',
        'success'
      ])
      expect(next.sink.lines.some(l => l.includes('was killed before it could record its end'))).toBe(true)
      expect(after.venvs.length).toBeGreaterThan(after.completeVenvs.length)
      expect(next.sink.lines.some(l => /^removing incomplete venv [0-9a-f]{16}/.test(l))).toBe(true)
    },
    SLOW
  )

  it(
    'keeps hand-written scrontab lines and other deployments blocks byte for byte over two deploys of each branch',
    async () => {
      const repo = fixture()
      const foreign =
        '# hand-written by the group admin   \n' +
        '#DISABLED: 0 5 * * * /bin/true\n' +
        '#SCRON --partition=dev --time=5\n' +
        '0 4 * * * /bin/true\n' +
        '\n' +
        '# >>> slurm-gitops otherproject production >>>\n' +
        '#SCRON --partition=dev --time=5 --job-name=otherproject-production-nightly\n' +
        '0 6 * * * /bin/true\n' +
        '# <<< slurm-gitops otherproject production <<<\n'
      await writeTable(ssh, foreign)
      expect(await readTable(ssh)).toBe(foreign)

      const blocks: Record<string, string> = {}
      for (const round of [1, 2]) {
        for (const branch of ['main', 'develop']) {
          if (round === 2)
            repo.commit(branch, scheduleChange(branch, branch === 'main' ? '10 1 * * *' : '20 1 * * *'))
          const r = await run(repo, branch)
          expectSuccess(r)
          expect(r.outcome.outputs.scrontab).toBe('changed')
          blocks[branch] = r.outcome.plan.scrontabBlock
          expect(await readTable(ssh)).toBe(foreign + blocks['main'] + (blocks['develop'] ?? ''))
        }
      }
      expect(blocks['main']).toContain(`10 1 * * * ${production}/jobs/daily.sh`)
      expect(blocks['develop']).toContain(`20 1 * * * ${development}/jobs/daily.sh`)
      // The hand-written entry's cron job is still scheduled (an install resubmits every entry).
      const queued = await remoteOk(ssh, `squeue -h -u ${cluster.user} -o %j`)
      expect(queued.split('\n')).toEqual(expect.arrayContaining(['otherproject-production-nightly']))
    },
    SLOW
  )

  it(
    'carries shell metacharacters in actor and run URL literally into the history, never running them',
    async () => {
      const repo = fixture()
      const marker = `/tmp/sg-pwned-${newNonce()}`
      const actor = `$(touch ${marker}-a)\`touch ${marker}-b\`'"; touch ${marker}-c #`
      const runUrl = `https://github.example/x/actions/runs/1?a=$(touch ${marker}-d)&b='\`touch ${marker}-e\`'"$HOME"`
      const r = await run(repo, 'main', { actor, runUrl })
      expectSuccess(r)
      const bad = repo.commit('main', failingRequirement())
      const failed = await run(repo, 'main', { actor, runUrl })
      expect(failed.outcome.report.failedStep?.name).toBe('venv')

      const state = await rootState(ssh, production)
      expect(state.history).toHaveLength(2)
      expect(state.history[0]).toMatchObject({ actor, run: runUrl, result: 'success', sha: r.sha })
      expect(state.history[1]).toMatchObject({ actor, run: runUrl, result: 'failure:venv', sha: bad })
      // The owner file, which held them while the run ran, went with the run.
      expect(await remoteOk(ssh, `ls -a ${production}`)).not.toContain('.lock.owner')
      expect(await remoteOk(ssh, `ls -d ${shellQuote(marker)}* 2>/dev/null | wc -l`)).toBe('0')
    },
    SLOW
  )

  it('never shows the SSH private key in any log line, output or error', () => {
    const key = readFileSync(cluster.privateKeyPath, 'utf8')
    const pieces = key.split('\n').filter(l => l.length >= 16 && !l.startsWith('-----'))
    expect(pieces.length).toBeGreaterThan(0)
    expect(everything.length).toBeGreaterThan(50)
    const all = everything.join('\n')
    expect(all).not.toContain('PRIVATE KEY')
    for (const piece of pieces) expect(all).not.toContain(piece)
  })
})
