// CLI plan and validate: render and check locally, no connection.
import { mkdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_CONFIG_PATH } from '../config/load.js'
import { planRequest, type CliCommand, type CliOptions } from './options.js'
import { plan } from '../operations/plan.js'
import type { PlanComparison } from '../plan/compare.js'
import type { ValidationResult } from '../plan/validate.js'
import { composeScript } from '../plan/payload.js'
import { RENDERED_DIR } from '../plan/plan.js'
import type { DeploymentPlan } from '../plan/types.js'
import { UserError, formatProblem } from '../errors/user-error.js'

/** Plans the request; a config file that does not exist is named with the flag that points at it. */
async function planFromOptions(options: CliOptions) {
  const request = planRequest(options)
  const configFile = path.join(request.repo.dir, request.repo.configPath)
  if ('tree' in request.head && !existsSync(configFile)) {
    throw new UserError({
      where: '--config',
      message: `${configFile} does not exist; pass the config file with --config (default ${DEFAULT_CONFIG_PATH})`
    })
  }
  const comparison = await plan(request)
  if (comparison.head.kind === 'invalid') throw new UserError(comparison.head.problems)
  return { request, comparison, head: comparison.head }
}

const planCommand: CliCommand = async options => {
  const format = options.format ?? 'text'
  if (!['text', 'markdown', 'json'].includes(format)) {
    throw new UserError({ where: '--format', message: `"${format}" is not one of text, markdown, json` })
  }
  const { request, comparison, head } = await planFromOptions(options)
  const { plans, validation } = head
  if (options.out) await writePlanFiles(options.out, plans)
  if (format === 'json') {
    const sha = 'sha' in request.head ? request.head.sha : null
    const diff = request.base ? head.diff : undefined
    console.log(
      JSON.stringify({ sha, base: request.base ?? null, deployments: plans, validation, diff }, null, 2)
    )
  } else if (format === 'markdown') {
    const { planMarkdown } = await import('../report/plan-markdown.js')
    console.log(planMarkdown(plans, validation))
  } else {
    console.log(planText(plans, validation, options))
    if (request.base) console.log(diffText(comparison))
  }
  return validation.errors.length > 0 ? 2 : 0
}

const validate: CliCommand = async options => {
  const { request, head } = await planFromOptions(options)
  const { plans, validation } = head
  for (const problem of validation.warnings) console.log(`warning: ${formatProblem(problem)}`)
  for (const problem of validation.errors) console.error(`error: ${formatProblem(problem)}`)
  if (validation.errors.length > 0) return 2
  console.log(
    `${request.repo.configPath}: valid (${plans.length} deployment(s); checks: ${validation.checks.join(', ')})`
  )
  return 0
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

function planText(plans: DeploymentPlan[], validation: ValidationResult, options: CliOptions): string {
  const lines: string[] = []
  for (const plan of plans) {
    lines.push(`deployment ${plan.branch} → ${plan.environment} at ${plan.root}`)
    lines.push(`  deploys: ${options.sha ?? 'the head of the branch at deploy time'}`)
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
  for (const problem of validation.errors) lines.push(`error: ${formatProblem(problem)}`)
  lines.push(validation.errors.length === 0 ? 'plan is valid' : `${validation.errors.length} error(s)`)
  if (options.out) lines.push(`rendered files written to ${path.resolve(options.out)}`)
  return lines.join('\n')
}

export const PLAN_COMMANDS: Record<string, CliCommand> = { plan: planCommand, validate }
