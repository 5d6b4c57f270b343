// What a merge changes in what gets deployed: the head plans against the base plans, deployment by deployment,
// file by file, with unified diffs. Pure, so the report and its tests need no git and no network.
import { createTwoFilesPatch } from 'diff'
import type { DeploymentPlan, PlannedFile } from './types.js'
import { comparableFiles, SCRIPT_PATH } from './comparable-files.js'

export { FINGERPRINT_PLACEHOLDER, INPUT_SUFFIX, SCRIPT_PATH } from './comparable-files.js'

export type ChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged'

export interface FileChange {
  /** Path as it appears on the cluster, relative to the release: `.slurm-gitops/env.sh`, or `deploy script`. */
  path: string
  status: ChangeStatus
  /** Unified diff (base → head); empty when unchanged. */
  patch: string
  /** Octal modes when they differ, e.g. `644 → 755`. */
  modeChange?: string
}

export interface DeploymentChange {
  branch: string
  environment: string
  root: string
  status: ChangeStatus
  /** Rendered files, then the deploy script last. */
  files: FileChange[]
}

export interface PlanDiff {
  deployments: DeploymentChange[]
  /** True when anything a deploy writes or runs differs from the base. */
  changed: boolean
}

/** `base` undefined: nothing to compare with (no base, or an invalid one), so everything is added. */
export function diffPlans(head: DeploymentPlan[], base: DeploymentPlan[] | undefined): PlanDiff {
  const baseByBranch = new Map((base ?? []).map(plan => [plan.branch, plan]))
  const deployments = head.map(plan => {
    const before = baseByBranch.get(plan.branch)
    baseByBranch.delete(plan.branch)
    return diffDeployment(before, plan)
  })
  for (const removed of baseByBranch.values()) deployments.push(diffDeployment(removed, undefined))
  return { deployments, changed: deployments.some(d => d.status !== 'unchanged') }
}

/**
 * What merging into `targetBranch` deploys: the deployment that follows that branch, and no other (a PR into
 * main deploys production only). Without a target (a push, the CLI's plan) every deployment counts.
 */
export function deployedByMerge(
  diff: PlanDiff,
  targetBranch: string | undefined
): { deployed: DeploymentChange[]; others: DeploymentChange[] } {
  if (targetBranch === undefined) return { deployed: diff.deployments, others: [] }
  return {
    deployed: diff.deployments.filter(d => d.branch === targetBranch),
    others: diff.deployments.filter(d => d.branch !== targetBranch)
  }
}

function diffDeployment(
  base: DeploymentPlan | undefined,
  head: DeploymentPlan | undefined
): DeploymentChange {
  const plan = (head ?? base) as DeploymentPlan
  const baseFiles = new Map(comparableFiles(base).map(file => [file.path, file]))
  const files: FileChange[] = []
  for (const file of comparableFiles(head)) {
    files.push(diffFile(file.path, baseFiles.get(file.path), file))
    baseFiles.delete(file.path)
  }
  for (const file of baseFiles.values()) files.push(diffFile(file.path, file, undefined))
  // The script last: it is what the files feed into, and the longest.
  files.sort((a, b) => Number(a.path === SCRIPT_PATH) - Number(b.path === SCRIPT_PATH))
  const status: ChangeStatus = !base
    ? 'added'
    : !head
      ? 'removed'
      : files.every(f => f.status === 'unchanged') &&
          base.root === head.root &&
          base.environment === head.environment
        ? 'unchanged'
        : 'changed'
  return { branch: plan.branch, environment: plan.environment, root: plan.root, status, files }
}

function diffFile(path: string, base: PlannedFile | undefined, head: PlannedFile | undefined): FileChange {
  const status: ChangeStatus = !base
    ? 'added'
    : !head
      ? 'removed'
      : base.content === head.content && base.mode === head.mode
        ? 'unchanged'
        : 'changed'
  if (status === 'unchanged') return { path, status, patch: '' }
  const patch = createTwoFilesPatch(
    base ? `a/${path}` : '/dev/null',
    head ? `b/${path}` : '/dev/null',
    base?.content ?? '',
    head?.content ?? '',
    undefined,
    undefined,
    { context: 3 }
  )
  const change: FileChange = { path, status, patch: stripIndexLine(patch) }
  if (base && head && base.mode !== head.mode) change.modeChange = `${mode(base)} → ${mode(head)}`
  return change
}

const mode = (file: PlannedFile) => file.mode.toString(8)

/** createTwoFilesPatch starts with a `====` line and an `Index:`-less header; keep only the git-like part. */
function stripIndexLine(patch: string): string {
  return patch.replace(/^=+\n/, '')
}
