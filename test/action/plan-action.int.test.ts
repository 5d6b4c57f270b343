// Runs the bundled action the way the runner does: `node dist/index.js` with INPUT_* variables (defaults from
// action.yml), a pull_request event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files, and
// GITHUB_API_URL pointing at a local HTTP server. The workspace is a real git repository (examples/caqrn).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { Inputs } from '../../src/action/constants.js'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'
import { decodePlanRecord } from '../../src/report/plan-record.js'
import { repoRoot } from '../repo-root.js'
import { parseFileCommands, runActionProcess } from './runner.js'

const CONFIG = '.github/slurm-gitops.yml'
const TOKEN = 'ghs_plan_action_test_token'

interface ActionYaml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
  runs: Record<string, string>
}

interface Repo {
  dir: string
  base: string
  head: string
}

interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
}

let tmp: string
let action: ActionYaml

beforeAll(async () => {
  // The runner runs dist/index.js, so that is what is tested: build it from the current sources.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
  action = parse(await readFile(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYaml
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-plan-action-'))
}, 120_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()
}

let repoCount = 0
/** examples/caqrn committed as the base, then `edit` applied and committed as the head. */
async function makeRepo(
  edit: (dir: string) => Promise<void>,
  prepare?: (dir: string) => Promise<void>
): Promise<Repo> {
  const dir = path.join(tmp, `repo-${++repoCount}`)
  await cp(path.join(repoRoot, 'examples/caqrn'), dir, { recursive: true })
  await prepare?.(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'base')
  const base = git(dir, 'rev-parse', 'HEAD')
  await edit(dir)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'head')
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') }
}

async function replaceInConfig(dir: string, from: string, to: string): Promise<void> {
  const file = path.join(dir, CONFIG)
  const text = await readFile(file, 'utf8')
  if (!text.includes(from)) throw new Error(`${from} not in ${CONFIG}`)
  await writeFile(file, text.replace(from, to))
}

/** Changes the production job's schedule and a requirement, as a typical PR does. */
async function changeSchedule(dir: string): Promise<void> {
  await replaceInConfig(dir, "schedule: '0 2 * * *'", "schedule: '15 4 * * *'")
  await writeFile(path.join(dir, 'requirements.txt'), 'caqrn-utils==1.1.0\n')
}

let runCount = 0
async function runAction(
  repo: Repo,
  github: FakeGitHub,
  options: {
    inputs?: Record<string, string>
    env?: Record<string, string>
    workspace?: string
    event?: { baseRef?: string }
  } = {}
): Promise<ActionRun> {
  const run = ++runCount
  const files = {
    event: path.join(tmp, `event-${run}.json`),
    summary: path.join(tmp, `summary-${run}.md`),
    output: path.join(tmp, `output-${run}.txt`),
    state: path.join(tmp, `state-${run}.txt`)
  }
  const event = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: options.event?.baseRef ?? 'main', sha: repo.base },
      head: { ref: 'feature/schedule', sha: repo.head }
    },
    repository: { name: 'pipeline', full_name: 'caqrn/pipeline', owner: { login: 'caqrn' } }
  }
  await writeFile(files.event, JSON.stringify(event))
  await Promise.all([files.summary, files.output, files.state].map(file => writeFile(file, '')))

  // The runner sets every declared input, with action.yml's default when the workflow gives none; it keeps
  // hyphens in the names (INPUT_GITHUB-TOKEN).
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    inputs[name] = spec.default?.includes('${{') ? '' : (spec.default ?? '')
  }
  Object.assign(
    inputs,
    { [Inputs.Command]: 'plan', [Inputs.Config]: CONFIG, [Inputs.GitHubToken]: TOKEN },
    options.inputs
  )
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    ),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example.invalid',
    GITHUB_REPOSITORY: 'caqrn/pipeline',
    GITHUB_RUN_ID: String(4200 + run),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: repo.head,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKSPACE: options.workspace ?? repo.dir,
    RUNNER_TEMP: tmp,
    ...options.env
  }
  return {
    ...(await runActionProcess(env, env.GITHUB_WORKSPACE!)),
    summary: await readFile(files.summary, 'utf8'),
    outputs: parseFileCommands(await readFile(files.output, 'utf8'))
  }
}

