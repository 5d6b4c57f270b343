// CLI plan and validate: render and check locally, no connection.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { planRequest } from './options.js'
import type { CliCommand, CommandContext } from './command.js'
import { plan } from '../operations/plan.js'
import type { PlanComparison } from '../plan/compare.js'
import type { ValidationResult } from '../plan/validate.js'
import { composeScript } from '../plan/payload.js'
import { RENDERED_DIR } from '../plan/rendered-dir.js'
import type { DeploymentPlan } from '../plan/types.js'
import { UserError, formatProblem } from '../errors/user-error.js'

/** Plans the request; an invalid config or template is bad input (exit code 2). */
async function planFromOptions(context: CommandContext) {
  const request = planRequest(context.options)
  const comparison = await plan(request)
  if (comparison.head.kind === 'invalid') throw new UserError(comparison.head.problems)
  return { request, comparison, head: comparison.head }
}

export const planCommand: CliCommand = async context => {
  const { options, format } = context
  const { request, comparison, head } = await planFromOptions(context)
  const { plans, validation } = head
  if (options.out) await writePlanFiles(options.out, plans)
  let text: string | undefined
  if (format === 'markdown') {
    const { planMarkdown } = await import('../report/plan-markdown.js')
    text = planMarkdown(plans, validation)
  } else if (format === 'text') {
    const sha = 'sha' in request.head ? request.head.sha : undefined
    text = planText(plans, validation, sha, options.out)
    if (request.base) text += `\n${diffText(comparison)}`
  }
  return {
    exitCode: validation.errors.length > 0 ? 2 : 0,
    json: {
      sha: 'sha' in request.head ? request.head.sha : null,
      base: request.base ?? null,
      deployments: plans,
      checks: validation.checks,
      ...(request.base ? { diff: head.diff } : {}),
      ...(options.out ? { out: path.resolve(options.out) } : {})
    },
    text,
    problems: validation.errors,
    warnings: validation.warnings
  }
}

export const validateCommand: CliCommand = async context => {
  const { request, head } = await planFromOptions(context)
  const { plans, validation } = head
  const lines = validation.warnings.map(problem => `warning: ${formatProblem(problem)}`)
  if (validation.errors.length === 0) {
    lines.push(
      `${request.repo.configPath}: valid (${plans.length} deployment(s); checks: ${validation.checks.join(', ')})`
    )
  }
  return {
    exitCode: validation.errors.length > 0 ? 2 : 0,
    json: {
      config: request.repo.configPath,
      deployments: plans.map(p => p.branch),
      checks: validation.checks
    },
    text: lines.length > 0 ? lines.join('\n') : undefined,
    problems: validation.errors,
    warnings: validation.warnings
  }
}

/** What `--base` changes, as the PR check shows it: per deployment, each changed file's unified diff. */
function diffText(comparison: PlanComparison): string {
  if (comparison.head.kind !== 'planned') return ''
  const lines = [
    `compared with ${comparison.base.kind === 'none' ? 'nothing' : comparison.base.sha} (${comparison.base.kind})`
  ]
  for (const deployment of comparison.head.diff.deployments) {
    lines.push(`${deployment.branch} (${deployment.environment}): ${deployment.status}`)
    for (const file of deployment.files.filter(f => f.status !== 'unchanged')) {
      lines.push(`  ${file.status}: ${file.path}`, file.patch)
    }
  }
  return lines.join('\n')
}

/** Writes `<out>/<branch>/.slurm-gitops/...` and `<out>/<branch>/deploy.sh` (exactly what would be sent). */
export async function writePlanFiles(out: string, plans: DeploymentPlan[]): Promise<void> {
  for (const plan of plans) {
    const dir = path.join(out, plan.branch)
    for (const file of plan.files) {
      const target = path.join(dir, RENDERED_DIR, file.path)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, file.content, { mode: file.mode })
    }
    await writeFile(path.join(dir, 'deploy.sh'), composeScript(plan), { mode: 0o755 })
  }
}

/** The plan for people; its errors are printed apart, on stderr. */
function planText(
  plans: DeploymentPlan[],
  validation: ValidationResult,
  sha: string | undefined,
  out: string | undefined
): string {
  const lines: string[] = []
  for (const plan of plans) {
    lines.push(`deployment ${plan.branch} → ${plan.environment} at ${plan.root}`)
    lines.push(`  deploys: ${sha ?? 'the head of the branch at deploy time'}`)
    lines.push(`  writes into releases/<sha>/${RENDERED_DIR}/:`)
    for (const file of plan.files) {
      lines.push(`    ${file.mode.toString(8)} ${file.path} (${file.content.split('\n').length - 1} lines)`)
    }
    lines.push(`  runs: deploy script, ${plan.script.split('\n').length} lines`)
    lines.push('  scrontab block:')
    for (const line of plan.scrontabBlock.trimEnd().split('\n')) lines.push(`    ${line}`)
    lines.push('')
  }
  lines.push(`checks: ${validation.checks.join(', ')}`)
  for (const problem of validation.warnings) lines.push(`warning: ${formatProblem(problem)}`)
  lines.push(validation.errors.length === 0 ? 'plan is valid' : `${validation.errors.length} error(s)`)
  if (out) lines.push(`rendered files written to ${path.resolve(out)}`)
  return lines.join('\n')
}
