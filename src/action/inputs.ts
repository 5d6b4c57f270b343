// Every input is read and checked here, once, into one typed settings object (as actions/checkout's
// input-helper does). Each problem names the input and what it accepts; all problems are reported together.
import path from 'node:path'
import * as core from '@actions/core'
import {
  AUTO_COMMAND,
  COMMANDS,
  type Command,
  GITHUB_DEPLOYMENT_MODES,
  type GitHubDeploymentMode,
  DEFAULT_FAIL_ON,
  FAIL_ON_VERDICTS,
  type FailOnVerdict,
  Inputs
} from './constants.js'
import { DEFAULT_CONFIG_PATH } from '../config/default-path.js'
import { type Problem, UserError } from '../errors/user-error.js'
import { checkBranchName, checkFullSha, checkGitSha } from '../validate/names.js'
import { checkHost, checkUnixUser, parsePort } from '../validate/network.js'
import { checkJobId } from '../sandbox/slurm-queries.js'
import type { ConnectionRequest, Request } from '../operations/requests.js'

export interface ActionSettings {
  /** The command to run, `auto` already resolved from the event. */
  command: Command
  /** How the command was chosen, for messages: e.g. `auto (pull_request)` or `input`. */
  commandSource: string
  /** Absolute path of the consuming repository inside the workspace. */
  workingDirectory: string
  /** The config file, relative to workingDirectory (also how it is read at other commits). */
  config: string
  githubToken: string
  /** deploy, rollback: whether the action records a GitHub deployment itself (see GITHUB_DEPLOYMENT_MODES). */
  githubDeployment: GitHubDeploymentMode
  /** Write (update) the sticky plan comment on pull requests. */
  comment: boolean
  /** What the core is asked to do, complete. */
  request: Request
  /** The event's commit (GITHUB_SHA). */
  eventSha: string
  /** pull_request events: the PR the plan comments on. */
  pullRequest?: { number: number; headSha: string; baseRef?: string }
  /** `status`: the verdicts that fail the step. */
  failOn: FailOnVerdict[]
}

/** The parts of the run's world the inputs depend on (github.context provides them in the action). */
export interface EventInfo {
  eventName: string
  payload: { inputs?: Record<string, unknown> | null; [key: string]: unknown }
  /** GITHUB_REF, e.g. refs/heads/main. */
  ref?: string
  /** GITHUB_SHA: the commit of the event (for a pull_request, the merge commit). */
  sha?: string
  actor?: string
  runUrl?: string
  /** GITHUB_RUN_ID: names a sandbox run. */
  runId?: string
}

export type InputReader = (name: Inputs) => string

const readActionInput: InputReader = name => core.getInput(name)

