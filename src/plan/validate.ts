// Checks a plan before anything would run: every shell script parses (`bash -n`, and shellcheck when
// installed), and the scrontab block is one Slurm will accept.
import { spawnSync } from 'node:child_process'
import type { DeploymentPlan } from './types.js'
import { checkSlurmCron, SLURM_CRON_NICKNAMES } from '../validate/slurm-cron.js'
import { checkSbatchOptions } from '../validate/sbatch-options.js'
import type { Problem } from '../errors/user-error.js'
import { DISABLED_PREFIX, RENDERED_DIR } from './plan.js'

export interface ValidationResult {
  errors: Problem[]
  warnings: Problem[]
  /** What ran, for the summary: "bash -n" always, "shellcheck" when it was found. */
  checks: string[]
}

/**
 * `shellcheck: false` skips shellcheck (about half a second for a deployment): a deploy, whose plan the PR check
 * already linted, needs only the checks that stop a broken script from reaching the cluster.
 */
export function validatePlans(
  plans: DeploymentPlan[],
  options: { shellcheck?: boolean } = {}
): ValidationResult {
  const result: ValidationResult = { errors: [], warnings: [], checks: ['bash -n', 'scrontab rules'] }
  const shellcheck = options.shellcheck !== false && hasShellcheck()
  if (shellcheck) result.checks.push('shellcheck')
  for (const plan of plans) {
    const scripts = [
      { name: 'deploy script', content: plan.script },
      ...plan.files
        .filter(f => f.path.endsWith('.sh'))
        .map(f => ({ name: `${RENDERED_DIR}/${f.path}`, content: f.content }))
    ]
    for (const script of scripts) {
      const where = `${plan.branch}: ${script.name}`
      const syntax = bashSyntaxError(script.content)
      if (syntax) result.errors.push({ where, message: `bash -n: ${syntax}` })
      if (shellcheck && !syntax) {
        for (const finding of runShellcheck(script.content)) {
          ;(finding.level === 'error' ? result.errors : result.warnings).push({
            where,
            message: finding.text
          })
        }
      }
    }
    result.errors.push(...checkScrontabBlock(plan))
  }
  return result
}

/** `bash -n` of each named script: what stops a script that does not parse from reaching the cluster. */
export function checkScripts(scripts: { name: string; content: string }[]): Problem[] {
  return scripts.flatMap(script => {
    const syntax = bashSyntaxError(script.content)
    return syntax ? [{ where: script.name, message: `bash -n: ${syntax}` }] : []
  })
}

function bashSyntaxError(content: string): string | null {
  const run = spawnSync('bash', ['-n'], { input: content, encoding: 'utf8' })
  return run.status === 0 ? null : run.stderr.trim().replace(/^bash: /gm, '')
}

function hasShellcheck(): boolean {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0
}

function runShellcheck(content: string): { level: string; text: string }[] {
  const run = spawnSync('shellcheck', ['--shell=bash', '--format=json1', '--severity=warning', '-'], {
    input: content,
    encoding: 'utf8'
  })
  try {
    const report = JSON.parse(run.stdout) as {
      comments: { line: number; level: string; code: number; message: string }[]
    }
    return report.comments.map(c => ({
      level: c.level,
      text: `shellcheck SC${c.code} line ${c.line}: ${c.message}`
    }))
  } catch {
    return []
  }
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
