// The status as JSON for scripts (`slurm-gitops status --format json`, the action's `status-json` output), in
// the versioned shape docs/status-json.md documents. Times are ISO 8601 in UTC, and also as the cluster shows them.
import { formatClusterTime, formatRelative, type ClusterTimeZone } from './cluster-time.js'
import type { DeploymentStatus } from './deployment-status.js'
import type { JobHealth, RunView } from './health.js'
import type { HealthStatus, Reason, SyncStatus, Verdict } from './verdict.js'

/** Raised when a change could break a reader (a field removed, renamed or given another meaning). */
export const STATUS_JSON_VERSION = 1

const SYNC_ORDER: SyncStatus[] = ['OutOfSync', 'Unknown', 'Synced']
const HEALTH_ORDER: HealthStatus[] = ['Degraded', 'Unknown', 'Healthy']

/** The worst of the deployments' verdicts (Synced or Healthy only when every one is). */
export function overall(statuses: DeploymentStatus[]): { sync: SyncStatus; health: HealthStatus } {
  const worst = <S extends string>(order: S[], values: S[]) =>
    order.find(status => values.includes(status)) ?? order[order.length - 1]!
  return {
    sync: worst(
      SYNC_ORDER,
      statuses.map(s => s.sync.status)
    ),
    health: worst(
      HEALTH_ORDER,
      statuses.map(s => s.health.status)
    )
  }
}

export function statusJson(statuses: DeploymentStatus[]) {
  return {
    version: STATUS_JSON_VERSION,
    command: 'status',
    ok: statuses.every(s => s.ok),
    ...overall(statuses),
    deployments: statuses.map(deploymentJson)
  }
}

export type StatusJson = ReturnType<typeof statusJson>

function deploymentJson(status: DeploymentStatus) {
  const time = (ms: number | undefined) => timeJson(ms, status.clock.zone, status.clock.nowMs)
  return {
    branch: status.branch,
    environment: status.environment,
    root: status.root,
    ok: status.ok,
    error: status.error ?? null,
    deployed: {
      sha: status.deployed.sha || null,
      release: status.deployed.release || null,
      liveSince: time(status.deployed.liveSinceMs),
      branchTip: status.deployed.tip ?? null,
      commitsBehind: status.deployed.distance?.behind ?? null,
      commitsAhead: status.deployed.distance?.ahead ?? null
    },
    sync: verdictJson(status.sync),
    health: verdictJson(status.health),
    jobs: status.health.jobs.map(job => jobJson(job, time)),
    clusterTime: { now: new Date(status.clock.nowMs).toISOString(), timeZone: status.clock.zone.name },
    warnings: status.warnings
  }
}

function verdictJson<S extends string>(verdict: Verdict<S>) {
  return {
    status: verdict.status,
    reasons: verdict.reasons.map(reasonJson),
    notes: verdict.notes.map(reasonJson)
  }
}

function reasonJson(reason: Reason) {
  return { code: reason.code, message: reason.message, job: reason.job ?? null }
}

type TimeJson = ReturnType<typeof timeJson>

function jobJson(job: JobHealth, time: (ms: number | undefined) => TimeJson) {
  const queued = job.queued
  return {
    name: job.name,
    jobName: job.jobName,
    schedule: job.schedule,
    enabled: job.enabled,
    health: job.enabled ? job.health : null,
    reasons: job.reasons.map(reasonJson),
    lastRuns: job.lastRuns.map(run => runJson(run, time)),
    queued: queued
      ? {
          jobId: queued.jobId,
          state: queued.state,
          reason: queued.reason || null,
          start: time(queued.startMs)
        }
      : null
  }
}

function runJson(run: RunView, time: (ms: number | undefined) => TimeJson) {
  return {
    jobId: run.jobId,
    state: run.state,
    exitCode: run.exitCode,
    outcome: run.outcome,
    summary: run.summary,
    start: time(run.startMs),
    end: time(run.endMs),
    elapsedSeconds: run.elapsedSeconds ?? null
  }
}

function timeJson(ms: number | undefined, zone: ClusterTimeZone, nowMs: number) {
  if (ms === undefined) return null
  return {
    utc: new Date(ms).toISOString(),
    local: formatClusterTime(zone, ms),
    relative: formatRelative(ms, nowMs)
  }
}