export function getInputs(
  event: EventInfo,
  read: InputReader = readActionInput,
  workspace: string = process.env.GITHUB_WORKSPACE || process.cwd()
): ActionSettings {
  // Secrets first: nothing below may log them unmasked, not even in an error message.
  const githubToken = read(Inputs.GitHubToken)
  const privateKey = read(Inputs.SshPrivateKey)
  const passphrase = read(Inputs.SshKeyPassphrase)
  maskSecret(githubToken)
  maskSecret(privateKey)
  maskSecret(passphrase)

  // A dispatch form's own `branch` and `to` count when the workflow does not pass them on with `with:`.
  const dispatched = (name: string): string => {
    const value = event.eventName === 'workflow_dispatch' ? event.payload.inputs?.[name] : undefined
    return typeof value === 'string' ? value : ''
  }

  const problems: Problem[] = []
  const problem = (input: Inputs, message: string) => problems.push({ where: `input ${input}`, message })
  const optional = (input: Inputs, value: string, check: (value: string) => string | null) => {
    if (value === '') return undefined
    const bad = check(value)
    if (bad) problem(input, bad)
    return bad ? undefined : value
  }

  const { command, source: commandSource } = resolveCommand(
    read(Inputs.Command) || AUTO_COMMAND,
    event,
    problem
  )

  const workingDirectoryInput = read(Inputs.WorkingDirectory) || '.'
  const workingDirectory = path.resolve(workspace, workingDirectoryInput)
  if (!isInside(workspace, workingDirectory)) {
    problem(
      Inputs.WorkingDirectory,
      `"${workingDirectoryInput}" is outside the workspace; use a path inside it`
    )
  }

  const configInput = read(Inputs.Config) || DEFAULT_CONFIG_PATH
  if (path.isAbsolute(configInput) || configInput.split(/[\\/]/).includes('..')) {
    problem(
      Inputs.Config,
      `"${configInput}" must be a path relative to working-directory without "..", e.g. ${DEFAULT_CONFIG_PATH}`
    )
  }
  const config = path.posix.normalize(configInput.replace(/\\/g, '/'))
  const repo = { dir: workingDirectory, configPath: config }

  const comment = parseBoolean(Inputs.Comment, read(Inputs.Comment), true, problem)
  const githubDeployment = parseChoice(
    Inputs.GitHubDeployment,
    read(Inputs.GitHubDeployment),
    GITHUB_DEPLOYMENT_MODES,
    problem
  )
  const port = read(Inputs.SshPort)
  const parsedPort = port === '' ? undefined : parsePort(port)
  if (parsedPort && 'problem' in parsedPort) problem(Inputs.SshPort, parsedPort.problem)
  const connection: ConnectionRequest = {
    privateKey: privateKey ? { text: privateKey } : undefined,
    passphrase: passphrase ? { text: passphrase } : undefined,
    knownHosts: read(Inputs.SshKnownHosts) ? { text: read(Inputs.SshKnownHosts) } : undefined,
    host: optional(Inputs.SshHost, read(Inputs.SshHost), checkHost),
    port: parsedPort && 'port' in parsedPort ? parsedPort.port : undefined,
    user: optional(Inputs.SshUser, read(Inputs.SshUser), checkUnixUser),
    names: {
      privateKey: `input ${Inputs.SshPrivateKey}`,
      knownHosts: `input ${Inputs.SshKnownHosts}`,
      passphrase: `input ${Inputs.SshKeyPassphrase}`
    },
    timeoutMinutes: parseInteger(Inputs.TimeoutMinutes, read(Inputs.TimeoutMinutes), 1, 24 * 60, problem)
  }

  const requester = { actor: event.actor ?? '', runUrl: event.runUrl ?? '' }
  // The deployment: the input, the dispatch form's, else the pushed branch.
  const branchInput = read(Inputs.Branch) || dispatched('branch') || branchOfRef(event.ref)
  const branch = optional(Inputs.Branch, branchInput, checkBranchName)
  const needsBranch = () => {
    if (branchInput === '') problem(Inputs.Branch, `is required for ${command} outside a branch push`)
    return branch ?? ''
  }
  const pull = pullRequestOf(event)
  let request: Request
  switch (command) {
    case 'plan':
      request = { command, repo, head: { tree: true }, base: baseCommit(event) }
      break
    case 'deploy':
      request = {
        command,
        repo,
        branch: needsBranch(),
        // A deploy pins exactly one commit: the input's, else the event's.
        sha: optional(Inputs.Sha, read(Inputs.Sha) || event.sha || '', checkFullSha),
        connection,
        ...requester
      }
      if (!read(Inputs.Sha) && !event.sha)
        problem(Inputs.Sha, 'is required: the event has no commit (GITHUB_SHA)')
      break
    case 'watch':
    case 'cancel': {
      const jobId = read(Inputs.JobId) || dispatched('job-id')
      if (jobId === '')
        problem(Inputs.JobId, `is required for ${command}: the id of a sandbox job (the job-id output)`)
      else {
        const bad = checkJobId(jobId)
        if (bad) problem(Inputs.JobId, bad)
      }
      request = { command, repo, jobId, connection }
      break
    }
    case 'sandbox':
      request = {
        command,
        repo,
        ask: {
          // The form's ref, else the dispatched branch or commit.
          ref: read(Inputs.Ref) || dispatched('ref') || branchOfRef(event.ref) || event.sha || '',
          sandbox: read(Inputs.Sandbox) || dispatched('sandbox') || undefined,
          command: read(Inputs.SandboxCommand) || dispatched('sandbox-command') || undefined,
          partition: read(Inputs.Partition) || dispatched('partition') || undefined,
          timeLimit: read(Inputs.TimeLimit) || dispatched('time-limit') || undefined,
          sbatch: (read(Inputs.SbatchOptions) || dispatched('sbatch-options')).split(/\s+/).filter(Boolean),
          actor: event.actor ?? ''
        },
        names: {
          ref: `input ${Inputs.Ref}`,
          sandbox: `input ${Inputs.Sandbox}`,
          command: `input ${Inputs.SandboxCommand}`,
          partition: `input ${Inputs.Partition}`,
          timeLimit: `input ${Inputs.TimeLimit}`,
          sbatch: `input ${Inputs.SbatchOptions}`,
          actor: 'actor (GITHUB_ACTOR)'
        },
        runId: /^\d{1,20}$/.test(event.runId ?? '') ? event.runId! : String(Date.now()),
        wait: parseBoolean(Inputs.Wait, read(Inputs.Wait) || dispatched('wait'), true, problem),
        connection,
        ...requester
      }
      break
    case 'status': {
      // Every deployment unless one is asked for: a scheduled run's ref is the default branch, not a choice.
      const asked = read(Inputs.Branch) || dispatched('branch')
      const one = optional(Inputs.Branch, asked, checkBranchName)
      request = { command, repo, branches: one ? [one] : undefined, connection, ...requester }
      break
    }
    case 'rollback':
      request = {
        command,
        repo,
        branch: needsBranch(),
        to: optional(Inputs.To, read(Inputs.To) || dispatched('to'), checkGitSha),
        connection,
        ...requester
      }
      break
  }
  const failOn = parseFailOn(read(Inputs.FailOn) || DEFAULT_FAIL_ON, problem)
  if (problems.length > 0) throw new UserError(problems)
  return {
    command,
    commandSource,
    workingDirectory,
    config,
    githubToken,
    githubDeployment,
    comment,
    request,
    eventSha: event.sha ?? '',
    pullRequest: pull,
    failOn
  }
}

