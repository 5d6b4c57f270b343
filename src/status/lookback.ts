// How far back status asks Slurm's accounting for runs (sacct --starttime): far enough to see a run at the
// earlier of each job's last two scheduled times, at least a week, at most a bit over a year. Computed before
// connecting, when the cluster's time zone is not known yet: a day's margin covers any zone.
import { clusterTimeZone } from './cluster-time.js'
import { previousFireTimes, readCronSchedule } from './cron-times.js'

const DAY_SECONDS = 86_400
const MIN_SECONDS = 7 * DAY_SECONDS
const MAX_SECONDS = 400 * DAY_SECONDS

export function statusLookbackSeconds(schedules: readonly string[], nowMs: number): number {
  const utc = clusterTimeZone('UTC', '+0000')
  let seconds = MIN_SECONDS
  for (const text of schedules) {
    const schedule = readCronSchedule(text)
    const before = schedule ? previousFireTimes(schedule, utc, nowMs, 2)[1] : undefined
    if (before !== undefined) seconds = Math.max(seconds, Math.ceil((nowMs - before) / 1000) + DAY_SECONDS)
  }
  return Math.min(seconds, MAX_SECONDS)
}
