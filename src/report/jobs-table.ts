// A deployment's scheduled jobs for the PR comment: what runs, when (in words and its next three runs in the
// cluster's time zone), where and with what.
import type { DeploymentPlan } from '../plan/types.js'
import { code, escapeText, table } from './markdown-text.js'
import { DEFAULT_TIME_ZONE, describeSchedule, formatRunTime, nextRuns } from './schedule-display.js'

const NEXT_RUNS = 3

export function jobsTable(plan: DeploymentPlan, now: Date): string {
  const { jobs } = plan.schedule
  if (jobs.length === 0) return 'No scheduled jobs.'
  const zone = plan.schedule.timezone ?? DEFAULT_TIME_ZONE
  const rows = jobs.map(job => [
    code(job.name),
    `${escapeText(describeSchedule(job.cron))} (${code(job.cron)})`,
    nextRuns(job.cron, zone, now, NEXT_RUNS)
      .map(run => formatRunTime(run, zone))
      .join('<br>') || '—',
    code(job.partition),
    code(job.time),
    job.sbatch.length > 0 ? job.sbatch.map(code).join(' ') : 'partition defaults'
  ])
  const header = ['Job', 'Schedule', `Next runs (${zone})`, 'Partition', 'Time limit', 'Resources']
  const lines = [table(header, rows)]
  if (!plan.schedule.timezone) {
    lines.push(
      '',
      `<sub>Times in ${zone}: Slurm runs schedules in the controller's time zone; name it in \`cluster.timezone\`.</sub>`
    )
  }
  return lines.join('\n')
}
