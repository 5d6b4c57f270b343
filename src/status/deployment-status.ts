// One deployment's status: the facts its status run reported, decided into Sync and Health (sync.ts, health.ts),
// with what was deployed and where it stands against its branch. Pure: the presenters (CLI text, JSON, the
// action's summary) all read this one value.
import { failureMessage, succeeded } from '../exec/executor.js'
import type { DeploymentRun } from '../operations/deployment.js'
import type { BranchPosition } from '../repo/branch-position.js'
import type { ClusterTimeZone } from './cluster-time.js'
import { statusFacts, type StatusFacts } from './facts.js'
import { decideHealth, type HealthResult } from './health.js'
import { decideSync } from './sync.js'
import type { SyncStatus, Verdict } from './verdict.js'

export interface DeploymentStatus {
  branch: string
  environment: string
  root: string
  /** The status run itself succeeded; when not, `error` says why and both verdicts are Unknown. */
  ok: boolean
  error?: string
  deployed: {
    /** '' when nothing is deployed. */
    sha: string
    release: string
    /** When it went live. */
    liveSinceMs?: number
    /** The branch's tip in the local repository, when known. */
    tip?: string
    /** Commits of the branch not deployed, and deployed commits not on it; undefined when unknown. */
    distance?: { behind: number; ahead: number }
  }
  sync: Verdict<SyncStatus>
  health: HealthResult
  /** The cluster's clock and time zone, which the times are shown in. */
  clock: { nowMs: number; zone: ClusterTimeZone }
  /** Warnings of the run (the script's warning markers). */
  warnings: string[]
}

export function deploymentStatus(
  run: DeploymentRun,
  position: BranchPosition,
  nowMs: number = Date.now()
): DeploymentStatus {
  const facts: StatusFacts = statusFacts(run.report.results)
  const ok = succeeded(run.report)
  const lookbackSeconds = Number(run.params.lookbackSeconds) || 0
  const common = {
    branch: run.branch,
    environment: run.plan.environment,
    root: run.plan.root,
    deployed: {
      sha: facts.sha,
      release: facts.release,
      ...(facts.liveSinceMs !== undefined ? { liveSinceMs: facts.liveSinceMs } : {}),
      ...(position.tip !== undefined ? { tip: position.tip } : {}),
      ...(position.tip !== undefined && position.distance ? { distance: position.distance } : {})
    },
    clock: { nowMs: facts.clockMs ?? nowMs, zone: facts.timeZone },
    warnings: run.report.warnings
  }
  if (!ok) {
    const error = failureMessage(run.report)
    const reason = { code: 'status-failed', message: `the status run failed: ${error}` }
    return {
      ...common,
      ok,
      error,
      sync: { status: 'Unknown', reasons: [reason], notes: [] },
      health: { status: 'Unknown', reasons: [reason], notes: [], jobs: [] }
    }
  }
  return {
    ...common,
    ok,
    sync: decideSync({ branch: run.branch, facts, position }),
    health: decideHealth({ facts, lookbackSeconds, nowMs })
  }
}
