// Checks a plan before anything would run: every shell script parses (`bash -n`, and shellcheck when
// installed), and the scrontab block is one Slurm will accept.
import { availableParallelism } from 'node:os'
import type { DeploymentPlan } from './types.js'
import { checkSlurmCron, SLURM_CRON_NICKNAMES } from '../validate/slurm-cron.js'
import { checkSbatchOptions } from '../validate/sbatch-options.js'
import { bashSyntaxErrors } from '../validate/bash-syntax.js'
import { findShellcheck } from '../validate/shellcheck.js'
import type { Problem } from '../errors/user-error.js'
import { DISABLED_PREFIX } from './plan.js'
import { RENDERED_DIR } from './rendered-dir.js'

export interface ValidationResult {
  errors: Problem[]
  warnings: Problem[]
  /** What ran, for the summary: "bash -n" always, "shellcheck" when it was found. */
  checks: string[]
}

interface NamedScript {
  /** Where a problem is reported, e.g. `main: .slurm-gitops/jobs/daily.sh`. */
  where: string
  content: string
}

/**
 * `shellcheck: false` skips shellcheck (about half a second for a deploy script): a deploy, whose plan the PR
 * check already linted, needs only the checks that stop a broken script from reaching the cluster. Every
 * script goes to one `bash -n` run (src/validate/bash-syntax.ts); shellcheck, which spends its time analysing
 * rather than starting, checks the scripts side by side, one process per core, and a script whose text it
 * checked before not again (src/validate/shellcheck.ts remembers the findings).
 */
export async function validatePlans(
  plans: DeploymentPlan[],
  options: { shellcheck?: boolean } = {}
): Promise<ValidationResult> {
  const result: ValidationResult = { errors: [], warnings: [], checks: ['bash -n', 'scrontab rules'] }
  const shellcheck = options.shellcheck === false ? undefined : findShellcheck()
  if (shellcheck) result.checks.push('shellcheck')
  const scriptsOf = (plan: DeploymentPlan): NamedScript[] =>
    [
      { name: 'deploy script', content: plan.script },
      ...plan.files
        .filter(f => f.path.endsWith('.sh'))
        .map(f => ({ name: `${RENDERED_DIR}/${f.path}`, content: f.content }))
    ].map(script => ({ where: `${plan.branch}: ${script.name}`, content: script.content }))
  const perPlan = plans.map(scriptsOf)
  const scripts = perPlan.flat()
  const syntax = await bashSyntaxErrors(scripts.map(s => s.content))
  const findings = shellcheck
    ? await inParallel(scripts, (script, i) =>
        syntax[i] ? Promise.resolve([]) : shellcheck.check(script.content)
      )
    : scripts.map(() => [])
  let index = 0
  for (const [p, plan] of plans.entries()) {
    for (const script of perPlan[p]!) {
      const error = syntax[index]
      if (error) result.errors.push({ where: script.where, message: `bash -n: ${error}` })
      for (const finding of findings[index]!) {
        ;(finding.level === 'error' ? result.errors : result.warnings).push({
          where: script.where,
          message: finding.text
        })
      }
      index++
    }
    result.errors.push(...checkScrontabBlock(plan))
  }
  return result
}

/** `bash -n` of each named script, in one run: what stops a script that does not parse from reaching the cluster. */
export async function checkScripts(scripts: { name: string; content: string }[]): Promise<Problem[]> {
  const syntax = await bashSyntaxErrors(scripts.map(script => script.content))
  return scripts.flatMap((script, i) => {
    const error = syntax[i]
    return error ? [{ where: script.name, message: `bash -n: ${error}` }] : []
  })
}

/** `work` for each item, at most one per core at a time; results in the items' order. */
async function inParallel<T, R>(items: T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), items.length) }, worker))
  return results
}

/** The block must keep its markers (the deploy finds it by them) and hold only entries Slurm accepts. */
export function checkScrontabBlock(plan: DeploymentPlan): Problem[] {
  const where = `${plan.branch}: ${RENDERED_DIR}/scrontab`
  const lines = plan.scrontabBlock.replace(/\n$/, '').split('\n')
  const problems: Problem[] = []
  const problem = (line: number, message: string) =>
    problems.push({ where: `${where} line ${line}`, message })
  const [first, last] = [lines[0] ?? '', lines[lines.length - 1] ?? '']
  if (!/^# >>> slurm-gitops .+ >>>$/.test(first) || !/^# <<< slurm-gitops .+ <<<$/.test(last)) {
    problem(1, 'the block must start and end with its {{markers.begin}} / {{markers.end}} lines')
  }
  lines.forEach((entry, index) => {
    const number = index + 1
    // A disabled entry (jobs[].enabled: false) is checked as the entry it becomes when enabled again.
    const line = entry.startsWith(DISABLED_PREFIX) ? entry.slice(DISABLED_PREFIX.length) : entry
    if (line.startsWith('#SCRON')) {
      const options = line.slice('#SCRON'.length).trim().split(/\s+/).filter(Boolean)
      const bad = checkSbatchOptions(options, 'scron', { rendered: true })
      if (bad) problem(number, bad)
      return
    }
    if (line.trim() === '' || line.startsWith('#')) return
    const fields = line.trim().split(/\s+/)
    const specLength = SLURM_CRON_NICKNAMES.includes(fields[0]!.toLowerCase()) ? 1 : 5
    if (fields.length <= specLength) {
      problem(number, `"${line}" has a schedule but no command`)
      return
    }
    const bad = checkSlurmCron(fields.slice(0, specLength).join(' '))
    if (bad) problem(number, bad)
  })
  return problems
}
