// The deploy and rollback commands of the bundled action, run the way the runner runs it: `node
// dist/index.js` with INPUT_* variables (action.yml's defaults), a push or workflow_dispatch event file,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files, GITHUB_API_URL pointing at a local HTTP server. The
// runs go to
// the real test cluster (test/integration/cluster.ts) from a fixture repository
// (test/integration/deploy-fixture.ts) as the workspace.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { Inputs } from '../../src/action/constants.js'
import { describeCluster, resetCluster, type ClusterInfo } from '../integration/cluster.js'
import {
  codeChange,
  deployFixtures,
  failingRequirement,
  readTable,
  remoteOk,
  requirementsChange,
  rootState,
  scheduleChange,
  type DeployFixture
} from '../integration/deploy-fixture.js'
import { mergedPull, startFakeGitHub, type FakeGitHub } from './fake-github.js'
import { repoRoot } from '../repo-root.js'
import { parseFileCommands, runActionProcess, type StdoutWatcher } from './runner.js'

const CONFIG = '.github/slurm-gitops.yml'
const TOKEN = 'ghs_deploy_action_test_token'
const SERVER_URL = 'https://github.example.invalid'
const SLOW = 240_000
/** `github-deployment: create`: the action records the deployment itself (a job without `environment:`). */
const CREATE: Trigger['with'] = { [Inputs.GitHubDeployment]: 'create' }
/** The steps of a deploy, in order (deploy-templates/deploy.sh.hbs). */
const DEPLOY_STEPS = [
  'preflight',
  'lock',
  'unchanged',
  'fetch',
  'slurm',
  'ancestry',
  'venv',
  'release',
  'verify',
  'switch',
  'schedule',
  'prune',
  'record'
]

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

/** What starts the workflow run: a push (GITHUB_SHA is the pushed commit), or a workflow_dispatch. */
interface Trigger {
  ref: string
  sha: string
  /** push: the commit before it. */
  before?: string
  /** workflow_dispatch: the form's inputs (the event's `inputs`). */
  dispatch?: Record<string, string>
  /** pull_request: the PR (GITHUB_SHA, `sha`, is its test merge, checked out as the workspace). */
  pullRequest?: { number: number; base: string; baseSha: string; headRef: string; headSha: string }
  /** The workflow step's `with:` beyond what every run gives (config, token, SSH key and known_hosts). */
  with?: Partial<Record<Inputs, string>>
}

interface StepRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  state: Record<string, string>
}

/**
 * What the runner makes of stdout: the workflow commands it obeys and the lines it only shows. Like the runner,
 * a line is a command when it starts with `::` after leading whitespace; `::stop-commands::<token>` switches
 * commands off until a line `::<token>::`.
 */
function workflowCommands(stdout: string): { obeyed: string[]; shown: string[] } {
  const obeyed: string[] = []
  const shown: string[] = []
  let stopToken: string | undefined
  for (const line of stdout.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined
      else shown.push(line)
      continue
    }
    if (!trimmed.startsWith('::')) {
      shown.push(line)
      continue
    }
    obeyed.push(trimmed)
    const stop = /^::stop-commands::(.+)$/.exec(trimmed)
    if (stop) stopToken = stop[1]
  }
  return { obeyed, shown }
}

