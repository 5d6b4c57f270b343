// The entries of a deployment's scrontab block: each schedule line with the `#SCRON` options before it. Slurm
// disables an entry (scancel of its cron job) by prefixing each of its lines, options included, with
// `#DISABLED: ` (src/scrontab/scrontab.c); such an entry is read like the others, marked disabled.

export const DISABLED_PREFIX = '#DISABLED: '

export interface ScrontabEntry {
  /** `0 2 * * *` or `@daily`. */
  schedule: string
  command: string
  /** From `--job-name=` (or `-J`) of its `#SCRON` lines; '' when none. */
  jobName: string
  disabled: boolean
}

/** The entries of `block`, in order; comments, blank lines and the markers are not entries. */
export function scrontabEntries(block: string): ScrontabEntry[] {
  const entries: ScrontabEntry[] = []
  let options: string[] = []
  for (const raw of block.split('\n')) {
    const disabled = raw.startsWith(DISABLED_PREFIX)
    const line = (disabled ? raw.slice(DISABLED_PREFIX.length) : raw).trim()
    if (line.startsWith('#SCRON')) {
      options.push(...line.slice('#SCRON'.length).trim().split(/\s+/).filter(Boolean))
      continue
    }
    if (line === '' || line.startsWith('#')) continue
    const fields = line.split(/\s+/)
    const width = line.startsWith('@') ? 1 : 5
    entries.push({
      schedule: fields.slice(0, width).join(' '),
      command: fields.slice(width).join(' '),
      jobName: jobNameOf(options),
      disabled
    })
    options = []
  }
  return entries
}

/** The block as it is with every `#DISABLED: ` prefix removed: what it was before Slurm disabled entries. */
export function enabledBlock(block: string): string {
  return block
    .split('\n')
    .map(line => (line.startsWith(DISABLED_PREFIX) ? line.slice(DISABLED_PREFIX.length) : line))
    .join('\n')
}

function jobNameOf(options: string[]): string {
  let name = ''
  for (const [i, option] of options.entries()) {
    if (option.startsWith('--job-name=')) name = option.slice('--job-name='.length)
    else if (option === '-J' || option === '--job-name') name = options[i + 1] ?? ''
    else if (option.startsWith('-J')) name = option.slice(2)
  }
  return name
}
