// `command: sandbox` (workflow_dispatch): the core stages the ref, submits the test job and follows it; this
// streams the job's log into the Actions log (workflow commands off, so a job cannot issue them), writes the
// outputs and a job summary, and fails the step unless the job COMPLETED with exit code 0. The job id is saved
// for the post step, which cancels a job the main step did not see finish (a KILL, a lost runner).
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { ActionSettings } from './inputs.js'
import { Outputs, State } from './constants.js'
import { ActionLogSink } from './action-log-sink.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import { sandbox, type SandboxOutcome } from '../operations/sandbox.js'
import { cancel, watch as watchJob } from '../operations/job.js'
import type { CancelRequest, SandboxRequest, WatchRequest } from '../operations/requests.js'
import { failureMessage } from '../exec/executor.js'
import { OutputLines } from '../sandbox/output-lines.js'
import { formatWatchEvent, formatWatchOutcome } from '../sandbox/watch-events.js'
import type { WatchEvent, WatchOutcome } from '../sandbox/watch.js'
import { formatDuration } from '../sandbox/slurm-time.js'

export async function runSandboxCommand(settings: ActionSettings): Promise<void> {
  const request = settings.request as SandboxRequest
  const sink = new ActionLogSink()
  const lines = new OutputLines(line => sink.info(line))
  let outcome: SandboxOutcome
  try {
    outcome = await cancelOnSignal(signal =>
      sandbox(request, {
        sink,
        onOutput: chunk => lines.write(chunk),
        onEvent: event => logEvent(sink, event),
        onSubmitted: job => {
          core.saveState(State.UnfinishedJob, job.jobId)
          core.setOutput(Outputs.JobId, job.jobId)
          core.info(`submitted job ${job.jobId}; its log: ${job.logPath}`)
        },
        signal,
        warn: message => sink.warning(message),
        log: message => core.info(message),
        collectTo: path.join(process.env.RUNNER_TEMP || tmpdir(), `slurm-gitops-sandbox-${request.runId}`)
      })
    )
    lines.end()
  } finally {
    sink.close()
  }
  core.setOutput(Outputs.Sha, outcome.sha)
  if (outcome.kind === 'staging-failed') {
    core.setFailed(`slurm-gitops sandbox: staging ${outcome.sha} failed: ${failureMessage(outcome.report)}`)
    return
  }
  core.setOutput(Outputs.LogPath, outcome.plan.logPath)
  core.setOutput(Outputs.RunDir, outcome.plan.runDir)
  if (outcome.kind === 'submitted') {
    // Left running on purpose (wait: false): the post step must not cancel it.
    core.saveState(State.UnfinishedJob, '')
    core.notice(
      `job ${outcome.job.jobId} submitted; follow it with command: watch or slurm-gitops watch ${outcome.job.jobId}`
    )
    await writeSummary(outcome)
    return
  }
  const { watch } = outcome
  // Finished, cancelled by us, or left running as the config asks: nothing for the post step to cancel.
  if (watch.ending !== 'connection-lost' && watch.ending !== 'unknown')
    core.saveState(State.UnfinishedJob, '')
  setWatchOutputs(watch)
  if (outcome.collected) {
    core.setOutput(Outputs.ArtifactDir, outcome.collected.dir)
    core.info(`collected ${outcome.collected.files.join(', ') || 'nothing'} into ${outcome.collected.dir}`)
    for (const file of outcome.collected.leftOut) {
      core.warning(`${file.path} (${file.bytes} bytes) left out: over sandbox.collect.maxMegabytes`)
    }
  }
  await writeSummary(outcome)
  if (!watch.succeeded) core.setFailed(`slurm-gitops sandbox: ${formatWatchOutcome(watch)}`)
  else core.info(formatWatchOutcome(watch))
}

