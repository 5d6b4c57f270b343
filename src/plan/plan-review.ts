// Was the plan a push deploys the plan its pull request showed? The lookup (GitHub) is at the edge
// (src/github/reviewed-plan.ts); this judges what it found against the plan about to run. Pure.
import { compareFingerprints, type FingerprintComparison, type PlanFingerprint } from './plan-fingerprint.js'
import type { PlanRecord } from '../report/plan-record.js'

/** The pull request merged into the pushed commit. */
export interface PullRef {
  number: number
  url: string
  /** Its head when it was merged. */
  headSha: string
}

/** What GitHub told about the pushed commit. */
export type ReviewLookup =
  | { kind: 'found'; pull: PullRef; record: PlanRecord }
  /** No merged pull request into this branch has the commit: a direct push. */
  | { kind: 'no-pull-request' }
  /** The pull request has no plan comment of ours (a fork's read-only token, comment off, no plan check). */
  | { kind: 'no-record'; pull: PullRef }
  /** Not asked (no token) or the API failed: nothing is known. */
  | { kind: 'unchecked'; reason: string }

export type PlanReview =
  | { kind: 'reviewed'; pull: PullRef; record: PlanRecord }
  | { kind: 'differs'; pull: PullRef; record: PlanRecord; changes: FingerprintComparison }
  /** The plan comment shows no plan for this deployment (it was not planned there). */
  | { kind: 'not-planned'; pull: PullRef }
  | Exclude<ReviewLookup, { kind: 'found' }>

export function judgeReview(lookup: ReviewLookup, branch: string, deployed: PlanFingerprint): PlanReview {
  if (lookup.kind !== 'found') return lookup
  const reviewed = lookup.record.deployments[branch]
  if (!reviewed) return { kind: 'not-planned', pull: lookup.pull }
  const changes = compareFingerprints(reviewed, deployed)
  return changes.same
    ? { kind: 'reviewed', pull: lookup.pull, record: lookup.record }
    : { kind: 'differs', pull: lookup.pull, record: lookup.record, changes }
}

/** `requireReviewedPlan`: only exactly the reviewed plan may be deployed. */
export function reviewAllowsDeploy(review: PlanReview, required: boolean): boolean {
  return !required || review.kind === 'reviewed'
}