const writes = (github: FakeGitHub) =>
  github.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path.replace(/\d+$/, 'ID')}`)

describe('command: plan on a pull_request, run as the runner runs it', () => {
  let github: FakeGitHub
  beforeEach(async () => {
    github = await startFakeGitHub()
  })
  afterEach(async () => {
    await github.close()
  })

  it('summarises the change, comments once and updates that comment on the next run', async () => {
    const repo = await makeRepo(changeSchedule)
    const first = await runAction(repo, github)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)

    // The token is masked before anything else is printed.
    expect(first.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`)

    // A PR into main deploys production only: the schedule and the requirements change it; develop is named.
    expect(first.summary).toContain(
      '✅ **The plan is valid**; merging into `main` deploys production: 2 files change.'
    )
    const web = 'https://github.example.invalid/caqrn/pipeline'
    expect(first.summary).toContain(
      `Config [\`${CONFIG}\`](${web}/blob/${repo.head}/${CONFIG}) · base [\`${repo.base.slice(0, 7)}\`](${web}/commit/${repo.base})` +
        ` · head [\`${repo.head.slice(0, 7)}\`](${web}/commit/${repo.head}) · [compare](${web}/compare/${repo.base}...${repo.head})`
    )
    expect(first.summary).toMatch(
      /\| `main` \(PR target\) \| production \| `\/projects\/caqrn\/production` \| ✏️ changed \| 2 \| 0 \| 0 \| \d+ \| unchanged \|/
    )
    expect(first.summary).not.toContain('| `develop` |')
    expect(first.summary).toContain('Not deployed by this merge into `main`: `develop` (development)')
    expect(first.summary).toContain('📦 `requirements.txt` changed: the venv will be rebuilt (1 package)')
    expect(first.summary).toMatch(
      /\| `daily` \| At 04:15 \(`15 4 \* \* \*`\) \| \w{3} \d{4}-\d\d-\d\d 04:15<br>/
    )
    expect(first.summary).toContain('<details><summary><code>requirements.txt (venv)</code>')
    expect(first.summary).toContain('+caqrn-utils==1.1.0\n')
    expect(first.summary).toMatch(/checks: bash -n, scrontab rules, shellcheck/)
    expect(first.summary).toContain(
      '<details><summary><code>.slurm-gitops/scrontab</code> — changed (+1 −1)</summary>'
    )
    expect(first.summary).toContain(
      '-0 2 * * * /projects/caqrn/production/jobs/daily.sh\n+15 4 * * * /projects/caqrn/production/jobs/daily.sh\n'
    )
    // The complete scripts are not appended (plan --out has them; a debug run appends them).
    expect(first.summary).not.toContain('Complete script for')
    expect(first.summary).not.toContain('slurm-gitops:reviewed-plan')

    expect(first.outputs).toMatchObject({
      command: 'plan',
      changed: 'true',
      'changed-deployments': '["main"]'
    })
    expect(first.outputs['comment-url']).toMatch(
      /^https:\/\/github.com\/caqrn\/pipeline\/pull\/7#issuecomment-\d+$/
    )

    expect(writes(github)).toEqual(['POST /repos/caqrn/pipeline/issues/7/comments'])
    const comment = github.comments.get(7)![0]!
    expect(comment.body.startsWith('<!-- slurm-gitops:plan -->\n')).toBe(true)
    expect(comment.body).toContain('+15 4 * * * /projects/caqrn/production/jobs/daily.sh')
    expect(comment.body).not.toContain('Complete script for')
    // Hidden: each deployment's plan fingerprint at this head, which the deploy of the merge compares with.
    const record = decodePlanRecord(comment.body)
    expect(record).toMatchObject({ head: repo.head, base: repo.base })
    expect(Object.keys(record!.deployments)).toEqual(['main', 'develop'])
    expect(record!.deployments.main!.plan).toMatch(/^[0-9a-f]{64}$/)
    expect(github.requests.every(r => r.authorization === `token ${TOKEN}`)).toBe(true)
    // Made by the action's own client (src/github/client.ts), which names slurm-gitops.
    expect(github.requests.every(r => r.userAgent?.startsWith('slurm-gitops/'))).toBe(true)

    // The next push: a new run finds the comment by its marker and edits it.
    const second = await runAction(repo, github)
    expect(second.code).toBe(0)
    expect(writes(github)).toEqual([
      'POST /repos/caqrn/pipeline/issues/7/comments',
      'PATCH /repos/caqrn/pipeline/issues/comments/ID'
    ])
    expect(github.comments.get(7)).toHaveLength(1)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
  })

  it('fails with an annotation at the config line when the head config is invalid', async () => {
    const repo = await makeRepo(dir =>
      replaceInConfig(dir, "schedule: '0 2 * * *'", "schedule: '*/1 * * * *'")
    )
    const run = await runAction(repo, github)
    expect(run.code).toBe(1)
    const config = await readFile(path.join(repo.dir, CONFIG), 'utf8')
    const line = config.split('\n').findIndex(l => l.includes("'*/1 * * * *'")) + 1
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error title=slurm-gitops,file=\\.github/slurm-gitops\\.yml,line=${line}::deployments\\.main\\.jobs\\[0\\]\\.schedule: .+$`,
        'm'
      )
    )
    expect(run.stdout).toMatch(/^::error::The configuration is invalid: 1 problem\(s\), annotated above$/m)
    expect(run.summary).toContain('❌ **The plan failed**')
    expect(run.summary).toContain('deployments.main.jobs\\[0\\].schedule')
    // The sticky comment says so too, so a stale "valid" plan is not left on the PR.
    expect(github.comments.get(7)![0]!.body).toContain('❌ **The plan failed**')
    expect(run.outputs.changed).toBeUndefined()
  })

  it('fails on a validation error: a template override whose script does not parse', async () => {
    const repo = await makeRepo(
      async dir => {
        await writeFile(path.join(dir, 'deploy/job.sh.hbs'), '#!/bin/bash\nif then\n')
        const file = path.join(dir, CONFIG)
        await writeFile(file, `${await readFile(file, 'utf8')}\ntemplates:\n  job.sh: deploy/job.sh.hbs\n`)
      },
      dir => mkdir(path.join(dir, 'deploy'))
    )
    const run = await runAction(repo, github)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error title=slurm-gitops::main: \.slurm-gitops\/jobs\/daily\.sh: bash -n: .+$/m
    )
    expect(run.stdout).toMatch(/^::error::The plan has \d+ validation error\(s\), annotated above$/m)
    expect(run.summary).toMatch(/❌ \*\*The plan has \d+ errors?\*\*/)
    expect(run.summary).toContain('<code>.slurm-gitops/jobs/daily.sh</code> — changed')
    expect(run.outputs.changed).toBe('true')
  })

  it('does not fail when the token may not comment (a fork), and says so', async () => {
    github.denyWrites = 403
    const repo = await makeRepo(changeSchedule)
    const run = await runAction(repo, github)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning::The plan could not be posted as a PR comment \(GitHub answered 403: .*\)/m
    )
    expect(run.summary).toContain('No PR comment was written: the token may not comment on this pull request')
    expect(run.summary).toContain('| `main` (PR target) |')
    expect(run.outputs.changed).toBe('true')
    expect(run.outputs['comment-url']).toBeUndefined()
  })

  it('keeps the report and the outputs when GitHub fails the comment (HTTP 500), with a warning', async () => {
    github.denyWrites = 500
    const repo = await makeRepo(changeSchedule)
    const run = await runAction(repo, github)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning::The plan could not be posted as a PR comment: .*; it is in the job summary$/m
    )
    expect(run.summary).toContain('merging into `main` deploys production: 2 files change.')
    expect(run.summary).toContain('No PR comment was written: GitHub answered')
    expect(run.outputs).toMatchObject({ changed: 'true', 'changed-deployments': '["main"]' })
    // The summary was written before the comment was tried.
    expect(run.summary.indexOf('### slurm-gitops plan')).toBeLessThan(run.summary.indexOf('No PR comment'))
  })

  it('says a merge into a branch without a deployment deploys nothing', async () => {
    const repo = await makeRepo(changeSchedule)
    const run = await runAction(repo, github, { event: { baseRef: 'release/2026' } })
    expect(run.code).toBe(0)
    expect(run.summary).toContain(
      'merging into `release/2026` deploys nothing (no deployment follows that branch).'
    )
    expect(run.outputs).toMatchObject({ changed: 'false', 'changed-deployments': '[]' })
  })

  it('writes no comment when comment is false', async () => {
    const repo = await makeRepo(changeSchedule)
    const run = await runAction(repo, github, { inputs: { [Inputs.Comment]: 'false' } })
    expect(run.code).toBe(0)
    expect(github.requests).toEqual([])
  })

  it('fetches the base commit a shallow checkout lacks, with the project in a subfolder', async () => {
    const moveInto = (sub: string) => async (dir: string) => {
      const inner = path.join(tmp, `move-${repoCount}`)
      await cp(dir, inner, { recursive: true })
      await rm(dir, { recursive: true })
      await cp(inner, path.join(dir, sub), { recursive: true })
      await rm(inner, { recursive: true })
    }
    const origin = await makeRepo(dir => changeSchedule(path.join(dir, 'pipeline')), moveInto('pipeline'))
    const workspace = path.join(tmp, `shallow-${runCount}`)
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, workspace])
    expect(() =>
      execFileSync('git', ['cat-file', '-e', `${origin.base}^{commit}`], { cwd: workspace, stdio: 'ignore' })
    ).toThrow()
    const run = await runAction({ ...origin, dir: workspace }, github, {
      workspace,
      inputs: { [Inputs.WorkingDirectory]: 'pipeline' }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `Commit ${origin.base} is not in the checkout (shallow clone); fetching it from origin`
    )
    expect(run.outputs.changed).toBe('true')
    expect(run.summary).toContain('+15 4 * * * /projects/caqrn/production/jobs/daily.sh')
  })

  it('treats every file as added when the config did not exist at the base', async () => {
    const repo = await makeRepo(
      // The head adds the config.
      dir =>
        cp(path.join(repoRoot, 'examples/caqrn/.github'), path.join(dir, '.github'), { recursive: true }),
      dir => rm(path.join(dir, '.github'), { recursive: true })
    )
    const run = await runAction(repo, github)
    expect(run.code).toBe(0)
    expect(run.summary).toContain(`The config did not exist at the base \`${repo.base.slice(0, 7)}\``)
    expect(run.summary).toMatch(
      /\| `main` \(PR target\) \| production \| `\/projects\/caqrn\/production` \| 🆕 added \|/
    )
    expect(run.outputs['changed-deployments']).toBe('["main"]')
  })

  it('rejects a bad input naming the input and the allowed values', async () => {
    const repo = await makeRepo(changeSchedule)
    const run = await runAction(repo, github, {
      inputs: { [Inputs.Command]: 'apply', [Inputs.SshPort]: '99999' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'input command: "apply" is not a command; use one of auto, plan, deploy, rollback'
    )
    expect(run.stdout).toContain(
      'input ssh-port: port "99999" is not a port number; use a whole number from 1 to 65535'
    )
    expect(github.requests).toEqual([])
  })
})
