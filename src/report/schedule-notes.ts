// What the PR plan says about scheduled jobs that a reader of a diff would not guess: which jobs are kept off
// (`enabled: false`), and what installing a changed scrontab block makes Slurm do to every cron job of the service
// account (src/slurmctld/crontab.c: all of them are dropped and each entry submitted again with a new job id; a
// run in progress finishes as a one-off). Pure, like the rest of the report.
import type { PlanDiff } from '../plan/plan-diff.js'
import { RENDERED_DIR } from '../plan/rendered-dir.js'
import { scrontabEntries } from '../plan/scrontab-entries.js'
import type { DeploymentPlan } from '../plan/types.js'

const SCRONTAB_PATH = `${RENDERED_DIR}/scrontab`

/** Markdown for the plan, or undefined when no deployment has jobs. */
export function scheduleNotes(plans: DeploymentPlan[], diff: PlanDiff): string | undefined {
  const entries = plans.map(plan => ({ plan, entries: scrontabEntries(plan.scrontabBlock) }))
  if (entries.every(e => e.entries.length === 0)) return undefined
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``
  const where = (plan: DeploymentPlan) => `${code(plan.branch)} → ${plan.environment}`
  const lines: string[] = []
  for (const { plan, entries: list } of entries) {
    for (const entry of list.filter(e => e.state === 'disabled')) {
      lines.push(
        `- ${code(entry.name)} of ${where(plan)} is **off** (\`enabled: false\`): its entry is in the block as ` +
          '`#DISABLED:`, so Slurm does not run it.'
      )
    }
  }
  const changed = diff.deployments.filter(d =>
    d.files.some(f => f.path === SCRONTAB_PATH && f.status !== 'unchanged')
  )
  const resubmitted = entries.flatMap(e =>
    e.entries.filter(entry => entry.state === 'live').map(entry => entry.name)
  )
  for (const deployment of changed) {
    if (deployment.status === 'removed') {
      lines.push(
        `- ${code(deployment.branch)} is no longer in the config: its jobs stay scheduled on the cluster until ` +
          `\`slurm-gitops remove --branch ${deployment.branch.replace(/`/g, "'")}\` removes the deployment.`
      )
      continue
    }
    const names = resubmitted.map(code).join(', ')
    lines.push(
      `- Deploying ${code(deployment.branch)} installs a changed scrontab block. Slurm then drops every cron job of ` +
        `the service account and submits each entry again, with a new job id: ${names || 'no entry of these blocks'}` +
        ', and any entry outside them. A run in progress finishes as a one-off, and its entry next runs at its next ' +
        "scheduled time; the deploy's summary names the jobs that were running."
    )
  }
  return lines.length > 0 ? ['**Scheduled jobs**', '', ...lines].join('\n') : undefined
}
