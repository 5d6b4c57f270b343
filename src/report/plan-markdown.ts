// The plan as Markdown: one renderer for the job summary and the sticky PR comment, which differ only in their
// size limit, a hidden marker and plan record, and whether the complete scripts are appended. Over the limit,
// whole diff sections are dropped from the end (then a section is cut) and a pointer to the full job summary
// is left. A pull request's merge deploys one deployment (its base branch's): that one is shown in full.
import type { Problem } from '../errors/user-error.js'
import { formatProblem } from '../errors/user-error.js'
import type { ValidationResult } from '../plan/validate.js'
import type { DeploymentPlan } from '../plan/types.js'
import { composeScript } from '../plan/payload.js'
import {
  type ChangeStatus,
  type DeploymentChange,
  deployedByMerge,
  diffPlans,
  type FileChange,
  INPUT_SUFFIX,
  type PlanDiff,
  SCRIPT_PATH
} from '../plan/plan-diff.js'
import type { BaseState, HeadState } from '../plan/compare.js'
import { planFingerprint } from '../plan/plan-fingerprint.js'
import { encodePlanRecord } from './plan-record.js'
import { jobsTable } from './jobs-table.js'
import { code, escapeHtml, escapeText, plural, table } from './markdown-text.js'
import { scheduleNotes } from './schedule-notes.js'

export type { BaseState, HeadState }

export interface PlanReport {
  /** The config file as the reader knows it (relative to the working directory). */
  configFile?: string
  /** The commit whose tree was planned (for a pull_request: the PR head; the tree is its merge commit's). */
  headSha?: string
  base: BaseState
  head: HeadState
  /** The PR's base branch: its deployment is the one this merge deploys. */
  targetBranch?: string
  runUrl?: string
  /** Where commits and the config file link to; no links without it. */
  links?: RepositoryLinks
}

export interface RepositoryLinks {
  /** The repository's web address, e.g. https://github.com/caqrn/pipeline. */
  url: string
  /** The config file's path from the repository root (the action may run in a subdirectory). */
  configPath?: string
}

export interface RenderOptions {
  /** Maximum size in UTF-8 bytes (which is never less than GitHub's count of characters). */
  limit: number
  /** Hidden first line by which the sticky comment is found again. */
  marker?: string
  /** Embed the hidden plan record, which the deploy of the merge compares its plan with (the sticky comment). */
  planRecord?: boolean
  /** Complete composed script per branch, appended in collapsed sections. */
  scripts?: Map<string, string>
  /** Where the reader finds everything that was cut: the job summary of this run. */
  fullReportUrl?: string
  /** The moment next runs are counted from (tests pin it). */
  now?: Date
}

const MAX_LISTED_PROBLEMS = 50

/** The CLI's `plan --format markdown`: the plans on their own (no base), every file in full, no size limit. */
export function planMarkdown(plans: DeploymentPlan[], validation: ValidationResult): string {
  const report: PlanReport = {
    base: { kind: 'none' },
    head: { kind: 'planned', diff: diffPlans(plans, undefined), validation, plans }
  }
  return renderPlanMarkdown(report, {
    limit: Number.POSITIVE_INFINITY,
    scripts: new Map(plans.map(plan => [plan.branch, composeScript(plan)]))
  })
}

