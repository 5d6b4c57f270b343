// A deployment's plan as hashes: one for the whole plan (what "the reviewed plan is the deployed plan" compares)
// and one per file (to say what differs). The PR check records it in its sticky comment; the deploy of the
// merge computes it again from the pushed commit and compares. Pure.
import { createHash } from 'node:crypto'
import { comparableFiles } from './comparable-files.js'
import type { DeploymentPlan } from './types.js'

export interface PlanFingerprint {
  /** sha256 of every file, input and the script (its embedded fingerprint left out), in order. */
  plan: string
  /** Path as the plan shows it (`.slurm-gitops/scrontab`, `requirements.txt (venv)`, `deploy script`) → hash. */
  files: Record<string, string>
}

export interface FingerprintComparison {
  same: boolean
  /** Paths whose content or mode differs, that only the deployed plan has, that only the reviewed one had. */
  changed: string[]
  added: string[]
  removed: string[]
}

/** Per-file hashes are shortened: they only name what differs; the plan hash decides. */
const FILE_HASH_LENGTH = 16

export function planFingerprint(plan: DeploymentPlan): PlanFingerprint {
  const whole = createHash('sha256')
  const files: Record<string, string> = {}
  for (const file of comparableFiles(plan)) {
    const entry = `${file.path}\0${file.mode.toString(8)}\0${file.content}\0`
    whole.update(entry)
    files[file.path] = createHash('sha256')
      .update(`${file.mode.toString(8)}\0${file.content}`)
      .digest('hex')
      .slice(0, FILE_HASH_LENGTH)
  }
  return { plan: whole.digest('hex'), files }
}

export function compareFingerprints(
  reviewed: PlanFingerprint,
  deployed: PlanFingerprint
): FingerprintComparison {
  const changed: string[] = []
  const added: string[] = []
  for (const [path, hash] of Object.entries(deployed.files)) {
    const before = reviewed.files[path]
    if (before === undefined) added.push(path)
    else if (before !== hash) changed.push(path)
  }
  const removed = Object.keys(reviewed.files).filter(path => !(path in deployed.files))
  return { same: reviewed.plan === deployed.plan, changed, added, removed }
}
