// The action as the runner starts it, for the benchmark: `node dist/index.js` with every input of action.yml
// as INPUT_* (its default when the step gives none; hyphens kept, as the runner does), an event file, the
// GITHUB_* files and variables, and GITHUB_API_URL on a local stand-in for GitHub's API
// (test/action/fake-github.ts), so the deploy posts its GitHub deployment over real HTTP as on a runner.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../test/repo-root.js'

export interface ActionWorld {
  /** The consuming repository (GITHUB_WORKSPACE, and the step's working directory). */
  workspace: string
  /** Where the event file, GITHUB_OUTPUT and friends are written (emptied per step). */
  dir: string
  githubApiUrl: string
  privateKey: string
  knownHosts: string
  config: string
}

/** A push of `sha` to `branch` (command auto: deploy), or a dispatch that runs `inputs.command`. */
export type Trigger =
  | { kind: 'push'; branch: string; sha: string }
  | { kind: 'dispatch'; branch: string; sha: string; inputs: Record<string, string> }

const actionInputs = (): Record<string, { default?: string }> =>
  (
    parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }
  ).inputs

export function actionStepEnv(
  world: ActionWorld,
  trigger: Trigger,
  extra: NodeJS.ProcessEnv = {}
): NodeJS.ProcessEnv {
  mkdirSync(path.join(world.dir, 'runner-temp'), { recursive: true })
  const file = (name: string) => path.join(world.dir, name)
  const repository = { name: 'pipeline', full_name: 'caqrn/pipeline', owner: { login: 'caqrn' } }
  const ref = `refs/heads/${trigger.branch}`
  const event =
    trigger.kind === 'push'
      ? {
          ref,
          after: trigger.sha,
          head_commit: { id: trigger.sha },
          repository,
          sender: { login: 'octocat' }
        }
      : { ref, inputs: {}, repository, sender: { login: 'octocat' } }
  writeFileSync(file('event.json'), JSON.stringify(event))
  for (const name of ['summary.md', 'output.txt', 'state.txt']) writeFileSync(file(name), '')

  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionInputs()))
    inputs[name] = spec.default?.includes('${{') ? '' : (spec.default ?? '')
  Object.assign(inputs, {
    config: world.config,
    'github-token': 'ghs_bench_token',
    'ssh-private-key': world.privateKey,
    'ssh-known-hosts': world.knownHosts,
    ...(trigger.kind === 'dispatch' ? trigger.inputs : {})
  })
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? world.dir,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    ),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: trigger.kind === 'push' ? 'push' : 'workflow_dispatch',
    GITHUB_EVENT_PATH: file('event.json'),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: trigger.branch,
    GITHUB_SHA: trigger.sha,
    GITHUB_STEP_SUMMARY: file('summary.md'),
    GITHUB_OUTPUT: file('output.txt'),
    GITHUB_STATE: file('state.txt'),
    GITHUB_API_URL: world.githubApiUrl,
    GITHUB_SERVER_URL: 'https://github.example.invalid',
    GITHUB_REPOSITORY: 'caqrn/pipeline',
    GITHUB_REPOSITORY_OWNER: 'caqrn',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_WORKSPACE: world.workspace,
    RUNNER_TEMP: file('runner-temp'),
    ...extra
  }
}

/** The remote steps' times as the last step's job summary lists them (`| venv | ok | 3.2 s |`), in ms. */
export function summarySteps(world: ActionWorld): Record<string, number> {
  const summary = readFileSync(path.join(world.dir, 'summary.md'), 'utf8')
  const steps: Record<string, number> = {}
  for (const match of summary.matchAll(/^\| ([\w-]+) \| (?:ok|exit \d+) \| ([\d.]+) s \|$/gm))
    steps[match[1]!] = Number(match[2]) * 1000
  return steps
}
