// The reviewed plan, as the PR check leaves it in its sticky comment: a hidden HTML comment holding each
// deployment's plan fingerprint at the head it rendered. The deploy of the merge reads it back. The text comes
// from a comment anyone with write access could edit, so it is parsed strictly and never trusted beyond it.
import * as z from 'zod'
import type { PlanFingerprint } from '../plan/plan-fingerprint.js'

export interface PlanRecord {
  /** The pull request's head commit the plan was rendered at (its merge with the base was planned). */
  head?: string
  /** The base commit it was compared with. */
  base?: string
  /** Branch → its deployment's plan fingerprint. */
  deployments: Record<string, PlanFingerprint>
}

const PREFIX = '<!-- slurm-gitops:reviewed-plan v1 '
const SUFFIX = ' -->'

const hex = (length?: number) =>
  z.string().regex(length ? new RegExp(`^[0-9a-f]{${length}}$`) : /^[0-9a-f]+$/)
const recordSchema = z.strictObject({
  head: hex(40).optional(),
  base: hex(40).optional(),
  deployments: z.record(
    z.string().max(200),
    z.strictObject({ plan: hex(64), files: z.record(z.string().max(300), hex(16)) })
  )
})

/** One line: `<!-- slurm-gitops:reviewed-plan v1 {json} -->`; `<` and `>` are escaped so nothing ends it early. */
export function encodePlanRecord(record: PlanRecord): string {
  const json = JSON.stringify(record).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
  return `${PREFIX}${json}${SUFFIX}`
}

/** The record in a comment's body; undefined when there is none or it is not well formed. */
export function decodePlanRecord(body: string): PlanRecord | undefined {
  const line = body.split('\n').find(l => l.startsWith(PREFIX) && l.endsWith(SUFFIX))
  if (!line) return undefined
  try {
    const parsed = recordSchema.safeParse(JSON.parse(line.slice(PREFIX.length, -SUFFIX.length)))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
