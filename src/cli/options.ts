// The one place the CLI's flags become a request: every value checked, every problem reported at once. Which
// flags a command takes, and which it needs, the command line has already checked (parse-command-line.ts).
import { statSync } from 'node:fs'
import { homedir, userInfo } from 'node:os'
import path from 'node:path'
import { DEFAULT_CONFIG_PATH } from '../config/default-path.js'
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
import { checkBranchName, checkCommitOrBranch, checkFullSha, checkGitSha } from '../validate/names.js'
import { checkHost, checkUnixUser, parsePort } from '../validate/network.js'
import { checkJobId } from '../sandbox/slurm-queries.js'
import { PASSPHRASE_VARIABLE, type CliOptions, type FlagName } from './flags.js'

/** Collects problems, so that every bad flag is reported in one go. */
export class FlagCheck {
  readonly problems: Problem[] = []

  value(flag: FlagName | 'JOBID', value: string | undefined, check: (value: string) => string | null) {
    if (value === undefined) return undefined
    const problem = check(value)
    if (problem) this.problems.push({ where: flag === 'JOBID' ? flag : `--${flag}`, message: problem })
    return problem ? undefined : value
  }

  done(): void {
    if (this.problems.length > 0) throw new UserError(this.problems)
  }
}

/**
 * The consuming repository is the directory holding `.github/`, found from the config path. The config must be
 * a file; when the command reads the working tree (not a commit), it must exist.
 */
export function repoLocation(options: CliOptions, check: FlagCheck, readsWorkingTree: boolean): RepoLocation {
  const given = options.config ?? DEFAULT_CONFIG_PATH
  const config = path.resolve(given)
  const kind = fileKind(config)
  if (kind === 'directory') {
    const inside = path.join(given, DEFAULT_CONFIG_PATH)
    const advice =
      fileKind(path.resolve(inside)) === 'file' ? `; did you mean --config ${inside}?` : ` (e.g. ${inside})`
    check.problems.push({
      where: '--config',
      message: `${given} is a directory; it takes the YAML config file${advice}`
    })
  } else if (kind === 'missing' && readsWorkingTree) {
    check.problems.push({
      where: '--config',
      message: `${config} does not exist; pass the config file with --config (default ${DEFAULT_CONFIG_PATH})`
    })
  }
  const dir = options.repo
    ? path.resolve(options.repo)
    : path.basename(path.dirname(config)) === '.github'
      ? path.dirname(path.dirname(config))
      : process.cwd()
  return { dir, configPath: path.relative(dir, config) }
}

function fileKind(file: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(file).isDirectory() ? 'directory' : 'file'
  } catch {
    return 'missing'
  }
}

/** `plan` and `validate`: the working tree, or the commit `--sha`, compared with `--base` when given. */
export function planRequest(options: CliOptions): PlanRequest {
  const check = new FlagCheck()
  const sha = check.value('sha', options.sha, checkGitSha)
  const base = check.value('base', options.base, checkCommitOrBranch)
  const branch = options.branch === 'all' ? undefined : check.value('branch', options.branch, checkBranchName)
  const repo = repoLocation(options, check, options.sha === undefined)
  check.done()
  return {
    command: 'plan',
    repo,
    head: sha ? { sha } : { tree: true },
    base,
    branches: branch ? [branch] : undefined
  }
}

export function remoteRequest(
  command: RemoteRequest['command'],
  options: CliOptions,
  env: NodeJS.ProcessEnv
): RemoteRequest {
  const check = new FlagCheck()
  const branch = check.value('branch', options.branch, checkBranchName)
  const connection = connectionRequest(options, check, env)
  const requester: Requester = { actor: options.actor ?? userInfo().username, runUrl: 'cli' }
  // A deploy reads the config as committed; rollback and status read the working tree.
  const repo = repoLocation(options, check, command !== 'deploy')
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
  args: string[],
  env: NodeJS.ProcessEnv
): Extract<JobRequest, { command: C }> {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check, env)
  const jobId = check.value('JOBID', args[0], checkJobId)
  const repo = repoLocation(options, check, true)
  check.done()
  return { command, repo, jobId: jobId!, connection } as Extract<JobRequest, { command: C }>
}

/** `sandbox --ref REF …`: what the run asks for; the core checks it against the config. */
export function sandboxRequest(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  now: Date = new Date()
): SandboxRequest {
  const check = new FlagCheck()
  const connection = connectionRequest(options, check, env)
  const repo = repoLocation(options, check, true)
  check.done()
  return {
    command: 'sandbox',
    repo,
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

/** The key from a file, its passphrase from the environment: a flag's value would show in `ps`. */
export function connectionRequest(
  options: CliOptions,
  check: FlagCheck,
  env: NodeJS.ProcessEnv
): ConnectionRequest {
  const port = check.value('port', options.port, text => {
    const parsed = parsePort(text)
    return 'problem' in parsed ? parsed.problem : null
  })
  const passphrase = env[PASSPHRASE_VARIABLE]
  return {
    local: options.local,
    host: check.value('host', options.host, checkHost),
    port: port === undefined ? undefined : Number(port),
    user: check.value('user', options.user, checkUnixUser),
    privateKey: options.identity ? { file: options.identity } : undefined,
    passphrase: passphrase ? { text: passphrase } : undefined,
    knownHosts: { file: options['known-hosts'] ?? path.join(homedir(), '.ssh/known_hosts') },
    names: {
      privateKey: '--identity',
      knownHosts: '--known-hosts',
      passphrase: `environment variable ${PASSPHRASE_VARIABLE}`
    }
  }
}