export function renderPlanMarkdown(report: PlanReport, options: RenderOptions): string {
  const fixed: string[] = []
  if (options.marker) fixed.push(options.marker)
  if (options.planRecord && report.head.kind === 'planned') fixed.push(planRecordLine(report))
  fixed.push('### slurm-gitops plan', statusLine(report))
  const commits = commitsLine(report)
  if (commits) fixed.push(commits)
  const baseNote = baseNoteOf(report.base)
  if (baseNote) fixed.push(baseNote)

  const optional: Section[] = []
  if (report.head.kind === 'invalid') {
    fixed.push(
      `Nothing was planned: the config or a template at head is invalid. Fix ${plural(report.head.problems.length, 'problem')}:`,
      problemList(report.head.problems)
    )
  } else {
    const { diff, validation, plans } = report.head
    const { deployed, others } = deployedByMerge(diff, report.targetBranch)
    if (deployed.length > 0) fixed.push(deploymentTable(deployed, report.targetBranch))
    if (others.length > 0) fixed.push(othersLine(others, report.targetBranch))
    fixed.push(validationSection(validation))
    const schedule = scheduleNotes(plans, diff)
    if (schedule) fixed.push(schedule)
    const now = options.now ?? new Date()
    for (const deployment of deployed) {
      const plan = plans.find(p => p.branch === deployment.branch)
      fixed.push(`#### ${deploymentTitle(deployment)}`)
      const venv = venvNote(deployment, plan)
      if (venv) fixed.push(venv)
      if (plan) fixed.push(jobsTable(plan, now))
    }
    for (const deployment of deployed) {
      const changed = deployment.files.filter(f => f.status !== 'unchanged')
      if (changed.length === 0) continue
      optional.push({ text: `**What changes in ${code(deployment.branch)}** (base → head):` })
      for (const file of changed) optional.push(fileSection(file))
    }
    for (const [branch, script] of options.scripts ?? []) {
      optional.push(
        codeSection(
          `Complete script for <code>${escapeHtml(branch)}</code>, as sent to the cluster`,
          script,
          'bash'
        )
      )
    }
  }
  const footer = report.runUrl
    ? `<sub>[Workflow run](${report.runUrl}) · slurm-gitops</sub>`
    : '<sub>slurm-gitops</sub>'
  return fit(fixed, optional, footer, options)
}

/** Each deployment's plan fingerprint at this head, hidden: the deploy of the merge compares with it. */
function planRecordLine(report: PlanReport): string {
  const plans = report.head.kind === 'planned' ? report.head.plans : []
  return encodePlanRecord({
    head: report.headSha,
    base: report.base.kind === 'none' ? undefined : report.base.sha,
    deployments: Object.fromEntries(plans.map(plan => [plan.branch, planFingerprint(plan)]))
  })
}

/** One piece of the optional part; a code section can be cut to fit, other sections are all or nothing. */
interface Section {
  text: string
  cut?: (bytes: number) => string | undefined
}

function fit(fixed: string[], optional: Section[], footer: string, options: RenderOptions): string {
  const join = (parts: string[]) => `${parts.join('\n\n')}\n`
  const pointerFor = (omitted: number) =>
    `> [!NOTE]\n> ${plural(omitted, 'more section')} did not fit here` +
    (options.fullReportUrl ? `: the full plan is in the [job summary](${options.fullReportUrl}).` : '.')
  const reserve = bytes(pointerFor(optional.length)) + bytes(footer) + 16
  let parts = [...fixed]
  if (bytes(join(parts)) + reserve > options.limit) {
    // Even the essentials are too long (a flood of problems): cut them at a line and say so.
    parts = [cutText(join(parts), options.limit - reserve), '… (cut)']
  }
  let used = bytes(join(parts))
  let index = 0
  for (; index < optional.length; index++) {
    const section = optional[index] as Section
    const size = bytes(section.text) + 2
    if (used + size + reserve <= options.limit) {
      parts.push(section.text)
      used += size
      continue
    }
    const partial = section.cut?.(options.limit - used - reserve - 2)
    if (partial) {
      parts.push(partial)
      used += bytes(partial) + 2
      index++
    }
    break
  }
  if (index < optional.length) parts.push(pointerFor(optional.length - index))
  parts.push(footer)
  return join(parts)
}

function statusLine(report: PlanReport): string {
  if (report.head.kind === 'invalid') return '❌ **The plan failed**: the configuration is invalid.'
  const { diff, validation } = report.head
  const effect = effectOf(report, diff)
  if (validation.errors.length > 0) {
    return `❌ **The plan has ${plural(validation.errors.length, 'error')}**; ${effect}.`
  }
  const warnings = validation.warnings.length > 0 ? ` (${plural(validation.warnings.length, 'warning')})` : ''
  return `✅ **The plan is valid**${warnings}; ${effect}.`
}

