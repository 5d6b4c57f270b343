// `command: status` (a scheduled workflow, or a dispatch): Sync and Health of the deployments, as outputs and the
// job summary. The step fails on the verdicts `fail-on` names (out-of-sync and degraded by default), so the group
// hears of drift or a failed nightly run through GitHub's usual notification; always when a status run failed.
import * as core from '@actions/core'
import type { ActionSettings } from './inputs.js'
import { type FailOnVerdict, Outputs } from './constants.js'
import { ActionLogSink } from './action-log-sink.js'
import { cancelOnSignal } from '../exec/cancel-on-signal.js'
import type { StatusRequest } from '../operations/requests.js'
import { deploymentStatuses } from '../operations/status.js'
import type { DeploymentStatus } from '../status/deployment-status.js'
import { overall, statusJson } from '../status/status-json.js'
import { renderStatusMarkdown } from '../report/status-markdown.js'

export function runStatusCommand(settings: ActionSettings): Promise<void> {
  return cancelOnSignal(signal => statusCommand(settings, signal))
}

async function statusCommand(settings: ActionSettings, signal: AbortSignal): Promise<void> {
  const request = settings.request as StatusRequest
  const sink = new ActionLogSink()
  let statuses: DeploymentStatus[]
  try {
    statuses = await deploymentStatuses(request, {
      sink,
      signal,
      warn: message => sink.warning(message),
      log: message => core.info(message)
    })
  } finally {
    // Workflow commands are back on, whatever happened.
    sink.close()
  }
  const verdicts = overall(statuses)
  core.setOutput(Outputs.Sync, verdicts.sync)
  core.setOutput(Outputs.Health, verdicts.health)
  core.setOutput(Outputs.StatusJson, JSON.stringify(statusJson(statuses)))
  // Small by construction: a few lines per deployment and job (five runs each), far under SUMMARY_LIMIT.
  await core.summary.addRaw(renderStatusMarkdown(statuses), true).write()
  for (const status of statuses)
    core.info(`${status.branch} → ${status.environment}: ${status.sync.status}, ${status.health.status}`)
  const failures = failingVerdicts(statuses, settings.failOn)
  if (failures.length > 0) core.setFailed(`slurm-gitops status: ${failures.join('; ')}`)
}

/** Why the step fails: a status run that failed, and each verdict `fail-on` names, with its reasons. */
export function failingVerdicts(statuses: DeploymentStatus[], failOn: readonly FailOnVerdict[]): string[] {
  const failures: string[] = []
  for (const status of statuses) {
    const name = `${status.branch} (${status.environment})`
    const why = (reasons: { message: string; job?: string }[]) =>
      reasons.map(r => `${r.job ? `${r.job}: ` : ''}${r.message.split('\n')[0]}`).join('; ')
    if (!status.ok) {
      failures.push(`${name}: ${status.error ?? 'the status run failed'}`)
      continue
    }
    if (status.sync.status === 'OutOfSync' && failOn.includes('out-of-sync'))
      failures.push(`${name} is OutOfSync: ${why(status.sync.reasons)}`)
    if (status.health.status === 'Degraded' && failOn.includes('degraded'))
      failures.push(`${name} is Degraded: ${why(status.health.reasons)}`)
    const unknown = [status.sync, status.health].filter(v => v.status === 'Unknown')
    if (unknown.length > 0 && failOn.includes('unknown'))
      failures.push(`${name} is partly Unknown: ${why(unknown.flatMap(v => v.reasons))}`)
  }
  return failures
}
