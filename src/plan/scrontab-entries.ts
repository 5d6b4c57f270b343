// The cron entries of a scrontab text, as Slurm reads them (src/scrontab/scrontab.c): `#SCRON` lines give the
// options of the next entry, other `#` lines are comments, `NAME=value` lines set the environment. An entry
// whose lines start with `#DISABLED: ` (Slurm's mark of a cancelled cron job, or `enabled: false`) is disabled.
// The deploy script reads tables on the cluster with the same rules (sg_scrontab_entries in
// deploy-templates/steps/scrontab-table.sh; a unit test holds the two to the same answers).
import { DISABLED_PREFIX } from './plan.js'

export interface ScrontabEntry {
  state: 'live' | 'disabled'
  /** From the `#SCRON` options before it (`--job-name=`, `-J`); `-` when none. */
  name: string
  /** The entry's line, without the disabled mark. */
  line: string
}

export function scrontabEntries(table: string): ScrontabEntry[] {
  const entries: ScrontabEntry[] = []
  let name = ''
  for (const raw of table.split('\n')) {
    const disabled = raw.startsWith(DISABLED_PREFIX)
    const line = (disabled ? raw.slice(DISABLED_PREFIX.length) : raw).replace(/^[ \t]+/, '')
    if (line === '') continue
    if (line.startsWith('#SCRON')) {
      const words = line.split(/[ \t]+/)
      words.forEach((word, i) => {
        const next = words[i + 1]
        if (word.startsWith('--job-name=')) name = word.slice('--job-name='.length)
        else if ((word === '-J' || word === '--job-name') && next !== undefined) name = next
        else if (/^-J./.test(word)) name = word.slice(2)
      })
      continue
    }
    if (line.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=/.test(line)) continue
    entries.push({ state: disabled ? 'disabled' : 'live', name: name === '' ? '-' : name, line })
    name = ''
  }
  return entries
}
