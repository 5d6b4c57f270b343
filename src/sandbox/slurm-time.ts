// Slurm's timestamps ("2025-03-01T14:02:07", in the time zone of the machine that printed them) and durations
// for people. Timestamps are kept as Slurm printed them, because `sacct --starttime` reads them back in the same
// zone; they are only parsed to compute differences ("queued for", "ran for").

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/

/** A Slurm timestamp as printed, or undefined for "Unknown", "None", "N/A" and empty fields. */
export function slurmTimestamp(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? ''
  return TIMESTAMP.test(trimmed) ? trimmed : undefined
}

/** Seconds from `from` to `to` (both Slurm timestamps of one zone); undefined when either is missing. */
export function secondsBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined
  const a = asUtcSeconds(from)
  const b = asUtcSeconds(to)
  return a === undefined || b === undefined ? undefined : b - a
}

function asUtcSeconds(timestamp: string): number | undefined {
  const m = TIMESTAMP.exec(timestamp)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000
}

/** "45s", "3m 05s", "2h 07m", "1d 03h" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}s`
  const pad = (n: number) => String(n).padStart(2, '0')
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`
  return `${Math.floor(s / 86400)}d ${pad(Math.floor((s % 86400) / 3600))}h`
}
