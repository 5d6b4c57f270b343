// A schedule for people: in words and as its next runs in the cluster's time zone. Display only: whether Slurm
// accepts a schedule is decided by src/validate/slurm-cron.ts (Slurm's rules, which differ from cron's); the
// spellings where Slurm means something else than cron are rejected there, so what reaches here reads the
// same in both (a day of month and a day of week together match either, in Slurm as in cron).
import cronstrue from 'cronstrue'
import { Cron } from 'croner'

/** The time zone next runs are shown in when the config names none. */
export const DEFAULT_TIME_ZONE = 'UTC'

/** "At 02:00", "Every 15 minutes, Monday through Friday"; the expression itself if it cannot be described. */
export function describeSchedule(cron: string): string {
  try {
    return cronstrue.toString(cron, { use24HourTimeFormat: true, verbose: false })
  } catch {
    return cron
  }
}

/** The next `count` start times after `now`, in `timeZone`; empty if the expression cannot be evaluated. */
export function nextRuns(cron: string, timeZone: string, now: Date, count = 3): Date[] {
  try {
    // No callback: the Cron object only computes, it schedules nothing.
    return new Cron(cron, { timezone: timeZone }).nextRuns(count, now)
  } catch {
    return []
  }
}

/** "Wed 2026-12-03 02:00" in `timeZone`. */
export function formatRunTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
      .formatToParts(date)
      .map(part => [part.type, part.value])
  )
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}
