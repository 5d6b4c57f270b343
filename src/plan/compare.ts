// The PR check's computation: plan every deployment at the head and at the base, diff them, validate the head.
// The readers are passed in, so the same comparison serves the action, the CLI (`plan --base`) and tests.
import type { Problem } from '../errors/user-error.js'
import { UserError } from '../errors/user-error.js'
import type { RepoReader } from '../repo/reader.js'
import { planRepository } from './plan-repository.js'
import { diffPlans, type PlanDiff } from './plan-diff.js'
import type { DeploymentPlan } from './types.js'
import { validatePlans, type ValidationResult } from './validate.js'

/** What the head was compared with. */
export type BaseState =
  | { kind: 'planned'; sha: string }
  /** The config file did not exist at the base: everything is new. */
  | { kind: 'absent'; sha: string }
  /** The base config or templates were invalid: diffed against nothing. */
  | { kind: 'invalid'; sha: string; problems: Problem[] }
  /** No base commit (not a pull request, or a new branch). */
  | { kind: 'none' }

export type HeadState =
  | { kind: 'planned'; diff: PlanDiff; validation: ValidationResult; plans: DeploymentPlan[] }
  | { kind: 'invalid'; problems: Problem[] }

export interface PlanComparison {
  head: HeadState
  base: BaseState
}

type Planned = { kind: 'planned'; plans: DeploymentPlan[] } | { kind: 'invalid'; problems: Problem[] }

export async function comparePlans(options: {
  head: RepoReader
  base?: { sha: string; read: RepoReader }
  configPath: string
  branches?: string[]
  log?: (message: string) => void
}): Promise<PlanComparison> {
  const log = options.log ?? (() => {})
  const head = await planAt(options.head, options.configPath, options.branches, log)
  const { state: base, plans: basePlans } = await planBase(options, log)
  if (head.kind === 'invalid') return { head, base }
  const validation = await validatePlans(head.plans)
  log(
    `Checks: ${validation.checks.join(', ')}; ${validation.errors.length} errors, ${validation.warnings.length} warnings`
  )
  return {
    head: { kind: 'planned', diff: diffPlans(head.plans, basePlans), validation, plans: head.plans },
    base
  }
}

async function planAt(
  read: RepoReader,
  configPath: string,
  branches: string[] | undefined,
  log: (message: string) => void
): Promise<Planned> {
  try {
    const { plans } = await planRepository(read, configPath, branches)
    log(`Planned ${plans.map(p => `${p.branch} → ${p.environment}`).join(', ')}`)
    return { kind: 'planned', plans }
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    for (const problem of error.problems) log(`invalid: ${problem.where}: ${problem.message}`)
    return { kind: 'invalid', problems: error.problems }
  }
}

async function planBase(
  options: Parameters<typeof comparePlans>[0],
  log: (message: string) => void
): Promise<{ state: BaseState; plans?: DeploymentPlan[] }> {
  if (!options.base) {
    log('No base commit to compare with (not a pull request, or a new branch)')
    return { state: { kind: 'none' } }
  }
  const { sha, read } = options.base
  if ((await read(options.configPath)) === undefined) {
    log(`${options.configPath} did not exist at ${sha}: everything is new`)
    return { state: { kind: 'absent', sha } }
  }
  const plan = await planAt(read, options.configPath, options.branches, log)
  if (plan.kind === 'invalid') return { state: { kind: 'invalid', sha, problems: plan.problems } }
  return { state: { kind: 'planned', sha }, plans: plan.plans }
}
