// `command: sandbox` of the bundled action, run the way the runner runs it: the example dispatch workflow's
// `with:` evaluated for a workflow_dispatch event, INPUT_* with action.yml's defaults, GITHUB_OUTPUT / _STATE /
// _STEP_SUMMARY files, the runner's cancel signals, then the post step with the main step's state. Every
// result is checked against Slurm's own record (sacct) on the real test cluster.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { describeCluster, resetCluster, waitForJob, type ClusterInfo } from '../integration/cluster.js'
import { createDeployFixture, type DeployFixture } from '../integration/deploy-fixture.js'
import { repoRoot } from '../repo-root.js'
import { parseFileCommands, startActionProcess, type StdoutWatcher } from './runner.js'

const SLOW = 180_000

interface Workflow {
  jobs: { run: { steps: { uses: string; with?: Record<string, string> }[] } }
}

/** The example workflow's `with:` for the action, its ${{ inputs.x }} / secrets / vars evaluated as the runner does. */
function exampleWith(form: Record<string, string>, secrets: Record<string, string>): Record<string, string> {
  const workflow = parse(
    readFileSync(path.join(repoRoot, 'examples/caqrn/.github/workflows/sandbox.yml'), 'utf8')
  ) as Workflow
  const step = workflow.jobs.run.steps.find(s => s.uses.startsWith('slurm-gitops/'))!
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([name, value]) => [
      name,
      value.replace(/\$\{\{\s*(inputs|secrets|vars)\.([\w-]+)\s*\}\}/g, (_, scope: string, key: string) =>
        scope === 'inputs' ? (form[key] ?? '') : (secrets[key] ?? '')
      )
    ])
  )
}

