// The CLI's flags, and the one place they become a request: every flag checked, every problem reported at once.
import { homedir, userInfo } from 'node:os'
import path from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { DEFAULT_CONFIG_PATH } from '../config/load.js'
import { type Problem, UserError } from '../errors/user-error.js'
import type {
  ConnectionRequest,
  JobRequest,
  SandboxRequest,
  PlanRequest,
  RemoteRequest,
  RepoLocation,
  Requester
} from '../operations/requests.js'
import { checkBranchName, checkFullSha, checkGitSha } from '../validate/names.js'
import { checkHost, checkUnixUser, parsePort } from '../validate/network.js'
import { checkJobId } from '../sandbox/slurm-queries.js'

export const OPTIONS = {
  config: { type: 'string', short: 'c' },
  branch: { type: 'string', short: 'b' },
  sha: { type: 'string' },
  base: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  host: { type: 'string' },
  port: { type: 'string' },
  user: { type: 'string' },
  identity: { type: 'string', short: 'i' },
  'known-hosts': { type: 'string' },
  local: { type: 'boolean' },
  repo: { type: 'string' },
  actor: { type: 'string' },
  ref: { type: 'string' },
  sandbox: { type: 'string' },
  command: { type: 'string' },
  partition: { type: 'string' },
  time: { type: 'string' },
  sbatch: { type: 'string', multiple: true },
  'no-wait': { type: 'boolean' },
  // logs and remove
  job: { type: 'string' },
  runs: { type: 'string' },
  run: { type: 'string' },
  follow: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  purge: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} satisfies ParseArgsConfig['options']

export type CliOptions = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean'
    ? boolean
    : (typeof OPTIONS)[K] extends { multiple: true }
      ? string[]
      : string
}

/** A command: its flags, and its positional arguments (only `watch` and `cancel` take one, the job id). */
export type CliCommand = (options: CliOptions, args: string[]) => Promise<number>

/** The consuming repository is the directory holding `.github/`, found from the config path. */
export function repoLocation(options: CliOptions): RepoLocation {
  const config = path.resolve(options.config ?? DEFAULT_CONFIG_PATH)
  const dir = options.repo
    ? path.resolve(options.repo)
    : path.basename(path.dirname(config)) === '.github'
      ? path.dirname(path.dirname(config))
      : process.cwd()
  return { dir, configPath: path.relative(dir, config) }
}

/** Collects problems, so that every bad flag is reported in one go. */
export class FlagCheck {
  readonly problems: Problem[] = []

  value(flag: keyof CliOptions, value: string | undefined, check: (value: string) => string | null) {
    if (value === undefined) return undefined
    const problem = check(value)
    if (problem) this.problems.push({ where: `--${flag}`, message: problem })
    return problem ? undefined : value
  }

  required(flag: keyof CliOptions, value: string | undefined, example: string): void {
    if (value === undefined)
      this.problems.push({ where: `--${flag}`, message: `is required (e.g. --${flag} ${example})` })
  }

  done(): void {
    if (this.problems.length > 0) throw new UserError(this.problems)
  }
}

/** `plan` and `validate`: the working tree, or the commit `--sha`, compared with `--base` when given. */
export function planRequest(options: CliOptions): PlanRequest {
  const check = new FlagCheck()
  const sha = check.value('sha', options.sha, checkGitSha)
  const base = check.value('base', options.base, checkGitSha)
  const branch = options.branch === 'all' ? undefined : check.value('branch', options.branch, checkBranchName)
  check.done()
  return {
    command: 'plan',
    repo: repoLocation(options),
    head: sha ? { sha } : { tree: true },
    base,
    branches: branch ? [branch] : undefined
  }
}

export function remoteRequest(command: RemoteRequest['command'], options: CliOptions): RemoteRequest {
  const check = new FlagCheck()
  const branch = check.value('branch', options.branch, checkBranchName)
  const connection = connectionRequest(options, check)
  const requester: Requester = { actor: options.actor ?? userInfo().username, runUrl: 'cli' }
  const repo = repoLocation(options)
  if (command !== 'status') check.required('branch', options.branch, 'main')
  if (command === 'deploy') {
    const sha = check.value('sha', options.sha, checkFullSha)
    check.done()
    return { command, repo, branch: branch!, sha, connection, ...requester }
  }
  if (command === 'rollback') {
    const to = check.value('to', options.to, checkGitSha)
    check.done()
    return { command, repo, branch: branch!, to, connection, ...requester }
  }
  check.done()
  return { command, repo, branches: branch ? [branch] : undefined, connection, ...requester }
}

/** `watch JOBID` and `cancel JOBID`. */
export function jobRequest<C extends JobRequest['command']>(
  command: C,
  options: CliOptions,
  args: string[]
): Extract<JobRequest, { command: C }> {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check)
  const [jobId, ...extra] = args
  if (jobId === undefined)
    check.problems.push({ where: 'JOBID', message: `is required: slurm-gitops ${command} JOBID` })
  else {
    const problem = checkJobId(jobId)
    if (problem) check.problems.push({ where: 'JOBID', message: problem })
  }
  if (extra.length > 0)
    check.problems.push({ where: extra.join(' '), message: `${command} takes one job id` })
  check.done()
  return { command, repo: repoLocation(options), jobId: jobId!, connection } as Extract<
    JobRequest,
    { command: C }
  >
}

/** `sandbox --ref REF …`: what the run asks for; the core checks it against the config. */
export function sandboxRequest(options: CliOptions, now: Date = new Date()): SandboxRequest {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check)
  check.required('ref', options.ref, 'feature/new-filter')
  check.done()
  return {
    command: 'sandbox',
    repo: repoLocation(options),
    ask: {
      ref: options.ref!,
      sandbox: options.sandbox,
      command: options.command,
      partition: options.partition,
      timeLimit: options.time,
      sbatch: options.sbatch,
      actor: options.actor ?? userInfo().username
    },
    names: {
      ref: '--ref',
      sandbox: '--sandbox',
      command: '--command',
      partition: '--partition',
      timeLimit: '--time',
      sbatch: '--sbatch',
      actor: '--actor'
    },
    // A UTC time names a run from a terminal (a workflow's run id does in the action).
    runId: now.toISOString().replace(/[-:T]/g, '').slice(0, 14),
    wait: !options['no-wait'],
    actor: options.actor ?? userInfo().username,
    runUrl: 'cli',
    connection
  }
}

export function connectionRequest(options: CliOptions, check: FlagCheck): ConnectionRequest {
  const port = check.value('port', options.port, text => {
    const parsed = parsePort(text)
    return 'problem' in parsed ? parsed.problem : null
  })
  return {
    local: options.local,
    host: check.value('host', options.host, checkHost),
    port: port === undefined ? undefined : Number(port),
    user: check.value('user', options.user, checkUnixUser),
    privateKey: options.identity ? { file: options.identity } : undefined,
    knownHosts: { file: options['known-hosts'] ?? path.join(homedir(), '.ssh/known_hosts') },
    names: { privateKey: '--identity', knownHosts: '--known-hosts' }
  }
}
