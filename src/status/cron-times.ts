// When a scrontab schedule fired before a moment, in the cluster's time zone: status asks whether a job ran
// within its last two scheduled times. Only schedules that checkSlurmCron accepts are read here: it refuses every
// spelling where Slurm means something other than cron does, so what it accepts reads the same in both, and this
// reading needs none of Slurm's quirks. Days follow calc_next_cron_start() (src/common/cron.c): the month must
// match; a day of month and a day of week that are both given match either; a `*` leaves the other to decide.
import { checkSlurmCron } from '../validate/slurm-cron.js'
import { instantOf, wallClock, type ClusterTimeZone } from './cluster-time.js'

/** The values of each field, and whether day of month and day of week are a bare `*`. */
export interface CronSchedule {
  minutes: number[]
  hours: number[]
  days: ReadonlySet<number>
  months: ReadonlySet<number>
  weekdays: ReadonlySet<number>
  anyDay: boolean
  anyWeekday: boolean
}

const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *'
}

const NAMES: Record<string, number> = Object.fromEntries([
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (name, i): [string, number] => [name, i + 1]
  ),
  ...['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((name, i): [string, number] => [name, i])
])

const BOUNDS: readonly [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7]
]

/** The schedule's fields, or null when Slurm's rules (checkSlurmCron) refuse it. */
export function readCronSchedule(schedule: string): CronSchedule | null {
  if (checkSlurmCron(schedule) !== null) return null
  const trimmed = schedule.trim()
  const fields = (NICKNAMES[trimmed.toLowerCase()] ?? trimmed).split(/[ \t]+/)
  const values = fields.map((field, i) => expandField(field, BOUNDS[i]!))
  const [minutes, hours, days, months, weekdays] = values as [
    number[],
    number[],
    number[],
    number[],
    number[]
  ]
  return {
    minutes,
    hours,
    days: new Set(days),
    months: new Set(months),
    // 7 is Sunday too.
    weekdays: new Set(weekdays.map(d => d % 7)),
    anyDay: fields[2] === '*',
    anyWeekday: fields[4] === '*'
  }
}

function expandField(field: string, [min, max]: [number, number]): number[] {
  const values = new Set<number>()
  for (const item of field.split(',')) {
    const [range = '', step = '1'] = item.split('/')
    const [from, to] = itemRange(range, min, max)
    for (let v = from; v <= to; v += Number(step)) values.add(v)
  }
  return [...values].sort((a, b) => a - b)
}

function itemRange(range: string, min: number, max: number): [number, number] {
  if (range === '*') return [min, max]
  const named = NAMES[range.toLowerCase()]
  if (named !== undefined) return [named, named]
  const [from = min, to = from] = range.split('-').map(Number)
  return [from, to]
}

function dayMatches(schedule: CronSchedule, day: { month: number; day: number; weekday: number }): boolean {
  if (!schedule.months.has(day.month)) return false
  const byDay = schedule.days.has(day.day)
  const byWeekday = schedule.weekdays.has(day.weekday)
  if (schedule.anyDay && schedule.anyWeekday) return true
  if (schedule.anyDay) return byWeekday
  if (schedule.anyWeekday) return byDay
  return byDay || byWeekday
}

/**
 * The last `count` times the schedule fired at or before `beforeMs`, newest first (fewer when it did not fire
 * that often within `searchDays` days: a schedule on 29 February fires once in four years).
 */
export function previousFireTimes(
  schedule: CronSchedule,
  zone: ClusterTimeZone,
  beforeMs: number,
  count: number,
  searchDays = 8 * 366
): number[] {
  const times: number[] = []
  const today = wallClock(zone, beforeMs)
  for (let back = 0; back <= searchDays && times.length < count; back++) {
    // Calendar arithmetic only: a local date has no time zone.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back))
    const day = { month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() }
    if (!dayMatches(schedule, day)) continue
    for (const hour of [...schedule.hours].reverse()) {
      for (const minute of [...schedule.minutes].reverse()) {
        const instant = instantOf(zone, { year: date.getUTCFullYear(), ...day, hour, minute })
        if (instant > beforeMs || times.includes(instant)) continue
        times.push(instant)
        if (times.length === count) return times.sort((a, b) => b - a)
      }
    }
  }
  return times.sort((a, b) => b - a)
}