/** `out-of-sync,degraded` (commas or spaces), or `never`. */
function parseFailOn(value: string, problem: (input: Inputs, message: string) => void): FailOnVerdict[] {
  const words = value.split(/[\s,]+/).filter(Boolean)
  if (words.length === 1 && words[0] === 'never') return []
  const allowed = (word: string): word is FailOnVerdict =>
    (FAIL_ON_VERDICTS as readonly string[]).includes(word)
  const unknown = words.filter(word => !allowed(word))
  if (unknown.length > 0 || words.length === 0)
    problem(
      Inputs.FailOn,
      `"${value}" is not allowed; list verdicts from ${FAIL_ON_VERDICTS.join(', ')} (e.g. ${DEFAULT_FAIL_ON}), or write never`
    )
  return words.filter(allowed)
}

/** refs/heads/<branch> → branch; a tag or a pull request's ref has none. */
function branchOfRef(ref: string | undefined): string {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ''
}

function pullRequestOf(event: EventInfo): ActionSettings['pullRequest'] {
  const pull = event.payload.pull_request as
    { number?: unknown; head?: { sha?: unknown }; base?: { ref?: unknown } } | undefined
  if (!pull || typeof pull.number !== 'number') return undefined
  return {
    number: pull.number,
    headSha: typeof pull.head?.sha === 'string' ? pull.head.sha : (event.sha ?? ''),
    baseRef: typeof pull.base?.ref === 'string' ? pull.base.ref : undefined
  }
}

