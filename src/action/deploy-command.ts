// `deploy` (push to a deployed branch) and `rollback` (workflow_dispatch): one remote run, reported as outputs,
// a job summary and a GitHub deployment.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import * as core from '@actions/core'
import { context, getOctokit } from '@actions/github'
import type { ActionSettings } from './inputs.js'
import { Inputs, Outputs } from './constants.js'
import { ActionLogSink } from './action-log-sink.js'
import { writeSshFiles } from './ssh-files.js'
import { loadConfig } from '../config/load.js'
import { loadTemplates, workingTreeReader } from '../render/templates.js'
import { transportSettings } from '../deploy/connection.js'
import { runOperation, type OperationOutcome } from '../deploy/operations.js'
import { failureMessage, succeeded } from '../exec/executor.js'
import { GitHubDeployment } from '../github/deployments.js'
import { runUrl } from '../github/run-url.js'
import { deploySummary } from '../report/deploy-summary.js'
import { UserError } from '../errors/user-error.js'
import { checkFullSha } from '../validate/names.js'

type Mode = 'deploy' | 'rollback'

/** The branch: the input, else the pushed branch (refs/heads/<branch>). */
function branchOf(settings: ActionSettings): string | undefined {
  if (settings.branch) return settings.branch
  const ref = context.ref ?? ''
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined
}

export async function runRemoteCommand(settings: ActionSettings, mode: Mode): Promise<void> {
  const configPath = path.join(settings.workingDirectory, settings.config)
  const config = await loadConfig(configPath)
  const branch = branchOf(settings)
  if (!branch) {
    throw new UserError({
      where: `input ${Inputs.Branch}`,
      message: `is required for ${mode} outside a branch push`
    })
  }
  if (!config.deployments.some(d => d.branch === branch)) {
    core.notice(`branch ${branch} has no deployment in ${settings.config}: nothing to ${mode}`)
    return
  }
  const sha = mode === 'deploy' ? (settings.sha ?? context.sha) : undefined
  if (sha) {
    const bad = checkFullSha(sha)
    if (bad) throw new UserError({ where: `input ${Inputs.Sha}`, message: bad })
  }
  const templates = await loadTemplates(config.templates, workingTreeReader(settings.workingDirectory))
  if (settings.timeoutMinutes) config.cluster.timeoutMinutes = settings.timeoutMinutes
  const ssh = await sshSecrets(settings)
  const connection = transportSettings(config.cluster, {
    ...ssh,
    host: settings.ssh.host,
    port: settings.ssh.port,
    user: settings.ssh.user,
    inputNames: { privateKey: `input ${Inputs.SshPrivateKey}`, knownHosts: `input ${Inputs.SshKnownHosts}` }
  })

  const environment = config.deployments.find(d => d.branch === branch)!.environment
  const url = runUrl() ?? ''
  const octokit = settings.githubToken ? getOctokit(settings.githubToken) : undefined
  const deployment = octokit
    ? await GitHubDeployment.start(octokit, {
        ...context.repo,
        sha: sha ?? context.sha,
        environment,
        description: `slurm-gitops ${mode} of ${branch}`,
        runUrl: url
      })
    : undefined

  // The runner cancels with SIGINT, then SIGTERM: stop the remote run cleanly (its process group is killed).
  const abort = new AbortController()
  const cancel = () => abort.abort()
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  const sink = new ActionLogSink()
  let outcome: OperationOutcome
  try {
    outcome = await runOperation({
      config,
      templates,
      branch,
      mode,
      sha,
      target: settings.to,
      actor: context.actor,
      runUrl: url,
      connection,
      sink,
      repoDir: settings.workingDirectory,
      signal: abort.signal,
      warn: message => core.warning(message)
    })
  } catch (error) {
    await deployment?.setState('failure')
    throw error
  } finally {
    sink.close()
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
  }

  const { outputs, report } = outcome
  core.setOutput(Outputs.Sha, outputs.sha)
  core.setOutput(Outputs.PreviousSha, outputs.previousSha)
  core.setOutput(Outputs.Release, outputs.release)
  core.setOutput(Outputs.Environment, outputs.environment)
  core.setOutput(Outputs.Venv, outputs.venv)
  core.setOutput(Outputs.Scrontab, outputs.scrontab)
  await writeSummary(outcome, mode)
  const ok = succeeded(report)
  await deployment?.setState(ok ? 'success' : 'failure')
  if (!ok) core.setFailed(`slurm-gitops ${mode} of ${branch}: ${failureMessage(report)}`)
}

/** The key and known_hosts go through files in $RUNNER_TEMP (removed by the post step), like actions/checkout. */
async function sshSecrets(settings: ActionSettings): Promise<{ privateKey?: string; knownHosts?: string }> {
  const { privateKey, knownHosts } = settings.ssh
  if (!privateKey || !knownHosts) return { privateKey, knownHosts }
  const files = await writeSshFiles(privateKey, knownHosts)
  return {
    privateKey: await readFile(files.privateKeyPath, 'utf8'),
    knownHosts: await readFile(files.knownHostsPath, 'utf8')
  }
}

async function writeSummary(outcome: OperationOutcome, mode: Mode): Promise<void> {
  const table = deploySummary(outcome, mode)
  const summary = core.summary.addHeading(table.heading, 2).addTable([
    [
      { data: 'What', header: true },
      { data: 'Now', header: true }
    ],
    ...table.rows
  ])
  for (const section of table.sections)
    summary.addHeading(section.title, 3).addRaw(`\n${section.body}\n`, true)
  await summary.write()
}
