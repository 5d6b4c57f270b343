// Slurm time limits (`--time`, a partition's MaxTime). Slurm's time_str2mins() accepts
// "minutes", "minutes:seconds", "hours:minutes:seconds", "days-hours", "days-hours:minutes" and
// "days-hours:minutes:seconds", rounds seconds up to whole minutes, and reads 0 as *no limit*. We accept
// the same forms but refuse 0 (an accidental "unlimited" job) and out-of-range parts such as "1:75:00",
// which Slurm would quietly carry over.

export interface TimeLimitOptions {
  /** Accept "UNLIMITED" / "INFINITE" (a partition's MaxTime may be unlimited; a job's time may not). */
  allowUnlimited?: boolean
}

const FORMS =
  '"minutes", "minutes:seconds", "hours:minutes:seconds" or "days-hours[:minutes[:seconds]]", e.g. "90", "1:30:00", "2-00:00:00"'
const UNLIMITED = new Set(['unlimited', 'infinite'])

interface Parts {
  days: number
  hours: number
  minutes: number
  seconds: number
}

/** Returns null when `value` is a positive Slurm time limit, otherwise one sentence saying what is wrong. */
export function checkTimeLimit(value: string, options: TimeLimitOptions = {}): string | null {
  if (UNLIMITED.has(value.toLowerCase())) {
    return options.allowUnlimited
      ? null
      : `time ${JSON.stringify(value)} is not allowed here; a job needs a finite time limit: ${FORMS}`
  }
  const parts = parse(value)
  if (typeof parts === 'string') return parts
  if (toSeconds(parts) === 0) {
    return `time ${JSON.stringify(value)} is zero, which Slurm reads as no limit at all; give a positive time: ${FORMS}`
  }
  return null
}

/**
 * The limit in whole minutes, rounded up the way Slurm rounds seconds; Infinity for UNLIMITED/INFINITE.
 * Throws on a value {@link checkTimeLimit} rejects, so check first.
 */
export function timeLimitMinutes(value: string): number {
  if (UNLIMITED.has(value.toLowerCase())) return Infinity
  const parts = parse(value)
  if (typeof parts === 'string') throw new Error(parts)
  return Math.ceil(toSeconds(parts) / 60)
}

function toSeconds(p: Parts): number {
  return ((p.days * 24 + p.hours) * 60 + p.minutes) * 60 + p.seconds
}

function parse(value: string): Parts | string {
  const bad = `time ${JSON.stringify(value)} is not a Slurm time limit; use ${FORMS}`
  if (!/^[0-9:-]+$/.test(value)) return bad

  const dash = value.split('-')
  if (dash.length > 2) return bad
  const [daysText, clock] = dash.length === 2 ? (dash as [string, string]) : [undefined, dash[0] as string]
  const fields = clock.split(':')
  if ((daysText !== undefined && !/^\d+$/.test(daysText)) || fields.some(f => !/^\d+$/.test(f))) return bad
  const n = fields.map(Number)

  let parts: Parts
  if (daysText !== undefined) {
    // days-hours[:minutes[:seconds]]
    if (n.length > 3) return bad
    const [hours = 0, minutes = 0, seconds = 0] = n
    parts = { days: Number(daysText), hours, minutes, seconds }
  } else if (n.length === 1) {
    parts = { days: 0, hours: 0, minutes: n[0] as number, seconds: 0 }
  } else if (n.length === 2) {
    parts = { days: 0, hours: 0, minutes: n[0] as number, seconds: n[1] as number }
  } else if (n.length === 3) {
    parts = { days: 0, hours: n[0] as number, minutes: n[1] as number, seconds: n[2] as number }
  } else {
    return bad
  }

  // The leading part may be as large as it likes ("90" minutes, "36:00:00" hours); the others must be in range.
  const leading = daysText !== undefined ? 'days' : n.length === 3 ? 'hours' : 'minutes'
  const limits: [keyof Parts, number][] = [
    ['hours', 23],
    ['minutes', 59],
    ['seconds', 59]
  ]
  for (const [unit, max] of limits) {
    if (unit !== leading && parts[unit] > max) {
      return `time ${JSON.stringify(value)} has ${parts[unit]} ${unit}; ${unit} after the first part must be 0-${max} (${FORMS})`
    }
  }
  return parts
}