/** pull_request: the base branch's commit; push: the commit before the push (absent for a new branch). */
function baseCommit(event: EventInfo): string | undefined {
  const pull = event.payload.pull_request as { base?: { sha?: unknown } } | undefined
  const pullRequestBase = pull?.base?.sha
  if (typeof pullRequestBase === 'string' && pullRequestBase) return pullRequestBase
  const before: unknown = event.payload.before
  if (event.eventName === 'push' && typeof before === 'string' && !/^0+$/.test(before)) return before
  return undefined
}

/**
 * `auto` follows the event: pull_request → plan, push → deploy, schedule → status, workflow_dispatch → the dispatch form's own
 * `command` input when the workflow defines one, else sandbox.
 */
export function resolveCommand(
  value: string,
  event: EventInfo,
  problem: (input: Inputs, message: string) => void
): { command: Command; source: string } {
  const allowed = [AUTO_COMMAND, ...COMMANDS].join(', ')
  if (value !== AUTO_COMMAND) {
    if (isCommand(value)) return { command: value, source: 'input' }
    problem(Inputs.Command, `"${value}" is not a command; use one of ${allowed}`)
    return { command: 'plan', source: 'input' }
  }
  const source = `auto (${event.eventName} event)`
  switch (event.eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return { command: 'plan', source }
    case 'push':
      return { command: 'deploy', source }
    case 'schedule':
      return { command: 'status', source }
    case 'workflow_dispatch': {
      const dispatched = event.payload.inputs?.command
      // The dispatch use case: a sandbox test job, unless the form chooses another command.
      if (dispatched === undefined || dispatched === '') return { command: 'sandbox', source }
      if (typeof dispatched === 'string' && isCommand(dispatched)) {
        return { command: dispatched, source: `${source}, its command input` }
      }
      problem(
        Inputs.Command,
        `auto took the workflow_dispatch input "command", but ${JSON.stringify(dispatched)} is not one of ${COMMANDS.join(', ')}`
      )
      return { command: 'sandbox', source }
    }
    default:
      problem(
        Inputs.Command,
        `auto cannot choose a command for the ${event.eventName} event (it knows pull_request, push, schedule and workflow_dispatch); set command to one of ${COMMANDS.join(', ')}`
      )
      return { command: 'plan', source }
  }
}

function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value)
}

function parseBoolean(
  input: Inputs,
  value: string,
  fallback: boolean,
  problem: (input: Inputs, message: string) => void
): boolean {
  // YAML 1.2 core booleans, as core.getBooleanInput accepts them.
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  problem(input, `"${value}" is not a boolean; use true or false`)
  return fallback
}

/** One of `choices`; empty means the first. */
function parseChoice<T extends string>(
  input: Inputs,
  value: string,
  choices: readonly T[],
  problem: (input: Inputs, message: string) => void
): T {
  if (value === '') return choices[0] as T
  if ((choices as readonly string[]).includes(value)) return value as T
  problem(input, `"${value}" is not allowed; use one of ${choices.join(', ')}`)
  return choices[0] as T
}

function parseInteger(
  input: Inputs,
  value: string,
  min: number,
  max: number,
  problem: (input: Inputs, message: string) => void
): number | undefined {
  if (value === '') return undefined
  const number = Number(value)
  if (/^\d+$/.test(value) && number >= min && number <= max) return number
  problem(input, `"${value}" is not allowed; use a whole number from ${min} to ${max}`)
  return undefined
}

/** Masks the whole value and each line of it: the runner matches log lines one at a time. */
function maskSecret(value: string): void {
  if (!value) return
  core.setSecret(value)
  if (!/[\r\n]/.test(value)) return
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().length >= 8) core.setSecret(line.trim())
  }
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
