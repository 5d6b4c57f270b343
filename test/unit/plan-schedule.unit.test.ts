// The scheduled jobs as the PR comment shows them: the schedule in words, its next three runs in the cluster's
// time zone, partition, time limit and resources. A fixed "now", so the runs are known.
import { describe, expect, it } from '@jest/globals'
import { jobsTable } from '../../src/report/jobs-table.js'
import { describeSchedule, formatRunTime, nextRuns } from '../../src/report/schedule-display.js'
import type { DeploymentPlan } from '../../src/plan/types.js'

const NOW = new Date('2026-03-27T12:00:00Z') // a Friday; Europe/Berlin moves to summer time on Sunday the 29th

function plan(timezone: string | undefined, jobs: DeploymentPlan['schedule']['jobs']): DeploymentPlan {
  return {
    branch: 'main',
    environment: 'production',
    root: '/projects/caqrn/production',
    files: [],
    script: '',
    scrontabBlock: '',
    inputs: [],
    fingerprint: '',
    schedule: { timezone, jobs }
  }
}

const daily = {
  name: 'daily',
  cron: '0 2 * * *',
  partition: 'standard',
  time: '06:00:00',
  sbatch: ['--mem=4G', '--cpus-per-task=2']
}

describe('describeSchedule and nextRuns (display only)', () => {
  it('says a schedule in words, Slurm nicknames too', () => {
    expect(describeSchedule('0 2 * * *')).toBe('At 02:00')
    expect(describeSchedule('*/15 * * * 1-5')).toBe('Every 15 minutes, Monday through Friday')
    expect(describeSchedule('@weekly')).toBe('At 00:00, only on Sunday')
  })

  it('counts runs in the cluster time zone, across a daylight saving change', () => {
    const runs = nextRuns('0 2 * * *', 'Europe/Berlin', NOW).map(d => d.toISOString())
    // 02:00 local: CET (+1) on the 28th; on the 29th 02:00 does not exist (clocks jump to 03:00); CEST (+2) after.
    expect(runs[0]).toBe('2026-03-28T01:00:00.000Z')
    expect(runs).toHaveLength(3)
    expect(runs[2]).toBe('2026-03-30T00:00:00.000Z')
    expect(formatRunTime(new Date(runs[2]!), 'Europe/Berlin')).toBe('Mon 2026-03-30 02:00')
  })

  it('treats a day of month and a day of week together as either, as Slurm does', () => {
    // The 1st of April 2026 is a Wednesday; Mondays and the 1st both match.
    const runs = nextRuns('0 4 1 * 1', 'UTC', NOW).map(d => formatRunTime(d, 'UTC'))
    expect(runs).toEqual(['Mon 2026-03-30 04:00', 'Wed 2026-04-01 04:00', 'Mon 2026-04-06 04:00'])
  })
})

describe('jobsTable', () => {
  it('lists each job with its schedule, next runs in the configured zone and its resources', () => {
    const text = jobsTable(plan('Europe/Berlin', [daily]), NOW)
    expect(text).toBe(
      [
        '| Job | Schedule | Next runs (Europe/Berlin) | Partition | Time limit | Resources |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `daily` | At 02:00 (`0 2 * * *`) | Sat 2026-03-28 02:00<br>Sun 2026-03-29 03:00<br>Mon 2026-03-30 02:00 | ' +
          '`standard` | `06:00:00` | `--mem=4G` `--cpus-per-task=2` |'
      ].join('\n')
    )
  })

  it('shows UTC and says how to name the zone when the config does not', () => {
    const text = jobsTable(plan(undefined, [{ ...daily, sbatch: [] }]), NOW)
    expect(text).toContain('| Next runs (UTC) |')
    expect(text).toContain('Sat 2026-03-28 02:00<br>Sun 2026-03-29 02:00<br>Mon 2026-03-30 02:00')
    expect(text).toContain('| partition defaults |')
    expect(text).toContain(
      "Slurm runs schedules in the controller's time zone; name it in `cluster.timezone`"
    )
  })

  it('says so when there are no jobs', () => {
    expect(jobsTable(plan('UTC', []), NOW)).toBe('No scheduled jobs.')
  })
})
