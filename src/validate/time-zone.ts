// The cluster's time zone, by its IANA name (e.g. Europe/Berlin). Slurm reads scrontab schedules in the
// controller's local time; the plan shows a job's next runs in this zone. It is only displayed, never sent to
// the cluster, but a zone the runner's Intl does not know would show wrong times, so it is checked here.

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/

let canonicalZones: ReadonlySet<string> | undefined

/**
 * The canonical zone names Intl lists (about 2 ms once), and UTC, which every Intl must know (ECMA-402) though
 * some leave it out of the list. Each is one Intl accepts, so a name found here needs no DateTimeFormat, whose
 * first construction loads ICU's zone data (about 15 ms of a deploy's start).
 */
function listedZones(): ReadonlySet<string> {
  canonicalZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
  return canonicalZones
}

/** Returns null when `value` is a time zone name Intl knows, otherwise one sentence saying what is allowed. */
export function checkTimeZone(value: string): string | null {
  const allowed = 'use an IANA time zone name such as "Europe/Berlin", "America/Chicago" or "UTC"'
  if (!IANA_NAME.test(value)) return `time zone ${JSON.stringify(value)} is not an IANA name; ${allowed}`
  if (listedZones().has(value)) return null
  // Not listed is not unknown: aliases (US/Eastern, Etc/UTC), other letter case and links are accepted by Intl too.
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return null
  } catch {
    return `time zone ${JSON.stringify(value)} is unknown; ${allowed} (the controller's: timedatectl on the cluster)`
  }
}