/** `command: watch`: follows a sandbox job (e.g. one submitted with wait: false) to its end, like sandbox does. */
export async function runWatchCommand(settings: ActionSettings): Promise<void> {
  const request = settings.request as WatchRequest
  const sink = new ActionLogSink()
  const lines = new OutputLines(line => sink.info(line))
  const watch = await cancelOnSignal(signal =>
    watchJob(request, {
      onOutput: chunk => lines.write(chunk),
      onEvent: event => logEvent(sink, event),
      signal,
      warn: m => sink.warning(m)
    })
  ).finally(() => {
    lines.end()
    sink.close()
  })
  setWatchOutputs(watch)
  core.setOutput(Outputs.JobId, watch.jobId)
  core.setOutput(Outputs.LogPath, watch.logPath)
  if (!watch.succeeded) core.setFailed(`slurm-gitops watch: ${formatWatchOutcome(watch)}`)
  else core.info(formatWatchOutcome(watch))
}

/** `command: cancel`: cancels a sandbox job by its id. */
export async function runCancelCommand(settings: ActionSettings): Promise<void> {
  const outcome = await cancel(settings.request as CancelRequest, { warn: message => core.warning(message) })
  core.setOutput(Outputs.JobId, outcome.jobId)
  if (outcome.confirmed) core.info(outcome.message)
  else core.setFailed(`slurm-gitops cancel: ${outcome.message}`)
}

function logEvent(sink: ActionLogSink, event: WatchEvent): void {
  const { level, text } = formatWatchEvent(event)
  if (level === 'warning') sink.warning(text)
  else core.info(text)
}

function setWatchOutputs(watch: WatchOutcome): void {
  core.setOutput(Outputs.State, watch.state?.name ?? '')
  core.setOutput(Outputs.ExitCode, watch.exitCode === undefined ? '' : String(watch.exitCode))
  core.setOutput(Outputs.SlurmQueries, String(watch.slurmQueries))
}

/** The post step: a job the main step submitted and did not see end is cancelled, by its id. */
export async function cancelUnfinishedJob(settings: ActionSettings): Promise<void> {
  const jobId = core.getState(State.UnfinishedJob)
  if (!jobId) return
  const request = settings.request as SandboxRequest
  core.info(`the main step did not see job ${jobId} finish (cancelled or killed): cancelling it`)
  const outcome = await cancel(
    { command: 'cancel', repo: request.repo, jobId, connection: request.connection },
    { warn: message => core.warning(message) }
  )
  if (outcome.confirmed) core.info(outcome.message)
  else core.warning(outcome.message)
}

async function writeSummary(outcome: Exclude<SandboxOutcome, { kind: 'staging-failed' }>): Promise<void> {
  const watch = outcome.kind === 'watched' ? outcome.watch : undefined
  const rows: string[][] = [
    ['Ref', `${outcome.run.ref} (${outcome.sha.slice(0, 12)})`],
    ['Sandbox', outcome.run.sandbox],
    ['Partition', outcome.run.partition],
    ['Job', outcome.job.jobId],
    ['Node', watch?.node ?? '—'],
    ['Queued for', watch?.queuedSeconds === undefined ? '—' : formatDuration(watch.queuedSeconds)],
    ['Ran for', watch?.ranSeconds === undefined ? '—' : formatDuration(watch.ranSeconds)],
    ['State', watch ? watch.summary : 'submitted (not watched)'],
    ['Exit code', watch?.exitCode === undefined ? '—' : String(watch.exitCode)],
    ['Slurm queries', watch ? String(watch.slurmQueries) : '1'],
    ['Log', outcome.plan.logPath]
  ]
  const heading = watch
    ? `slurm-gitops sandbox: ${outcome.run.sandbox} ${watch.succeeded ? 'succeeded' : 'failed'} (${watch.summary})`
    : `slurm-gitops sandbox: job ${outcome.job.jobId} submitted`
  await core.summary
    .addHeading(heading, 2)
    .addTable([
      [
        { data: 'What', header: true },
        { data: 'Now', header: true }
      ],
      ...rows
    ])
    .write()
}
