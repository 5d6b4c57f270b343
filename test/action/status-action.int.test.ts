// `command: status` of the bundled action, run the way the runner runs the example scheduled workflow
// (examples/caqrn/.github/workflows/status.yml): `node dist/index.js` for a `schedule` event, with the step's
// `with:` as INPUT_* (action.yml's defaults for the rest), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, against
// the real test cluster. Synced and Healthy passes; a deployment behind its branch fails the step.
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { describeCluster, resetCluster, type ClusterInfo } from '../integration/cluster.js'
import {
  codeChange,
  deployFixtures,
  expectSuccess,
  type DeployFixture
} from '../integration/deploy-fixture.js'
import { ownProjectName } from '../integration/own-project.js'
import { repoRoot } from '../repo-root.js'
import { parseFileCommands, runActionProcess } from './runner.js'

const SLOW = 240_000

interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>
}

describeCluster('command: status on a schedule, run as the runner runs it', (cluster: ClusterInfo) => {
  let tmp: string
  let defaults: Record<string, string>
  let stepWith: Record<string, string>
  const fixture = deployFixtures(cluster)

  beforeAll(async () => {
    // The runner runs dist/index.js, so that is what is tested: build it from the current sources.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
    const action = parse(await readFile(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }
    // The runner gives every declared input, with its default when the step gives none (expressions aside).
    defaults = Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => [
        name,
        spec.default?.includes('${{') ? '' : (spec.default ?? '')
      ])
    )
    const workflow = parse(
      await readFile(path.join(repoRoot, 'examples/caqrn/.github/workflows/status.yml'), 'utf8')
    ) as Workflow
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    const step = workflow.jobs.status!.steps.find(s => s.uses?.startsWith('slurm-gitops/'))!
    stepWith = step.with!
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-status-action-'))
  }, 120_000)

  afterAll(async () => {
    await resetCluster(cluster)
    await rm(tmp, { recursive: true, force: true })
  })

  beforeEach(async () => {
    await resetCluster(cluster)
  })

  /** Deployed main and develop, with job names new to Slurm's accounting. */
  async function deployedBoth(): Promise<{ repo: DeployFixture; sha: string }> {
    const repo = fixture()
    ownProjectName(repo)
    repo.commit('develop', { message: 'develop follows main' }, { resetTo: repo.sha('main') })
    const main = await repo.run('main')
    expectSuccess(main)
    expectSuccess(await repo.run('develop'))
    return { repo, sha: main.sha }
  }

  let runs = 0
  async function scheduledRun(repo: DeployFixture) {
    const dir = path.join(tmp, `run-${++runs}`)
    await mkdir(path.join(dir, 'runner-temp'), { recursive: true })
    const files = {
      event: path.join(dir, 'event.json'),
      summary: path.join(dir, 'summary.md'),
      output: path.join(dir, 'output.txt'),
      state: path.join(dir, 'state.txt')
    }
    await writeFile(
      files.event,
      JSON.stringify({ schedule: '17 */4 * * *', repository: { full_name: 'caqrn/pipeline' } })
    )
    await Promise.all([files.summary, files.output, files.state].map(f => writeFile(f, '')))
    // The step's `with:`, its secrets as the runner substitutes them.
    const secrets: Record<string, string> = {
      '${{ secrets.SLURM_SSH_KEY }}': readFileSync(cluster.privateKeyPath, 'utf8'),
      '${{ vars.SLURM_KNOWN_HOSTS }}': readFileSync(cluster.knownHostsPath, 'utf8')
    }
    const inputs = {
      ...defaults,
      ...Object.fromEntries(Object.entries(stepWith).map(([k, v]) => [k, secrets[v] ?? v]))
    }
    // actions/checkout of the default branch (fetch-depth: 0 brings the other branches and their history).
    execFileSync('git', ['checkout', '--quiet', 'main'], { cwd: repo.repoDir })
    const step = await runActionProcess(
      {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? tmp,
        ...Object.fromEntries(
          Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
        ),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: repo.sha('main'),
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.output,
        GITHUB_STATE: files.state,
        GITHUB_REPOSITORY: 'caqrn/pipeline',
        GITHUB_RUN_ID: String(8800 + runs),
        GITHUB_ACTOR: 'github-actions[bot]',
        GITHUB_WORKSPACE: repo.repoDir,
        RUNNER_TEMP: path.join(dir, 'runner-temp')
      },
      repo.repoDir
    )
    return {
      ...step,
      summary: await readFile(files.summary, 'utf8'),
      outputs: parseFileCommands(await readFile(files.output, 'utf8'))
    }
  }

  it(
    'passes when both deployments are Synced and Healthy, and says so in the outputs and the summary',
    async () => {
      const { repo } = await deployedBoth()
      const step = await scheduledRun(repo)
      expect({ code: step.code, stderr: step.stderr }).toEqual({ code: 0, stderr: '' })
      expect(step.stdout).toContain('slurm-gitops status (input)')
      expect(step.stdout).toContain('main → production: Synced, Healthy')
      expect(step.outputs).toMatchObject({ command: 'status', sync: 'Synced', health: 'Healthy' })
      const json = JSON.parse(step.outputs['status-json']!) as {
        version: number
        deployments: { branch: string }[]
      }
      expect(json.version).toBe(1)
      expect(json.deployments.map(d => d.branch)).toEqual(['main', 'develop'])
      expect(step.summary).toContain('## slurm-gitops status: ✅ Synced · ✅ Healthy')
      expect(step.summary).toContain('| develop → development | ✅ Synced | ✅ Healthy |')
    },
    SLOW
  )

  it(
    'fails the step when production is behind its branch, naming why, in the error and the summary',
    async () => {
      const { repo, sha: deployed } = await deployedBoth()
      const tip = repo.commit('main', codeChange())
      const step = await scheduledRun(repo)
      expect(step.code).toBe(1)
      const why = `the deployed commit ${deployed.slice(0, 12)} is not the tip of main (${tip.slice(0, 12)}): 1 commit behind`
      expect(step.stdout).toContain(`::error::slurm-gitops status: main (production) is OutOfSync: ${why}`)
      expect(step.outputs).toMatchObject({ sync: 'OutOfSync', health: 'Healthy' })
      expect(step.summary).toContain('## slurm-gitops status: ❌ OutOfSync · ✅ Healthy')
      expect(step.summary).toContain(`- ${why}`)
    },
    SLOW
  )
})