/** What the merge deploys, in a few words: a PR into main deploys production, and nothing else. */
function effectOf(report: PlanReport, diff: PlanDiff): string {
  if (report.base.kind === 'none') return `${plural(diff.deployments.length, 'deployment')} planned`
  const target = report.targetBranch
  if (target === undefined) {
    const changed = diff.deployments.filter(d => d.status !== 'unchanged').length
    return changed === 0
      ? 'nothing that gets deployed changes'
      : `${changed} of ${plural(diff.deployments.length, 'deployment')} change`
  }
  const [deployment] = deployedByMerge(diff, target).deployed
  if (!deployment) return `merging into ${code(target)} deploys nothing (no deployment follows that branch)`
  const what = `merging into ${code(target)} deploys ${escapeText(deployment.environment)}`
  switch (deployment.status) {
    case 'added':
      return `${what}, for the first time`
    case 'removed':
      return `${what}: none any more (its deployment is removed from the config)`
    case 'unchanged':
      return `${what}, with nothing changed but the code`
    case 'changed':
      return `${what}: ${changeCount(deployment)}`
  }
}

/** "2 files and the deploy script change", "the deploy script changes". */
function changeCount(deployment: DeploymentChange): string {
  const changed = deployment.files.filter(f => f.status !== 'unchanged')
  const files = changed.filter(f => f.path !== SCRIPT_PATH).length
  const script = changed.some(f => f.path === SCRIPT_PATH)
  if (files === 0) return script ? 'the deploy script changes' : 'its root or environment changes'
  return `${plural(files, 'file')}${script ? ' and the deploy script' : ''} change${files === 1 && !script ? 's' : ''}`
}

