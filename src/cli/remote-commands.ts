// CLI deploy, rollback and status: connect as the config says (or as flags override), run one script.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { homedir, userInfo } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { configLocation, type CliCommand, type CliOptions } from './options.js'
import { workingTreeReader } from '../render/templates.js'
import { loadRepository } from '../plan/plan-repository.js'
import { commitReader } from '../github/git-reader.js'
import { transportSettings } from '../deploy/connection.js'
import { runOperation } from '../deploy/operations.js'
import { deploymentFor } from '../plan/plan.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import { ConsoleLogSink } from '../exec/log-sink.js'
import type { RunMode } from '../plan/types.js'
import { UserError } from '../errors/user-error.js'
import { checkBranchName, checkFullSha, checkGitSha } from '../validate/names.js'

const git = promisify(execFile)

async function readOptional(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    throw new UserError({ where: flag, message: `cannot read ${file}` })
  }
}

function requireBranch(options: CliOptions): string {
  if (!options.branch) throw new UserError({ where: '--branch', message: 'is required (e.g. --branch main)' })
  const bad = checkBranchName(options.branch)
  if (bad) throw new UserError({ where: '--branch', message: bad })
  return options.branch
}

/** The commit to deploy: --sha (checked by the caller), else the tip of the branch in the local clone. */
async function resolveSha(options: CliOptions, repoRoot: string, branch: string): Promise<string> {
  const ref = options.sha ?? `refs/heads/${branch}`
  try {
    const { stdout } = await git('git', [
      '-C',
      repoRoot,
      'rev-parse',
      '--verify',
      '--quiet',
      `${ref}^{commit}`
    ])
    return stdout.trim()
  } catch {
    throw new UserError({
      where: '--sha',
      message: options.sha
        ? `commit ${options.sha} is not in the repository at ${repoRoot}; fetch it first`
        : `not given, and branch ${branch} does not exist in ${repoRoot}; pass --sha with a full 40-character SHA`
    })
  }
}

function remoteCommand(mode: RunMode): CliCommand {
  return async options => {
    const { repoRoot, configPath } = configLocation(options)
    if (options.sha) {
      const bad = checkFullSha(options.sha)
      if (bad) throw new UserError({ where: '--sha', message: bad })
    }
    // A deploy renders from the config and templates as committed in the commit it deploys (GitOps: what is
    // deployed is what is in git); rollback and status read the working tree.
    const sha = mode === 'deploy' ? await resolveSha(options, repoRoot, requireBranch(options)) : undefined
    const reader = sha ? await commitReader(repoRoot, sha) : workingTreeReader(repoRoot)
    const { config, templates } = await loadRepository(reader, configPath)
    const branches =
      mode === 'status' && !options.branch ? config.deployments.map(d => d.branch) : [requireBranch(options)]
    // Before reading any key: a branch without a deployment is a usage error, not a connection problem.
    for (const branch of branches) deploymentFor(config, branch)
    if (options.to) {
      const bad = checkGitSha(options.to)
      if (bad) throw new UserError({ where: '--to', message: bad })
    }
    const port = options.port === undefined ? undefined : Number(options.port)
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw new UserError({ where: '--port', message: `"${options.port}" is not a port number (1-65535)` })
    }
    const connection = transportSettings(config.cluster, {
      host: options.host,
      port,
      user: options.user,
      local: options.local,
      privateKey:
        options.local || !options.identity ? undefined : await readOptional(options.identity, '--identity'),
      knownHosts: options.local
        ? undefined
        : await readOptional(
            options['known-hosts'] ?? path.join(homedir(), '.ssh/known_hosts'),
            '--known-hosts'
          ),
      inputNames: { privateKey: '--identity', knownHosts: '--known-hosts' }
    })
    const sink = new ConsoleLogSink()
    const abort = new AbortController()
    const cancel = () => abort.abort()
    process.once('SIGINT', cancel)
    process.once('SIGTERM', cancel)
    let failed = false
    try {
      for (const branch of branches) {
        const outcome = await runOperation({
          config,
          templates,
          branch,
          mode,
          sha,
          target: options.to,
          actor: options.actor ?? userInfo().username,
          runUrl: 'cli',
          connection,
          sink,
          repoDir: repoRoot,
          signal: abort.signal,
          warn: message => console.error(`warning: ${message}`)
        })
        const { report, outputs } = outcome
        if (!succeeded(report)) {
          console.error(`slurm-gitops ${mode} ${branch}: ${failureMessage(report)}`)
          failed = true
          continue
        }
        if (mode !== 'status') {
          console.log(
            `${mode} of ${branch} → ${outputs.environment}: ${outputs.sha} (was ${outputs.previousSha || 'nothing'}), ` +
              `venv ${outputs.venv || 'unchanged'}, scrontab ${outputs.scrontab}, release ${outputs.release}`
          )
        }
      }
    } finally {
      process.off('SIGINT', cancel)
      process.off('SIGTERM', cancel)
    }
    return failed ? 1 : 0
  }
}

export const REMOTE_COMMANDS: Record<string, CliCommand> = {
  deploy: remoteCommand('deploy'),
  rollback: remoteCommand('rollback'),
  status: remoteCommand('status')
}
