// The job summary of a deploy or rollback: what is live now, what changed, how long each step took.
import type { DeploymentRun, DeployStart } from '../operations/deployment.js'
import { failureMessage, succeeded } from '../exec/executor.js'

export interface SummaryTable {
  heading: string
  /** A line under the heading (Markdown): whether this was the reviewed plan. */
  lead?: string
  rows: string[][]
  sections: { title: string; body: string }[]
}

const short = (sha: string) => (sha ? sha.slice(0, 12) : '—')

/** Plain data, so the action renders it with core.summary and tests read it without the runner. */
export function deploySummary(outcome: DeploymentRun, review?: string): SummaryTable {
  const { plan, report, outputs, mode } = outcome
  const ok = succeeded(report)
  const result = !ok ? 'failed' : outputs.skipped ? 'skipped' : 'succeeded'
  const heading = `slurm-gitops ${mode}: ${plan.branch} → ${plan.environment} ${result}`
  const rows = [
    ['Commit', short(outputs.sha)],
    ['Previous commit', short(outputs.previousSha)],
    ['Code', outputs.sha && outputs.sha === outputs.previousSha ? 'unchanged (same commit)' : 'changed'],
    ['Venv', outputs.venv || '—'],
    ['Env scripts', outputs.envScripts || '—'],
    ['scrontab', outputs.scrontab || '—'],
    ['Release', outputs.release || '—'],
    ['Connection', `${outcome.transport}: ${outcome.stats.connections} connection(s)`]
  ]
  const steps = report.steps
    .map(
      step =>
        `| ${step.name} | ${step.exitCode === 0 ? 'ok' : `exit ${step.exitCode}`} | ${(step.durationMs / 1000).toFixed(1)} s |`
    )
    .join('\n')
  const sections = [
    { title: 'Steps', body: `| step | result | time |\n| --- | --- | --- |\n${steps}` },
    { title: 'scrontab block', body: `\`\`\`\n${outputs.scrontabBlock || plan.scrontabBlock}\`\`\`` }
  ]
  // What needs a reader's attention comes first.
  const notes = [
    ...(outputs.skipped ? [`**Skipped:** ${outputs.skipped}`] : []),
    ...(outputs.repaired ? [`**Repaired first:** ${outputs.repaired}`] : []),
    ...report.warnings.map(warning => `**Warning:** ${warning}`),
    ...cronNotes(outcome)
  ]
  if (notes.length > 0) sections.unshift({ title: 'Notes', body: notes.map(note => `- ${note}`).join('\n') })
  if (!ok) sections.unshift({ title: 'Failure', body: `\`\`\`\n${failureMessage(report)}\n\`\`\`` })
  return { heading, lead: review, rows, sections }
}

/** A deploy `requireReviewedPlan` stopped before it connected: nothing on the cluster changed. */
export function refusedSummary(branch: string, start: DeployStart, review: string): SummaryTable {
  return {
    heading: `slurm-gitops deploy: ${branch} → ${start.environment} refused`,
    lead: review,
    rows: [
      ['Commit', short(start.sha)],
      ['Cluster', 'nothing ran on it: nothing changed']
    ],
    sections: []
  }
}

/**
 * A reinstalled table (Slurm's src/slurmctld/crontab.c): every cron job of the account was dropped and each entry
 * submitted again with a new job id; a run in progress finishes as a one-off.
 */
function cronNotes({ outputs }: DeploymentRun): string[] {
  if (outputs.scrontab !== 'changed') return []
  const named = outputs.cronResubmitted.filter(name => name !== '-')
  const unnamed = outputs.cronResubmitted.length - named.length
  const entries = [
    ...named.map(name => `\`${name}\``),
    ...(unnamed > 0 ? [`${unnamed} ${unnamed === 1 ? 'entry' : 'entries'} without a job name`] : [])
  ]
  const notes = [
    `**scrontab reinstalled:** Slurm dropped every cron job of the service account and submitted each entry again, ` +
      `with a new job id: ${entries.join(', ') || 'none (the table has no entries now)'}.`
  ]
  for (const job of outputs.cronRunning) {
    notes.push(
      `**Running during the install:** \`${job.name}\` (job ${job.jobId}, since ${job.start}) finishes as a one-off ` +
        'run; its entry next runs at its next scheduled time.'
    )
  }
  return notes
}