/** @actions/core's escaping of a command's data (toCommandValue → escapeData). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

describeCluster('command: deploy on a push, run as the runner runs it', (cluster: ClusterInfo) => {
  let action: ActionYaml
  let tmp: string
  let github: FakeGitHub
  const privateKey = () => readFileSync(cluster.privateKeyPath, 'utf8')
  const knownHosts = () => readFileSync(cluster.knownHostsPath, 'utf8')
  const production = `${cluster.projectRoot}/production`

  beforeAll(async () => {
    // The runner runs dist/index.js, so that is what is tested: build it from the current sources.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
    action = parse(await readFile(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYaml
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-deploy-action-'))
  }, 120_000)

  afterAll(async () => {
    await resetCluster(cluster)
    await rm(tmp, { recursive: true, force: true })
  })

  beforeEach(async () => {
    await resetCluster(cluster)
    github = await startFakeGitHub()
  })

  afterEach(async () => {
    await github.close()
  })

  const fixture = deployFixtures(cluster)

  let runCount = 0
  /** Per test: RUNNER_TEMP and the files the runner provides. */
  async function runnerFiles() {
    const dir = path.join(tmp, `run-${++runCount}`)
    await mkdir(path.join(dir, 'runner-temp'), { recursive: true })
    return {
      dir,
      runnerTemp: path.join(dir, 'runner-temp'),
      runId: String(7700 + runCount)
    }
  }
  type RunnerFiles = Awaited<ReturnType<typeof runnerFiles>>

  const runUrl = (files: RunnerFiles) => `${SERVER_URL}/caqrn/pipeline/actions/runs/${files.runId}`

  /**
   * The action's step for `trigger`: a push of `sha` to `ref`, or (with
   * `dispatch`) a workflow_dispatch of `ref` at `sha` with the form's inputs. `with` is what the workflow
   * gives the action beyond the secrets and config (the rest keeps action.yml's defaults: command is auto).
   * `onStdout` sees the step's stdout as it comes, with the process (to signal it in the middle of a run).
   */
  async function runStep(
    repo: DeployFixture,
    files: RunnerFiles,
    trigger: Trigger,
    step: { name: 'main'; onStdout?: StdoutWatcher } = { name: 'main' }
  ): Promise<StepRun> {
    const file = (name: string) => path.join(files.dir, `${step.name}-${name}`)
    const paths = {
      event: path.join(files.dir, 'event.json'),
      summary: file('summary.md'),
      output: file('output.txt'),
      state: file('state.txt')
    }
    const repository = {
      name: 'pipeline',
      full_name: 'caqrn/pipeline',
      owner: { login: 'caqrn', name: 'caqrn' },
      default_branch: 'main'
    }
    const pull = trigger.pullRequest
    const event = pull
      ? {
          action: 'synchronize',
          number: pull.number,
          pull_request: {
            number: pull.number,
            base: { ref: pull.base, sha: pull.baseSha },
            head: { ref: pull.headRef, sha: pull.headSha }
          },
          repository,
          sender: { login: 'octocat' }
        }
      : trigger.dispatch
        ? {
            inputs: trigger.dispatch,
            ref: trigger.ref,
            repository,
            sender: { login: 'octocat' },
            workflow: '.github/workflows/deploy.yml'
          }
        : {
            ref: trigger.ref,
            before: trigger.before ?? '0'.repeat(40),
            after: trigger.sha,
            created: false,
            deleted: false,
            forced: false,
            head_commit: { id: trigger.sha, message: 'a change', author: { name: 'Test Author' } },
            pusher: { name: 'octocat' },
            repository,
            sender: { login: 'octocat' }
          }
    await writeFile(paths.event, JSON.stringify(event))
    await Promise.all([paths.summary, paths.output, paths.state].map(f => writeFile(f, '')))

    // The runner sets every declared input, with action.yml's default when the workflow gives none; it keeps
    // hyphens in the names (INPUT_SSH-PRIVATE-KEY). Expressions such as ${{ github.token }} are the workflow's.
    const inputs: Record<string, string> = {}
    for (const [name, spec] of Object.entries(action.inputs)) {
      inputs[name] = spec.default?.includes('${{') ? '' : (spec.default ?? '')
    }
    Object.assign(inputs, {
      [Inputs.Config]: CONFIG,
      [Inputs.GitHubToken]: TOKEN,
      [Inputs.SshPrivateKey]: privateKey(),
      [Inputs.SshKnownHosts]: knownHosts(),
      ...trigger.with
    })
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmp,
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
      ),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: pull ? 'pull_request' : trigger.dispatch ? 'workflow_dispatch' : 'push',
      GITHUB_EVENT_PATH: paths.event,
      GITHUB_REF: trigger.ref,
      GITHUB_REF_NAME: trigger.ref.replace(/^refs\/(heads\/|pull\/)/, ''),
      GITHUB_SHA: trigger.sha,
      GITHUB_STEP_SUMMARY: paths.summary,
      GITHUB_OUTPUT: paths.output,
      GITHUB_STATE: paths.state,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: SERVER_URL,
      GITHUB_REPOSITORY: 'caqrn/pipeline',
      GITHUB_REPOSITORY_OWNER: 'caqrn',
      GITHUB_RUN_ID: files.runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'octocat',
      GITHUB_WORKFLOW: 'deploy',
      GITHUB_WORKSPACE: repo.repoDir,
      RUNNER_TEMP: files.runnerTemp
    }
    return {
      ...(await runActionProcess(env, repo.repoDir, step.onStdout)),
      summary: await readFile(paths.summary, 'utf8'),
      outputs: parseFileCommands(await readFile(paths.output, 'utf8')),
      state: parseFileCommands(await readFile(paths.state, 'utf8'))
    }
  }

  /**
   * The main step: the SSH key and known_hosts never touch the disk, so it leaves nothing under RUNNER_TEMP,
   * and a deploy saves no state for the post step (which only cancels a sandbox job left unfinished).
   */
  async function runMain(
    repo: DeployFixture,
    files: RunnerFiles,
    trigger: Trigger
  ): Promise<{ main: StepRun }> {
    const main = await runStep(repo, files, trigger)
    expect(await readdir(files.runnerTemp)).toEqual([])
    expect(main.state).toEqual({ isPost: 'true' })
    return { main }
  }

  /** The main step's log, explained when it failed unexpectedly. */
  const explain = (run: StepRun) =>
    `exit ${run.code}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`

  const current = async () => (await rootState(cluster, production)).current

  it(
    'deploys the pushed commit: outputs, summary, log groups, no second deployment, no key on disk',
    async () => {
      const repo = fixture()
      const sha = repo.sha('main')
      const files = await runnerFiles()
      const { main } = await runMain(repo, files, { ref: 'refs/heads/main', sha })
      if (main.code !== 0) throw new Error(explain(main))
      expect(main.stderr).toBe('')

      expect(main.outputs).toEqual({
        command: 'deploy',
        sha,
        'previous-sha': '',
        release: expect.stringContaining(sha),
        environment: 'production',
        venv: 'built',
        scrontab: 'changed',
        skipped: ''
      })

      expect(main.summary).toContain('slurm-gitops deploy: main → production succeeded')
      expect(main.summary).toContain(`<td>Commit</td><td>${sha.slice(0, 12)}</td>`)
      expect(main.summary).toContain('<td>Venv</td><td>built</td>')
      expect(main.summary).toContain('<td>scrontab</td><td>changed</td>')
      expect(main.summary).toContain('<h3>scrontab block</h3>')
      expect(main.summary).toContain(`0 2 * * * ${production}/jobs/daily.sh`)

      // One log group per step, in order, each opened and closed while workflow commands are on.
      const { obeyed } = workflowCommands(main.stdout)
      const groups = obeyed.filter(c => c.startsWith('::group::')).map(c => c.slice('::group::'.length))
      expect(groups).toEqual(DEPLOY_STEPS)
      expect(obeyed.filter(c => c === '::endgroup::')).toHaveLength(DEPLOY_STEPS.length)
      // Remote output was written with commands stopped, and they are back on at the end: a command written
      // after the run (e.g. by core.setFailed) is obeyed.
      const stops = obeyed.filter(c => c.startsWith('::stop-commands::'))
      expect(stops.length).toBeGreaterThan(0)
      expect(workflowCommands(`${main.stdout}\n::notice::probe\n`).obeyed).toContain('::notice::probe')
      expect(obeyed.filter(c => /^::(error|warning)/.test(c))).toEqual([])

      // The job's `environment:` records the deployment (github-deployment off, the default): the action
      // creates none, so GitHub shows one per push. It only asked which pull request was merged as the commit.
      expect(github.deployments).toEqual([])
      expect(github.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        `GET /repos/caqrn/pipeline/commits/${sha}/pulls?per_page=100`
      ])
      expect(github.requests.every(r => r.authorization === `token ${TOKEN}`)).toBe(true)
      // Made by the action's own client (src/github/client.ts), which names slurm-gitops.
      expect(github.requests.every(r => r.userAgent?.startsWith('slurm-gitops/'))).toBe(true)
      expect(main.stdout).toContain(
        'No reviewed plan: no pull request into this branch was merged as this commit (a direct push).'
      )
      expect(main.summary).toContain('ℹ️ No reviewed plan: no pull request into this branch was merged')

      // On the cluster: current is the pushed commit, the history names the actor and the run.
      const state = await rootState(cluster, production)
      expect(state.current).toBe(`releases/${sha}`)
      expect(state.history.at(-1)).toMatchObject({ sha, actor: 'octocat', run: runUrl(files) })

      // The private key is masked line by line before anything is printed: the runner masks log lines one at a
      // time, so the whole multi-line value (one escaped ::add-mask::) would never match a line by itself.
      const keyLines = privateKey()
        .split('\n')
        .map(l => l.trim())
        .filter(l => l.length >= 8)
      const lines = main.stdout.split('\n')
      const firstOther = lines.findIndex(l => !l.startsWith('::add-mask::'))
      const masks = lines.slice(0, firstOther)
      expect(masks).toContain(`::add-mask::${TOKEN}`)
      expect(masks).toContain(`::add-mask::${escapeData(privateKey().trim())}`)
      for (const keyLine of keyLines) {
        expect(masks).toContain(`::add-mask::${keyLine}`)
        // Nowhere else: not in the rest of the log, not on stderr, not in the files.
        expect(lines.slice(firstOther).filter(l => l.includes(keyLine))).toEqual([])
        expect(main.stderr).not.toContain(keyLine)
        expect(main.summary).not.toContain(keyLine)
        expect(JSON.stringify(main.outputs) + JSON.stringify(main.state)).not.toContain(keyLine)
      }
    },
    SLOW
  )

  it(
    'fails the step naming "venv" when a requirement cannot be installed; the previous release stays live',
    async () => {
      const repo = fixture()
      const good = repo.commit('main', codeChange())
      const first = await runMain(repo, await runnerFiles(), {
        ref: 'refs/heads/main',
        sha: good,
        with: CREATE
      })
      if (first.main.code !== 0) throw new Error(explain(first.main))
      expect(await current()).toBe(`releases/${good}`)

      const bad = repo.commit('main', failingRequirement())
      const files = await runnerFiles()
      const { main } = await runMain(repo, files, {
        ref: 'refs/heads/main',
        sha: bad,
        before: good,
        with: CREATE
      })
      expect(main.code).toBe(1)
      const { obeyed, shown } = workflowCommands(main.stdout)
      const errors = obeyed.filter(c => c.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /^::error::slurm-gitops deploy of main: step "venv" failed with exit code [1-9]/
      )
      expect(errors[0]).toContain('does-not-exist')
      // pip's own complaint is in the venv group, as text.
      expect(shown.join('\n')).toMatch(/does-not-exist/)

      expect(main.summary).toContain('slurm-gitops deploy: main → production failed')
      expect(main.summary).toContain('<h3>Failure</h3>')
      // The failed commit is never reported as live; the one that stays live is the previous one.
      expect(main.outputs.sha).not.toBe(bad)
      expect(main.outputs['previous-sha']).toBe(good)

      // github-deployment create: the action's own deployment, production, the pushed commit, linking the run.
      expect(github.deployments).toHaveLength(2)
      expect(github.deployments[0]!.request).toMatchObject({
        ref: good,
        environment: 'production',
        production_environment: true,
        auto_merge: false,
        required_contexts: []
      })
      expect(github.deployments[0]!.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
      const deployment = github.deployments[1]!
      expect(deployment.request).toMatchObject({ ref: bad, environment: 'production' })
      expect(deployment.statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])
      expect(deployment.statuses.at(-1)!.log_url).toBe(runUrl(files))

      expect(await current()).toBe(`releases/${good}`)
    },
    SLOW
  )

  it(
    'the runner cancels a deploy (SIGTERM during the venv build): the step fails, the previous release stays live, nothing keeps running; the next deploy succeeds',
    async () => {
      const repo = fixture()
      const a = repo.sha('main')
      const first = await runMain(repo, await runnerFiles(), { ref: 'refs/heads/main', sha: a, with: CREATE })
      if (first.main.code !== 0) throw new Error(explain(first.main))
      expect(await current()).toBe(`releases/${a}`)
      const tableA = await readTable(cluster)

      // B needs a new venv. On cancel the runner signals the step's node process (SIGINT, then SIGTERM): here
      // SIGTERM, as soon as the venv step's log group opens.
      const b = repo.commit('main', requirementsChange('caqrn-utils==1.1.0'))
      const files = await runnerFiles()
      let signalledAt: number | undefined
      // Who holds the lock, read while the run holds it (the owner file goes with the run): its pid.
      let owner: Promise<string> | undefined
      const trigger: Trigger = { ref: 'refs/heads/main', sha: b, before: a, with: CREATE }
      const main = await runStep(repo, files, trigger, {
        name: 'main',
        onStdout: (stdout, child) => {
          if (owner === undefined && /^::group::venv$/m.test(stdout)) {
            owner = remoteOk(cluster, `cat ${production}/.lock.owner`)
            void owner.finally(() => {
              signalledAt = Date.now()
              child.kill('SIGTERM')
            })
          }
        }
      })
      const exitedAt = Date.now()
      if (signalledAt === undefined) throw new Error(`the venv step never began\n${explain(main)}`)
      // The action handles the signal (it is not killed by it): it stops the remote run, reports, and fails.
      expect(main.signal).toBeNull()
      expect(main.code).toBe(1)
      expect(exitedAt - signalledAt).toBeLessThan(15_000)

      const { obeyed } = workflowCommands(main.stdout)
      const groups = obeyed.filter(c => c.startsWith('::group::')).map(c => c.slice('::group::'.length))
      expect(groups).toEqual(DEPLOY_STEPS.slice(0, DEPLOY_STEPS.indexOf('venv') + 1))
      expect(obeyed.filter(c => c.startsWith('::warning'))).toEqual([
        '::warning::the run was cancelled; stopping the remote script (TERM, then KILL)'
      ])
      const errors = obeyed.filter(c => c.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /^::error::slurm-gitops deploy of main: the run was cancelled and the remote script was stopped during step "venv"/
      )
      expect(main.summary).toContain('slurm-gitops deploy: main → production failed')
      expect(main.outputs.sha).not.toBe(b)
      expect(main.outputs['previous-sha']).toBe(a)

      // The GitHub deployment of B is marked failed before the process exits.
      expect(github.deployments).toHaveLength(2)
      expect(github.deployments[1]!.request).toMatchObject({ ref: b, environment: 'production' })
      expect(github.deployments[1]!.statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])
      expect(github.deployments[1]!.statuses.at(-1)!.log_url).toBe(runUrl(files))

      // Nothing was written under RUNNER_TEMP, cancelled or not.
      expect(await readdir(files.runnerTemp)).toEqual([])

      // On the cluster: A is still live with its schedule; the history line of B says the venv step failed.
      const after = await rootState(cluster, production)
      expect(after.current).toBe(`releases/${a}`)
      expect(after.releases).toEqual([a])
      expect(await readTable(cluster)).toBe(tableA)
      expect(after.history.at(-1)).toMatchObject({
        mode: 'deploy',
        sha: b,
        previous: a,
        run: runUrl(files),
        result: 'failure:venv'
      })
      // The script's EXIT trap ran (it wrote that line), so it removed its temporary directory too.
      expect(after.tmp).toEqual([])

      // Nothing of the run is left: not the script's process group (its pid is in .lock.owner, and sshd
      // made it a session leader), not pip.
      const holder = await owner!
      const pid = /\tpid=(\d+)/.exec(holder)?.[1]
      expect(holder).toContain(`sha=${b}`)
      expect(pid).toMatch(/^\d+$/)
      const leftovers = () =>
        remoteOk(cluster, `{ pgrep -g ${pid} -a; pgrep -u ${cluster.user} -af '[p]ip install'; } || true`)
      const deadline = Date.now() + 5_000
      while ((await leftovers()) !== '' && Date.now() < deadline) await new Promise(r => setTimeout(r, 250))
      expect(await leftovers()).toBe('')

      // Deploying B again builds its venv (the interrupted build never completed) and succeeds.
      const again = await runnerFiles()
      const next = await runMain(repo, again, trigger)
      if (next.main.code !== 0) throw new Error(explain(next.main))
      expect(next.main.outputs).toMatchObject({ sha: b, 'previous-sha': a, venv: 'built' })
      const state = await rootState(cluster, production)
      expect(state.current).toBe(`releases/${b}`)
      expect(state.tmp).toEqual([])
      expect(state.venvs.sort()).toEqual(state.completeVenvs.sort())
      expect(state.history.at(-1)).toMatchObject({ sha: b, previous: a, result: 'success' })
      expect(
        await remoteOk(
          cluster,
          `source ${production}/env.sh && python -c 'import caqrn_utils as u; print(u.__version__)'`
        )
      ).toBe('1.1.0')
      expect(github.deployments).toHaveLength(3)
      expect(github.deployments[2]!.request).toMatchObject({ ref: b })
      expect(github.deployments[2]!.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
    },
    SLOW
  )

  it(
    'does nothing on a push to a branch without a deployment: a notice, no key written, no connection',
    async () => {
      const repo = fixture()
      const sha = repo.commit('feature-x', codeChange())
      const files = await runnerFiles()
      const { main } = await runMain(repo, files, { ref: 'refs/heads/feature-x', sha })
      expect(main.stderr).toBe('')
      expect(main.code).toBe(0)
      expect(workflowCommands(main.stdout).obeyed).toContain(
        `::notice::branch feature-x has no deployment in ${CONFIG}: nothing to deploy`
      )
      expect(main.outputs).toEqual({ command: 'deploy' })
      expect(main.summary).toBe('')
      expect(github.requests).toEqual([])
      const state = await rootState(cluster, production)
      expect(state.current).toBe('')
      expect(state.history).toEqual([])
    },
    SLOW
  )

  it(
    'still deploys when the token may not create deployments, with a warning naming deployments: write',
    async () => {
      github.denyDeployments = 403
      const repo = fixture()
      const sha = repo.sha('main')
      const { main } = await runMain(repo, await runnerFiles(), { ref: 'refs/heads/main', sha, with: CREATE })
      if (main.code !== 0) throw new Error(explain(main))
      const warnings = workflowCommands(main.stdout).obeyed.filter(c => c.startsWith('::warning'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(
        /^::warning::could not record a GitHub deployment for production \(HTTP 403: .*\); give the workflow `permissions: deployments: write`/
      )
      expect(github.deployments).toEqual([])
      expect(main.outputs.sha).toBe(sha)
      expect(await current()).toBe(`releases/${sha}`)
    },
    SLOW
  )

  it(
    'shows but never obeys a workflow command printed on the cluster',
    async () => {
      const repo = fixture()
      const sha = repo.commit('main', {
        message: 'a smoke command that prints workflow commands',
        config: c => {
          c.project.smokeCommand = `python -c 'print("::error::forged"); print("::add-mask::x"); print("  ::warning::forged")'`
        }
      })
      const { main } = await runMain(repo, await runnerFiles(), { ref: 'refs/heads/main', sha })
      if (main.code !== 0) throw new Error(explain(main))
      const lines = main.stdout.split('\n')
      for (const forged of ['::error::forged', '::add-mask::x', '  ::warning::forged']) {
        // Printed (so the user sees it) …
        expect(lines).toContain(forged)
        // … only between ::stop-commands::<token> and ::<token>::.
        const { obeyed, shown } = workflowCommands(main.stdout)
        expect(shown).toContain(forged)
        expect(obeyed).not.toContain(forged.trim())
      }
      const { obeyed } = workflowCommands(main.stdout)
      expect(obeyed.filter(c => /^::(error|warning|add-mask::x)/.test(c))).toEqual([])
      // The stop token is the same for the whole run and never the forged text.
      const tokens = new Set(
        obeyed.filter(c => c.startsWith('::stop-commands::')).map(c => c.slice('::stop-commands::'.length))
      )
      expect(tokens.size).toBe(1)
      expect(await current()).toBe(`releases/${sha}`)
    },
    SLOW
  )

  describe('command auto on a workflow_dispatch whose command input is rollback', () => {
    /** The remote steps of a rollback (deploy-templates/deploy.sh.hbs). */
    const ROLLBACK_STEPS = ['preflight', 'lock', 'slurm', 'target', 'switch', 'schedule', 'record']

    /**
     * Deploys main's first commit A, then B (another schedule, so the scrontab block differs), by pushes as
     * the tests above do; returns both with the scrontab table each installed.
     */
    async function deployAThenB(repo: DeployFixture) {
      const a = repo.sha('main')
      const first = await runMain(repo, await runnerFiles(), { ref: 'refs/heads/main', sha: a, with: CREATE })
      if (first.main.code !== 0) throw new Error(explain(first.main))
      const tableA = await readTable(cluster)
      expect(tableA).toContain(`0 2 * * * ${production}/jobs/daily.sh`)

      const b = repo.commit('main', scheduleChange('main', '15 4 * * *'))
      const second = await runMain(repo, await runnerFiles(), {
        ref: 'refs/heads/main',
        sha: b,
        before: a,
        with: CREATE
      })
      if (second.main.code !== 0) throw new Error(explain(second.main))
      expect(second.main.outputs.scrontab).toBe('changed')
      const tableB = await readTable(cluster)
      expect(tableB).toContain(`15 4 * * * ${production}/jobs/daily.sh`)
      expect(tableB).not.toContain('0 2 * * *')
      expect(await current()).toBe(`releases/${b}`)
      expect(github.deployments.map(d => d.request.ref)).toEqual([a, b])
      return { a, b, tableA, tableB }
    }

    /**
     * A dispatch of main with the form's command rollback (the action's own command input stays `auto`),
     * as a workflow passing `branch` and `to` through (`with: { branch: main, to: ${{ inputs.to }} }`), and
     * recording the deployment itself (the example's dispatch job has no `environment:`).
     * GITHUB_SHA is `sha`, the tip of main — not necessarily the commit the rollback restores.
     */
    const dispatchRollback = (repo: DeployFixture, files: RunnerFiles, sha: string, to = '') =>
      runMain(repo, files, {
        ref: 'refs/heads/main',
        sha,
        dispatch: { command: 'rollback', branch: 'main', to },
        with: { ...CREATE, [Inputs.Branch]: 'main', [Inputs.To]: to }
      })

    it(
      'goes back to the previous release and its scrontab block, deployed as that commit; then forward by prefix',
      async () => {
        const repo = fixture()
        const { a, b, tableA, tableB } = await deployAThenB(repo)

        // Without `to`: the release live before, A. GITHUB_SHA is B (main's tip), which must not be recorded.
        const files = await runnerFiles()
        const { main } = await dispatchRollback(repo, files, b)
        if (main.code !== 0) throw new Error(explain(main))
        expect(main.stderr).toBe('')
        expect(main.stdout).toContain(
          'slurm-gitops rollback (auto (workflow_dispatch event), its command input)'
        )
        expect(main.outputs).toMatchObject({
          sha: a,
          'previous-sha': b,
          release: `${production}/releases/${a}`,
          environment: 'production',
          scrontab: 'changed'
        })
        const { obeyed } = workflowCommands(main.stdout)
        expect(obeyed.filter(c => c.startsWith('::group::')).map(c => c.slice('::group::'.length))).toEqual(
          ROLLBACK_STEPS
        )
        expect(obeyed.filter(c => /^::(error|warning)/.test(c))).toEqual([])

        // On the cluster: current is A's release and A's scrontab block is back (B's schedule is gone).
        expect(await remoteOk(cluster, `readlink ${production}/current`)).toBe(`releases/${a}`)
        const table = await readTable(cluster)
        expect(table).toBe(tableA)
        expect(table).toContain(`0 2 * * * ${production}/jobs/daily.sh`)
        expect(table).not.toContain('15 4 * * *')
        const state = await rootState(cluster, production)
        expect(state.history.at(-1)).toMatchObject({
          mode: 'rollback',
          sha: a,
          previous: b,
          actor: 'octocat',
          run: runUrl(files),
          result: 'success'
        })

        // The deployment records the restored commit A, not the dispatch's GITHUB_SHA.
        expect(github.deployments).toHaveLength(3)
        const deployment = github.deployments[2]!
        expect(deployment.request).toMatchObject({
          ref: a,
          environment: 'production',
          production_environment: true,
          description: 'slurm-gitops rollback of main'
        })
        expect(deployment.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
        for (const status of deployment.statuses) expect(status.log_url).toBe(runUrl(files))
        expect(github.requests.every(r => r.authorization === `token ${TOKEN}`)).toBe(true)

        expect(main.summary).toContain('slurm-gitops rollback: main → production succeeded')
        expect(main.summary).toContain(`<td>Commit</td><td>${a.slice(0, 12)}</td>`)
        expect(main.summary).toContain(`<td>Previous commit</td><td>${b.slice(0, 12)}</td>`)
        // The summary shows the block the rollback installed (A's), not the checked-out config's (B's).
        const block = /<h3>scrontab block<\/h3>[\s\S]*?```\n([\s\S]*?)```/.exec(main.summary)?.[1] ?? ''
        expect(block).toContain('0 2 * * * ')
        expect(block).not.toContain('15 4 * * *')

        // With `to` a prefix of B: forward to B again, with B's block.
        const forwardFiles = await runnerFiles()
        const forward = (await dispatchRollback(repo, forwardFiles, b, b.slice(0, 10))).main
        if (forward.code !== 0) throw new Error(explain(forward))
        expect(forward.outputs).toMatchObject({
          sha: b,
          'previous-sha': a,
          release: `${production}/releases/${b}`
        })
        expect(await current()).toBe(`releases/${b}`)
        expect(await readTable(cluster)).toBe(tableB)
        expect(github.deployments).toHaveLength(4)
        expect(github.deployments[3]!.request).toMatchObject({ ref: b, environment: 'production' })
        expect(github.deployments[3]!.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
        expect(forward.summary).toContain('slurm-gitops rollback: main → production succeeded')
      },
      SLOW
    )

    it(
      'fails naming the kept releases when `to` is not one of them; nothing changes',
      async () => {
        const repo = fixture()
        const { a, b, tableB } = await deployAThenB(repo)

        const { main } = await dispatchRollback(repo, await runnerFiles(), b, 'deadbeef00')
        expect(main.code).toBe(1)
        const errors = workflowCommands(main.stdout).obeyed.filter(c => c.startsWith('::error'))
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(/^::error::slurm-gitops rollback of main: step "target" failed/)
        expect(errors[0]).toContain('no kept release matches deadbeef00; kept:')
        const kept = errors[0]!.slice(errors[0]!.indexOf('kept:'))
        expect(kept).toContain(a)
        expect(kept).toContain(b)
        expect(main.summary).toContain('slurm-gitops rollback: main → production failed')
        expect(main.outputs.sha).toBe('')

        expect(await current()).toBe(`releases/${b}`)
        expect(await readTable(cluster)).toBe(tableB)
        // The history records the failed attempt, from B (still live).
        expect((await rootState(cluster, production)).history.at(-1)).toMatchObject({
          mode: 'rollback',
          previous: b,
          result: 'failure:target'
        })
        // No commit was restored, so there is no deployment to record.
        expect(github.deployments).toHaveLength(2)
      },
      SLOW
    )
  })

  describe('the reviewed plan is the deployed plan', () => {
    let pullCount = 20
    /**
     * A pull request from `branch` (its `change`) into main, as GitHub runs it: the plan check on its test
     * merge (the plan comment, with the plan record, lands on the fake GitHub), then the merge button (a merge
     * commit pushed to main, which GitHub lists as the PR's). Returns the PR's number and the merge commit.
     */
    function reviewedPullRequest(
      repo: DeployFixture,
      branch: string,
      change: Parameters<DeployFixture['commit']>[1]
    ) {
      const number = ++pullCount
      const baseSha = repo.sha('main')
      const headSha = repo.commit(branch, change)
      return {
        number,
        /** The plan check of the PR at its current head, against main as it is now. */
        async review() {
          const testMerge = repo.merge('main', branch, { push: false })
          const plan = await runStep(repo, await runnerFiles(), {
            ref: `refs/pull/${number}/merge`,
            sha: testMerge,
            pullRequest: { number, base: 'main', baseSha: repo.sha('main'), headRef: branch, headSha }
          })
          if (plan.code !== 0) throw new Error(explain(plan))
          expect(plan.outputs.command).toBe('plan')
          expect(github.comments.get(number)?.[0]?.body).toContain('slurm-gitops:reviewed-plan')
        },
        /** The merge button: a merge commit on main, pushed; GitHub associates it with the PR. */
        merge() {
          const mergeSha = repo.merge('main', branch, {
            message: `Merge pull request #${number} from ${branch}`
          })
          github.pullsOfCommit.set(mergeSha, [
            mergedPull({ number, base: 'main', baseSha, headRef: branch, headSha, mergeSha })
          ])
          return mergeSha
        }
      }
    }

    const push = (sha: string, before?: string): Trigger => ({ ref: 'refs/heads/main', sha, before })
    const readsOf = () =>
      github.requests.filter(r => r.method === 'GET').map(r => r.path.replace(/\?.*$/, ''))

    it(
      'deploys exactly the reviewed plan of a merged PR, and says what differs when a merge combined two reviewed PRs',
      async () => {
        const repo = fixture()
        const a = repo.sha('main')
        const schedule = reviewedPullRequest(repo, 'feature-schedule', scheduleChange('main', '15 4 * * *'))
        await schedule.review()
        const venv = reviewedPullRequest(repo, 'feature-venv', requirementsChange('caqrn-utils==1.1.0'))
        await venv.review()

        // The first merge is what its PR showed.
        const m1 = schedule.merge()
        github.requests.length = 0
        const first = (await runMain(repo, await runnerFiles(), push(m1, a))).main
        if (first.code !== 0) throw new Error(explain(first))
        expect(first.stdout).toContain(`Deployed exactly the plan reviewed in #${schedule.number}.`)
        expect(first.summary).toContain(
          `✅ Deployed exactly the plan reviewed in [#${schedule.number}](https://github.com/caqrn/pipeline/pull/${schedule.number}).`
        )
        expect(readsOf()).toEqual([
          `/repos/caqrn/pipeline/commits/${m1}/pulls`,
          `/repos/caqrn/pipeline/issues/${schedule.number}/comments`
        ])
        expect(await readTable(cluster)).toContain(`15 4 * * * ${production}/jobs/daily.sh`)

        // The second PR was reviewed before the first was merged: merged on top of it, the plan is one nobody
        // saw (the new schedule and the new venv). Not required here: it deploys, and the summary says so.
        const m2 = venv.merge()
        const second = (await runMain(repo, await runnerFiles(), push(m2, m1))).main
        if (second.code !== 0) throw new Error(explain(second))
        const differs =
          `Differs from the plan reviewed in #${venv.number} (rendered at head ${repo.sha('feature-venv').slice(0, 7)}): ` +
          'changed .slurm-gitops/scrontab.'
        expect(second.stdout).toContain(differs)
        expect(second.summary).toContain(
          `⚠️ Differs from the plan reviewed in [#${venv.number}](https://github.com/caqrn/pipeline/pull/${venv.number})`
        )
        expect(second.summary).toContain('changed `.slurm-gitops/scrontab`')
        expect(second.outputs).toMatchObject({ sha: m2, venv: 'built' })
        expect(await current()).toBe(`releases/${m2}`)
      },
      SLOW
    )

    it(
      'requireReviewedPlan: refuses a direct push and a differing plan before anything runs, deploys the reviewed one',
      async () => {
        const repo = fixture()
        const a = repo.sha('main')
        const required = repo.commit('main', {
          message: 'production deploys only reviewed plans',
          config: c => {
            c.deployments.main.requireReviewedPlan = true
          }
        })
        const refused = async (sha: string, before: string, reason: RegExp) => {
          const { main } = await runMain(repo, await runnerFiles(), push(sha, before))
          expect(main.code).toBe(1)
          const errors = workflowCommands(main.stdout).obeyed.filter(c => c.startsWith('::error'))
          expect(errors).toHaveLength(1)
          expect(errors[0]).toMatch(
            /^::error::slurm-gitops deploy of main refused before anything ran on the cluster: /
          )
          expect(errors[0]).toMatch(reason)
          expect(errors[0]).toMatch(/requireReviewedPlan is set: nothing was deployed\.$/)
          expect(main.summary).toContain('slurm-gitops deploy: main → production refused')
          expect(main.summary).toContain('<td>Cluster</td><td>nothing ran on it: nothing changed</td>')
          // No step ran on the cluster.
          expect(workflowCommands(main.stdout).obeyed.filter(c => c.startsWith('::group::'))).toEqual([])
          expect(main.outputs).toEqual({ command: 'deploy' })
        }

        // A direct push: no pull request was merged as it.
        await refused(
          required,
          a,
          /No reviewed plan: no pull request into this branch was merged as this commit/
        )

        const schedule = reviewedPullRequest(repo, 'feature-schedule', scheduleChange('main', '15 4 * * *'))
        await schedule.review()
        const venv = reviewedPullRequest(repo, 'feature-venv', requirementsChange('caqrn-utils==1.1.0'))
        await venv.review()
        const m1 = schedule.merge()
        const m2 = venv.merge()
        // The merge of both: #N's plan lacked the other's schedule.
        await refused(
          m2,
          m1,
          new RegExp(
            `Refused: this plan differs from the plan reviewed in #${venv.number} .*: changed \\.slurm-gitops/scrontab\\.`
          )
        )
        expect(await rootState(cluster, production)).toMatchObject({ current: '', history: [] })

        // The reviewed merge deploys.
        const { main } = await runMain(repo, await runnerFiles(), push(m1, required))
        if (main.code !== 0) throw new Error(explain(main))
        expect(main.summary).toContain(`✅ Deployed exactly the plan reviewed in [#${schedule.number}]`)
        expect(await current()).toBe(`releases/${m1}`)
      },
      SLOW
    )
  })
})
