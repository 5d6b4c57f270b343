// `slurm-gitops status` for people: per deployment its Sync and Health with every reason, what is deployed, and
// each job's next start and last runs, in the cluster's time zone and relative to now.
import { formatClusterTime, formatRelative } from '../status/cluster-time.js'
import type { DeploymentStatus } from '../status/deployment-status.js'
import type { JobHealth } from '../status/health.js'
import type { Reason } from '../status/verdict.js'
import { formatDuration } from '../sandbox/slurm-time.js'

const short = (sha: string) => sha.slice(0, 12)

export function renderStatusText(statuses: DeploymentStatus[]): string {
  return statuses.map(deploymentText).join('\n\n')
}

function deploymentText(status: DeploymentStatus): string {
  const lines = [`${status.branch} → ${status.environment}: ${status.sync.status}, ${status.health.status}`]
  lines.push(`  deployed: ${deployedText(status)}`)
  if (status.error) lines.push(`  the status run failed: ${indent(status.error, '    ')}`)
  lines.push(`  sync: ${status.sync.status}`, ...reasonLines(status.sync.reasons))
  const deploymentReasons = status.health.reasons.filter(r => r.job === undefined)
  lines.push(`  health: ${status.health.status}`, ...reasonLines(deploymentReasons))
  if (status.health.jobs.length > 0) {
    lines.push(`  jobs (times in ${status.clock.zone.name}):`)
    for (const job of status.health.jobs) lines.push(...jobLines(job, status))
  }
  const notes = [...status.sync.notes, ...status.health.notes]
  if (notes.length > 0) lines.push('  notes:', ...reasonLines(notes))
  return lines.join('\n')
}

function deployedText(status: DeploymentStatus): string {
  const { sha, tip, distance, release } = status.deployed
  if (!sha) return 'nothing'
  const against = !tip
    ? ''
    : sha === tip
      ? `, the tip of ${status.branch}`
      : distance
        ? `, ${distanceText(distance)} ${status.branch} (${short(tip)})`
        : `, not the tip of ${status.branch} (${short(tip)}; how far is unknown)`
  return `${short(sha)}${against}${release ? `, release ${release}` : ''}`
}

/** `2 behind`, `1 ahead of`, `2 behind, 1 ahead of` (followed by the branch). */
export function distanceText({ behind, ahead }: { behind: number; ahead: number }): string {
  if (ahead === 0) return `${behind} commit${behind === 1 ? '' : 's'} behind`
  if (behind === 0) return `${ahead} commit${ahead === 1 ? '' : 's'} ahead of`
  return `${behind} behind, ${ahead} ahead of`
}

function jobLines(job: JobHealth, status: DeploymentStatus): string[] {
  const { zone, nowMs } = status.clock
  const at = (ms: number) => `${formatClusterTime(zone, ms)} (${formatRelative(ms, nowMs)})`
  const lines = [`    ${job.name}  ${job.schedule}  ${job.enabled ? job.health : 'disabled in the config'}`]
  lines.push(...reasonLines(job.reasons, '      - '))
  const queued = job.queued
  if (queued?.state === 'RUNNING' && queued.startMs !== undefined)
    lines.push(`      running now: job ${queued.jobId}, since ${at(queued.startMs)}`)
  else if (queued)
    lines.push(
      `      next start: ${queued.startMs !== undefined ? at(queued.startMs) : 'not known yet'}, job ${queued.jobId} ${queued.state}${queued.reason ? ` (${queued.reason})` : ''}`
    )
  else if (job.enabled) lines.push('      next start: none (not queued)')
  if (job.lastRuns.length === 0) lines.push('      last runs: none in the records read')
  else {
    lines.push('      last runs:')
    for (const run of job.lastRuns) {
      const took = run.elapsedSeconds !== undefined ? `, ${formatDuration(run.elapsedSeconds)}` : ''
      lines.push(
        `        ${run.jobId}  ${run.summary}  ${run.startMs !== undefined ? at(run.startMs) : ''}${took}`
      )
    }
  }
  return lines
}

function reasonLines(reasons: Reason[], bullet = '    - '): string[] {
  return reasons.map(
    r => `${bullet}${r.job ? `${r.job}: ` : ''}${indent(r.message, ' '.repeat(bullet.length))}`
  )
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`)
}
