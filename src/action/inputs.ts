// Every input is read and checked here, once, into one typed settings object (as actions/checkout's
// input-helper does). Each problem names the input and what it accepts; all problems are reported together.
import path from 'node:path'
import * as core from '@actions/core'
import { AUTO_COMMAND, COMMANDS, type Command, Inputs } from './constants.js'
import { DEFAULT_CONFIG_PATH } from '../config/load.js'
import { type Problem, UserError } from '../errors/user-error.js'
import { checkBranchName, checkGitSha } from '../validate/names.js'

export interface SshSettings {
  /** Private key (OpenSSH/PEM text); registered as a secret before anything is logged. */
  privateKey?: string
  /** known_hosts lines for the cluster (and jump host); host keys are always checked. */
  knownHosts?: string
  /** Overrides of cluster.host / cluster.port / cluster.user from the config. */
  host?: string
  port?: number
  user?: string
}

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
  /** Write (update) the sticky plan comment on pull requests. */
  comment: boolean
  ssh: SshSettings
  /** Overrides cluster.timeoutMinutes. */
  timeoutMinutes?: number
  branch?: string
  sha?: string
  /** `rollback`: the release (commit) to go back to. */
  to?: string
}

/** The parts of the event the inputs depend on (github.context provides them in the action). */
export interface EventInfo {
  eventName: string
  payload: { inputs?: Record<string, unknown> | null; [key: string]: unknown }
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
  maskSecret(githubToken)
  maskSecret(privateKey)

  // A dispatch form's own `branch` and `to` count when the workflow does not pass them on with `with:`.
  const dispatched = (name: string): string => {
    const value = event.eventName === 'workflow_dispatch' ? event.payload.inputs?.[name] : undefined
    return typeof value === 'string' ? value : ''
  }

  const problems: Problem[] = []
  const problem = (input: Inputs, message: string) => problems.push({ where: `input ${input}`, message })

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

  const config = read(Inputs.Config) || DEFAULT_CONFIG_PATH
  if (path.isAbsolute(config) || config.split(/[\\/]/).includes('..')) {
    problem(
      Inputs.Config,
      `"${config}" must be a path relative to working-directory without "..", e.g. ${DEFAULT_CONFIG_PATH}`
    )
  }

  const settings: ActionSettings = {
    command,
    commandSource,
    workingDirectory,
    config: path.posix.normalize(config.replace(/\\/g, '/')),
    githubToken,
    comment: parseBoolean(Inputs.Comment, read(Inputs.Comment), true, problem),
    ssh: {
      privateKey: privateKey || undefined,
      knownHosts: read(Inputs.SshKnownHosts) || undefined,
      host: optionalMatch(Inputs.SshHost, read(Inputs.SshHost), HOST, 'a hostname or IP address', problem),
      port: parseInteger(Inputs.SshPort, read(Inputs.SshPort), 1, 65535, problem),
      user: optionalMatch(
        Inputs.SshUser,
        read(Inputs.SshUser),
        UNIX_USER,
        'a Unix user name such as caqrn',
        problem
      )
    },
    timeoutMinutes: parseInteger(Inputs.TimeoutMinutes, read(Inputs.TimeoutMinutes), 1, 24 * 60, problem),
    branch: optionalCheck(
      Inputs.Branch,
      read(Inputs.Branch) || dispatched('branch'),
      checkBranchName,
      problem
    ),
    sha: optionalCheck(Inputs.Sha, read(Inputs.Sha), checkGitSha, problem),
    to: optionalCheck(Inputs.To, read(Inputs.To) || dispatched('to'), checkGitSha, problem)
  }
  if (problems.length > 0) throw new UserError(problems)
  return settings
}

/**
 * `auto` follows the event: pull_request → plan, push → deploy, workflow_dispatch → the dispatch form's own
 * `command` input when the workflow defines one, else sandbox (the dispatch use case in the design).
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
    case 'workflow_dispatch': {
      const dispatched = event.payload.inputs?.command
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
        `auto cannot choose a command for the ${event.eventName} event (it knows pull_request, push and workflow_dispatch); set command to one of ${COMMANDS.join(', ')}`
      )
      return { command: 'plan', source }
  }
}

function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value)
}

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/
const UNIX_USER = /^[a-z_][a-z0-9_-]{0,31}$/

function parseBoolean(
  input: Inputs,
  value: string,
  fallback: boolean,
  problem: (input: Inputs, message: string) => void
): boolean {
  if (value === '') return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  problem(input, `"${value}" is not a boolean; use true or false`)
  return fallback
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

function optionalMatch(
  input: Inputs,
  value: string,
  pattern: RegExp,
  expected: string,
  problem: (input: Inputs, message: string) => void
): string | undefined {
  if (value === '') return undefined
  if (pattern.test(value)) return value
  problem(input, `"${value}" is not allowed; use ${expected}`)
  return undefined
}

function optionalCheck(
  input: Inputs,
  value: string,
  check: (value: string) => string | null,
  problem: (input: Inputs, message: string) => void
): string | undefined {
  if (value === '') return undefined
  const bad = check(value)
  if (bad) problem(input, bad)
  return bad ? undefined : value
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