describeCluster(
  'command: sandbox on a workflow_dispatch, run as the runner runs it',
  (cluster: ClusterInfo) => {
    let repo: DeployFixture
    let tmp: string
    let runs = 0
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }

    beforeAll(async () => {
      await resetCluster(cluster)
      tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-sandbox-action-'))
      repo = createDeployFixture(cluster)
      repo.commit('main', {
        message: 'the sandbox command of the test',
        config: c => {
          c.sandbox.command =
            'echo "first line"; mkdir -p products/day1 && echo "{}" > products/day1/out.json; sleep 8; echo "last line"'
          c.sandbox.actors = { octocat: 'octo' }
        }
      })
    })
    afterAll(async () => {
      repo.remove()
      await resetCluster(cluster)
    })

    /** One step (main, or post with `state`) for a dispatch with the form's `form`. */
    async function step(
      form: Record<string, string>,
      options: { post?: Record<string, string>; onStdout?: StdoutWatcher; runId?: string } = {}
    ) {
      runs += 1
      const dir = path.join(tmp, `run-${runs}`)
      await mkdir(dir, { recursive: true })
      const files = Object.fromEntries(
        ['event.json', 'summary.md', 'output.txt', 'state.txt'].map(f => [f, path.join(dir, f)])
      )
      await writeFile(
        files['event.json']!,
        JSON.stringify({ inputs: form, ref: 'refs/heads/main', sender: { login: 'octocat' } })
      )
      for (const f of ['summary.md', 'output.txt', 'state.txt']) await writeFile(files[f]!, '')
      const inputs: Record<string, string> = {}
      for (const [name, spec] of Object.entries(action.inputs)) {
        inputs[name] = spec.default?.includes('${{') ? '' : (spec.default ?? '')
      }
      Object.assign(
        inputs,
        exampleWith(form, {
          SLURM_SSH_KEY: readFileSync(cluster.privateKeyPath, 'utf8'),
          SLURM_KNOWN_HOSTS: readFileSync(cluster.knownHostsPath, 'utf8')
        })
      )
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? tmp,
        ...Object.fromEntries(Object.entries(inputs).map(([n, v]) => [`INPUT_${n.toUpperCase()}`, v])),
        ...Object.fromEntries(Object.entries(options.post ?? {}).map(([n, v]) => [`STATE_${n}`, v])),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: files['event.json']!,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: repo.sha('main'),
        GITHUB_STEP_SUMMARY: files['summary.md']!,
        GITHUB_OUTPUT: files['output.txt']!,
        GITHUB_STATE: files['state.txt']!,
        GITHUB_REPOSITORY: 'caqrn/pipeline',
        GITHUB_RUN_ID: options.runId ?? String(5500 + runs),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_ACTOR: 'octocat',
        GITHUB_WORKSPACE: repo.repoDir,
        RUNNER_TEMP: dir
      }
      const started = startActionProcess(env, repo.repoDir, options.onStdout)
      const done = started.done.then(async result => ({
        ...result,
        summary: await readFile(files['summary.md']!, 'utf8'),
        outputs: parseFileCommands(await readFile(files['output.txt']!, 'utf8')),
        state: parseFileCommands(await readFile(files['state.txt']!, 'utf8'))
      }))
      return { child: started.child, done }
    }

    const form = { command: 'sandbox', ref: 'main', wait: 'true' }

    it(
      'runs the job to its end: the log in the step output while it runs, outputs, summary, COMPLETED 0',
      async () => {
        let firstAt = 0
        const run = await step(form, {
          onStdout: stdout => {
            if (!firstAt && stdout.includes('first line')) firstAt = Date.now()
          }
        })
        const main = await run.done
        const endedAt = Date.now()
        expect({ code: main.code, stderr: main.stderr }).toEqual({ code: 0, stderr: '' })
        // A line the job wrote reached the log while the job still ran (it sleeps 8 s after it).
        expect(endedAt - firstAt).toBeGreaterThan(5000)
        expect(main.outputs).toMatchObject({
          command: 'sandbox',
          state: 'COMPLETED',
          'exit-code': '0',
          sha: repo.sha('main'),
          'run-dir': expect.stringMatching(/\/sandboxes\/octo\/runs\/\d+-[0-9a-f]{7}$/),
          'log-path': expect.stringMatching(/\/job\.log$/),
          'slurm-queries': expect.stringMatching(/^\d+$/)
        })
        expect(main.summary).toContain('slurm-gitops sandbox: octo succeeded (COMPLETED)')
        // The log and the collected products are on the runner, for upload-artifact.
        const artifacts = main.outputs['artifact-dir']!
        expect(path.dirname(artifacts)).toBe(path.join(tmp, `run-${runs}`))
        expect(await readFile(path.join(artifacts, 'job.log'), 'utf8')).toMatch(
          /first line\n(.*\n)*last line\n/
        )
        expect(await readFile(path.join(artifacts, 'products/day1/out.json'), 'utf8')).toBe('{}\n')
        // The job's output was shown with workflow commands off, and they are back on at the end.
        expect(main.stdout).toMatch(/::stop-commands::[0-9a-f]+\n(.*\n)*first line/)
        expect(main.state.unfinishedJob).toBe('')
        expect(await waitForJob(cluster, main.outputs['job-id']!)).toMatchObject({
          state: 'COMPLETED',
          exitCode: '0:0'
        })
      },
      SLOW
    )

    it(
      "the runner's cancel (SIGINT) cancels the job by id: CANCELLED in sacct within 10 s, the step fails",
      async () => {
        let signalledAt = 0
        const run = await step(form, {
          onStdout: (stdout, child) => {
            if (!signalledAt && stdout.includes('first line')) {
              signalledAt = Date.now()
              child.kill('SIGINT')
            }
          }
        })
        const main = await run.done
        expect(main.code).not.toBe(0)
        expect(Date.now() - signalledAt).toBeLessThan(10_000)
        const jobId = main.outputs['job-id']!
        expect((await waitForJob(cluster, jobId, 10)).state).toMatch(/^CANCELLED/)
      },
      SLOW
    )

    it(
      'a KILLed main step leaves the job to the post step, which cancels it',
      async () => {
        const run = await step(form, {
          onStdout: (stdout, child) => {
            if (stdout.includes('first line')) child.kill('SIGKILL')
          }
        })
        const main = await run.done
        expect(main.signal).toBe('SIGKILL')
        const jobId = main.state.unfinishedJob!
        expect(jobId).toMatch(/^\d+$/)
        const post = await (await step(form, { post: main.state })).done
        expect({ code: post.code, stderr: post.stderr }).toEqual({ code: 0, stderr: '' })
        expect(post.stdout).toContain(`did not see job ${jobId} finish`)
        expect((await waitForJob(cluster, jobId, 10)).state).toMatch(/^CANCELLED/)
      },
      SLOW
    )
  }
)

describe('the example dispatch workflow', () => {
  it('passes only inputs the action declares', () => {
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>
    }
    const given = Object.keys(exampleWith({}, {}))
    expect(given.filter(name => !(name in action.inputs))).toEqual([])
  })
})