function commitsLine(report: PlanReport): string | undefined {
  const links = report.links
  const commit = (sha: string) =>
    links ? `[${code(short(sha))}](${links.url}/commit/${sha})` : code(short(sha))
  const parts: string[] = []
  if (report.configFile) {
    const file = code(report.configFile)
    parts.push(
      links?.configPath && report.headSha
        ? `Config [${file}](${links.url}/blob/${report.headSha}/${encodePath(links.configPath)})`
        : `Config ${file}`
    )
  }
  const baseSha = report.base.kind === 'none' ? undefined : report.base.sha
  if (baseSha) parts.push(`base ${commit(baseSha)}`)
  if (report.headSha) parts.push(`head ${commit(report.headSha)}`)
  if (links && baseSha && report.headSha) {
    parts.push(`[compare](${links.url}/compare/${baseSha}...${report.headSha})`)
  }
  return parts.length > 0 ? parts.join(' · ') : undefined
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

function baseNoteOf(base: BaseState): string | undefined {
  switch (base.kind) {
    case 'absent':
      return `The config did not exist at the base \`${short(base.sha)}\`: every file and script below is new.`
    case 'invalid':
      return (
        `The config at the base \`${short(base.sha)}\` is invalid, so there is nothing to compare with and everything ` +
        `below is shown as added:\n\n${problemList(base.problems)}`
      )
    case 'none':
      return 'There is no base commit to compare with: every file and script below is shown as added.'
    case 'planned':
      return undefined
  }
}

function deploymentTable(deployments: DeploymentChange[], targetBranch: string | undefined): string {
  const rows = deployments.map(d => {
    const files = d.files.filter(f => f.path !== SCRIPT_PATH)
    const script = d.files.find(f => f.path === SCRIPT_PATH)
    const count = (status: ChangeStatus) => files.filter(f => f.status === status).length
    const branch = `${code(d.branch)}${d.branch === targetBranch ? ' (PR target)' : ''}`
    return [
      branch,
      escapeText(d.environment),
      code(d.root),
      STATUS_LABEL[d.status],
      String(count('changed')),
      String(count('added')),
      String(count('removed')),
      String(count('unchanged')),
      script ? STATUS_LABEL[script.status] : '—'
    ]
  })
  const header = [
    'Deployment',
    'Environment',
    'Root',
    'Status',
    'Changed',
    'Added',
    'Removed',
    'Unchanged',
    'Script'
  ]
  return table(header, rows)
}

function othersLine(others: DeploymentChange[], targetBranch: string | undefined): string {
  const names = others.map(d => `${code(d.branch)} (${escapeText(d.environment)})`).join(', ')
  const into = targetBranch ? ` into ${code(targetBranch)}` : ''
  return `Not deployed by this merge${into}: ${names}; each is deployed by a push to its own branch.`
}

const STATUS_LABEL: Record<ChangeStatus, string> = {
  added: '🆕 added',
  removed: '🗑️ removed',
  changed: '✏️ changed',
  unchanged: 'unchanged'
}

/** A requirements change, in plain words: the deploy builds a new venv. */
function venvNote(deployment: DeploymentChange, plan: DeploymentPlan | undefined): string | undefined {
  const change = deployment.files.find(f => f.path.endsWith(INPUT_SUFFIX) && f.status !== 'unchanged')
  if (!change) return undefined
  const name = change.path.slice(0, -INPUT_SUFFIX.length)
  const requirements = plan?.inputs.find(file => file.path === name)
  if (change.status === 'removed' || !requirements) {
    return `📦 ${code(name)} is gone: the venv will be rebuilt without requirements.`
  }
  const packages = requirementLines(requirements.content).length
  return (
    `📦 ${code(name)} ${change.status === 'added' ? 'is new' : 'changed'}: the venv will be rebuilt ` +
    `(${plural(packages, 'package')}), unless the project's venv store already holds one for these requirements.`
  )
}

/** The requirement lines of a requirements file: not blank, not comments, not pip options (`-r`, `--index-url`). */
function requirementLines(content: string): string[] {
  return content
    .split('\n')
    .map(line => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(line => line !== '' && !line.startsWith('-'))
}

function validationSection(validation: ValidationResult): string {
  const checks = [...validation.checks]
  if (!checks.includes('shellcheck')) checks.push('shellcheck (not installed, skipped)')
  const lines = [`**Validation** — checks: ${checks.join(', ')}.`]
  if (validation.errors.length === 0 && validation.warnings.length === 0) lines.push('', 'No problems found.')
  if (validation.errors.length > 0) lines.push('', `Errors:`, '', problemList(validation.errors))
  if (validation.warnings.length > 0) lines.push('', `Warnings:`, '', problemList(validation.warnings))
  return lines.join('\n')
}

function problemList(problems: Problem[]): string {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map(p => `- ${escapeText(formatProblem(p))}`)
  if (problems.length > shown.length) shown.push(`- … and ${problems.length - shown.length} more`)
  return shown.join('\n')
}

function deploymentTitle(d: DeploymentChange): string {
  return `${code(d.branch)} → ${escapeText(d.environment)} (${code(d.root)})`
}

function fileSection(file: FileChange): Section {
  const added = file.patch.split('\n').filter(l => l.startsWith('+') && !l.startsWith('+++')).length
  const removed = file.patch.split('\n').filter(l => l.startsWith('-') && !l.startsWith('---')).length
  const mode = file.modeChange ? `, mode ${file.modeChange}` : ''
  const title = `<code>${escapeHtml(file.path)}</code> — ${file.status} (+${added} −${removed}${mode})`
  return codeSection(title, file.patch, 'diff')
}

/** A collapsed `<details>` holding a fenced block; can be cut at a line to fit a byte budget. */
function codeSection(title: string, content: string, language: string): Section {
  const tick = fenceFor(content)
  const open = `<details><summary>${title}</summary>\n\n${tick}${language}\n`
  const close = `${tick}\n\n</details>`
  const body = content.endsWith('\n') ? content : `${content}\n`
  return {
    text: `${open}${body}${close}`,
    cut: budget => {
      const note = `… (cut here; the rest is in the job summary)\n`
      const room = budget - bytes(open) - bytes(close) - bytes(note)
      if (room < 200) return undefined
      return `${open}${cutText(body, room)}${note}${close}`
    }
  }
}

/** A fence longer than any run of backticks in the content, so content cannot close it. */
function fenceFor(content: string): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map(run => run.length))
  return '`'.repeat(longest + 1)
}

/** The longest prefix of whole lines within `budget` bytes. */
function cutText(text: string, budget: number): string {
  if (bytes(text) <= budget) return text
  let used = 0
  const kept: string[] = []
  for (const line of text.split('\n')) {
    const size = bytes(line) + 1
    if (used + size > budget) break
    kept.push(line)
    used += size
  }
  return kept.length > 0 ? `${kept.join('\n')}\n` : ''
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')
const short = (sha: string) => sha.slice(0, 7)
