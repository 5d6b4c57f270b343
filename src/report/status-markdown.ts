// The action's job summary of `command: status`: one table of every deployment's Sync and Health, then per
// deployment its reasons, its jobs (next start, last run) and notes. Times in the cluster's time zone.
import { formatClusterTime, formatRelative } from '../status/cluster-time.js'
import type { DeploymentStatus } from '../status/deployment-status.js'
import type { JobHealth } from '../status/health.js'
import { overall } from '../status/status-json.js'
import type { Reason } from '../status/verdict.js'
import { formatDuration } from '../sandbox/slurm-time.js'
import { escapeText, fenced } from './markdown-text.js'
import { distanceText } from './status-text.js'

const MARK: Record<string, string> = {
  Synced: '✅',
  Healthy: '✅',
  OutOfSync: '❌',
  Degraded: '❌',
  Unknown: '❔'
}

const verdict = (status: string) => `${MARK[status] ?? ''} ${status}`.trim()
const short = (sha: string) => `\`${sha.slice(0, 12)}\``

export function renderStatusMarkdown(statuses: DeploymentStatus[]): string {
  const { sync, health } = overall(statuses)
  const parts = [
    `## slurm-gitops status: ${verdict(sync)} · ${verdict(health)}`,
    '',
    '| Deployment | Sync | Health | Deployed | Next start |',
    '| --- | --- | --- | --- | --- |',
    ...statuses.map(
      s =>
        `| ${escapeText(`${s.branch} → ${s.environment}`)} | ${verdict(s.sync.status)} | ${verdict(s.health.status)} | ${deployedCell(s)} | ${nextCell(s)} |`
    )
  ]
  for (const status of statuses) parts.push('', ...deploymentSection(status))
  return `${parts.join('\n')}\n`
}

function deployedCell(status: DeploymentStatus): string {
  const { sha, tip, distance } = status.deployed
  if (!sha) return 'nothing'
  if (tip === sha) return `${short(sha)} (tip)`
  if (!tip) return short(sha)
  return `${short(sha)} (${distance ? distanceText(distance) : 'not'} ${short(tip)})`
}

function nextCell(status: DeploymentStatus): string {
  const next = status.health.jobs.flatMap(job =>
    job.queued?.startMs !== undefined && job.queued.state === 'PENDING'
      ? [`${escapeText(job.name)}: ${timeText(status, job.queued.startMs)}`]
      : []
  )
  return next.length > 0 ? next.join('<br>') : '—'
}

function timeText(status: DeploymentStatus, ms: number): string {
  return `${formatClusterTime(status.clock.zone, ms)} (${formatRelative(ms, status.clock.nowMs)})`
}

function deploymentSection(status: DeploymentStatus): string[] {
  const lines = [`### ${escapeText(`${status.branch} → ${status.environment}`)} (${escapeText(status.root)})`]
  if (status.deployed.release) lines.push('', `Release: \`${status.deployed.release}\``)
  lines.push('', `**Sync: ${status.sync.status}**`, ...reasonItems(status.sync.reasons))
  lines.push('', `**Health: ${status.health.status}**`, ...reasonItems(status.health.reasons))
  if (status.health.jobs.length > 0) {
    lines.push(
      '',
      `| Job | Schedule | Health | Next start | Last run |`,
      '| --- | --- | --- | --- | --- |',
      ...status.health.jobs.map(job => jobRow(job, status))
    )
  }
  const notes = [
    ...status.sync.notes,
    ...status.health.notes,
    ...status.warnings.map(w => ({ code: 'warning', message: w }))
  ]
  if (notes.length > 0) lines.push('', '**Notes**', ...reasonItems(notes))
  return lines
}

function jobRow(job: JobHealth, status: DeploymentStatus): string {
  const queued = job.queued
  const next = !queued
    ? job.enabled
      ? 'not queued'
      : '—'
    : queued.state === 'RUNNING'
      ? `running since ${queued.startMs !== undefined ? timeText(status, queued.startMs) : '?'}`
      : queued.startMs !== undefined
        ? timeText(status, queued.startMs)
        : escapeText(`${queued.state} (${queued.reason})`)
  const run = job.lastRuns[0]
  const last = run
    ? `${escapeText(`${run.jobId} ${run.summary}`)}${run.startMs !== undefined ? `, ${timeText(status, run.startMs)}` : ''}${run.elapsedSeconds !== undefined ? `, ${formatDuration(run.elapsedSeconds)}` : ''}`
    : 'none'
  const health = job.enabled ? verdict(job.health) : 'disabled'
  return `| ${escapeText(job.name)} | \`${job.schedule}\` | ${health} | ${next} | ${last} |`
}

/** One item per reason; a reason's lines after its first (a diff) go into a block under it. */
function reasonItems(reasons: Reason[]): string[] {
  return reasons.flatMap(reason => {
    const [first = '', ...rest] = reason.message.split('\n')
    const item = `- ${reason.job ? `**${escapeText(reason.job)}**: ` : ''}${escapeText(first)}`
    return rest.length > 0 ? [item, '', fenced(rest.join('\n'), 'diff')] : [item]
  })
}
