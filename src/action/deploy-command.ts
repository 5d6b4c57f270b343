// `deploy` (push to a deployed branch) and `rollback` (workflow_dispatch): one remote run, reported as outputs,
// a job summary and a GitHub deployment.
import { readFile } from 'node:fs/promises'
import * as core from '@actions/core'
import { context, getOctokit } from '@actions/github'
import type { ActionSettings } from './inputs.js'
import { Inputs, Outputs } from './constants.js'
import { ActionLogSink } from './action-log-sink.js'
import { writeSshFiles } from './ssh-files.js'
import { workingTreeReader } from '../render/templates.js'
import { loadRepository } from '../plan/plan-repository.js'
import { commitReader } from '../github/git-reader.js'
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

/**
 * The runner cancels with SIGINT, then SIGTERM. From the first moment to the last status posted, a signal stops
 * the remote run (its process group is killed) and the command still reports the failure; node is never killed
 * halfway, which would leave the GitHub deployment `in_progress` forever.
 */
export async function runRemoteCommand(settings: ActionSettings, mode: Mode): Promise<void> {
  const abort = new AbortController()
  const cancel = () => abort.abort()
  process.on('SIGINT', cancel)
  process.on('SIGTERM', cancel)
  try {
    await remoteCommand(settings, mode, abort.signal)
  } finally {
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
  }
}

async function remoteCommand(settings: ActionSettings, mode: Mode, signal: AbortSignal): Promise<void> {
  const branch = branchOf(settings)
  if (!branch) {
    throw new UserError({
      where: `input ${Inputs.Branch}`,
      message: `is required for ${mode} outside a branch push`
    })
  }
  const sha = mode === 'deploy' ? (settings.sha ?? context.sha) : undefined
  if (sha) {
    const bad = checkFullSha(sha)
    if (bad) throw new UserError({ where: `input ${Inputs.Sha}`, message: bad })
  }
  // A deploy renders from the config and templates of the commit it deploys (the checkout, unless `sha` names
  // another commit); a rollback from the checkout.
  const reader = sha
    ? await commitReader(settings.workingDirectory, sha)
    : workingTreeReader(settings.workingDirectory)
  const { config, templates } = await loadRepository(reader, settings.config)
  const deployment = config.deployments.find(d => d.branch === branch)
  if (!deployment) {
    core.notice(`branch ${branch} has no deployment in ${settings.config}: nothing to ${mode}`)
    return
  }
  if (settings.timeoutMinutes) config.cluster.timeoutMinutes = settings.timeoutMinutes
  const connection = transportSettings(config.cluster, {
    ...(await sshSecrets(settings)),
    host: settings.ssh.host,
    port: settings.ssh.port,
    user: settings.ssh.user,
    inputNames: { privateKey: `input ${Inputs.SshPrivateKey}`, knownHosts: `input ${Inputs.SshKnownHosts}` }
  })

  const url = runUrl() ?? ''
  const octokit = settings.githubToken ? getOctokit(settings.githubToken) : undefined
  const record = (commit: string) =>
    octokit
      ? GitHubDeployment.start(octokit, {
          ...context.repo,
          sha: commit,
          environment: deployment.environment,
          description: `slurm-gitops ${mode} of ${branch}`,
          runUrl: url
        })
      : Promise.resolve(undefined)
  // A deploy is recorded from its start; a rollback once the run tells which commit it restored.
  let githubDeployment = sha ? await record(sha) : undefined

  let outcome: OperationOutcome
  try {
    outcome = await withLogSink(sink =>
      runOperation({
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
        signal,
        warn: message => core.warning(message)
      })
    )
  } catch (error) {
    await githubDeployment?.setState('failure')
    throw error
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
  const restored = outputs.sha || outputs.targetSha
  if (!githubDeployment && restored) githubDeployment = await record(restored)
  await githubDeployment?.setState(ok ? 'success' : 'failure')
  if (!ok) core.setFailed(`slurm-gitops ${mode} of ${branch}: ${failureMessage(report)}`)
}

/** Remote output goes to the log through the sink; workflow commands are back on when `fn` returns or throws. */
async function withLogSink<T>(fn: (sink: ActionLogSink) => Promise<T>): Promise<T> {
  const sink = new ActionLogSink()
  try {
    return await fn(sink)
  } finally {
    sink.close()
  }
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
