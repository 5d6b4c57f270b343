// The cluster's clock and time zone, as the status step reports them: Slurm reads schedules in the controller's
// local time, and people read a job's next start there. An IANA name (Europe/Berlin) gives the offset at any
// instant (summer time included); when the login node tells only its current offset (+0100), that offset is
// used for every instant, and the zone's name says so.

/** A wall-clock time in a zone; month 1-12, weekday 0 (Sunday) to 6. */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: number
}

export interface ClusterTimeZone {
  /** `Europe/Berlin`, or `UTC+01:00` when only the offset is known. */
  name: string
  /** Minutes east of UTC at `instantMs`. */
  offsetMinutes(instantMs: number): number
}

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/**
 * The zone from what the login node reported: its IANA name when Intl knows it, else its UTC offset as `date +%z`
 * prints it (`+0100`, `-0530`), else UTC.
 */
export function clusterTimeZone(ianaName: string, utcOffset: string): ClusterTimeZone {
  if (ianaName) {
    const formatter = wallClockFormatter(ianaName)
    if (formatter) return { name: ianaName, offsetMinutes: instant => offsetFrom(formatter, instant) }
  }
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(utcOffset)
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
  return { name: fixedOffsetName(minutes), offsetMinutes: () => minutes }
}

function fixedOffsetName(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
  } catch {
    return undefined
  }
}

function offsetFrom(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const parts = formatter.formatToParts(instantMs)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find(p => p.type === type)?.value)
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second')
  )
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / MINUTE_MS)
}

/** The wall clock in `zone` at `instantMs`. */
export function wallClock(zone: ClusterTimeZone, instantMs: number): WallClock {
  const local = new Date(instantMs + zone.offsetMinutes(instantMs) * MINUTE_MS)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay()
  }
}

/**
 * The instant a wall-clock time in `zone` names. A time that a change to summer time skips comes out an hour
 * later, as mktime(3), which Slurm uses, makes it; of a time that occurs twice, the first.
 */
export function instantOf(
  zone: ClusterTimeZone,
  wall: Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute'>
): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  // The offsets a day before and after: a zone changes its offset at most once in between.
  const before = asUtc - zone.offsetMinutes(asUtc - DAY_MS) * MINUTE_MS
  const after = asUtc - zone.offsetMinutes(asUtc + DAY_MS) * MINUTE_MS
  const names = (instant: number) => instant + zone.offsetMinutes(instant) * MINUTE_MS === asUtc
  const candidates = [before, after].filter(names)
  // None: the time was skipped; with the offset that held before, it lands after the change.
  return candidates.length > 0 ? Math.min(...candidates) : before
}

/** `Thu 2026-12-03 02:00 Europe/Berlin`. */
export function formatClusterTime(zone: ClusterTimeZone, instantMs: number): string {
  const w = wallClock(zone, instantMs)
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][w.weekday]
  return `${weekday} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${zone.name}`
}

/** `in 3 h 12 min`, `5 min ago`, `now`: how far `instantMs` is from `nowMs`, to the minute. */
export function formatRelative(instantMs: number, nowMs: number): string {
  const minutes = Math.round((instantMs - nowMs) / MINUTE_MS)
  if (minutes === 0) return 'now'
  const text = formatSpan(Math.abs(minutes))
  return minutes > 0 ? `in ${text}` : `${text} ago`
}

/** `2 d 3 h`, `3 h 12 min`, `45 min`: two units at most. */
export function formatSpan(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440)
  const hours = Math.floor((totalMinutes % 1440) / 60)
  const minutes = totalMinutes % 60
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  return `${minutes} min`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
