// Validates a schedule the way Slurm's scrontab parser reads it (src/scrontab/parse.c and
// valid_cron_entry() in src/common/cron.c, Slurm 20.11-22.05), so a bad schedule fails in the plan,
// not halfway through a deploy when `scrontab` refuses the whole table.
//
// Slurm's parser is stricter than Vixie cron, and in two places it silently means something else:
// - A step is applied as a mask counted from the field's base (0 for minute and hour, 1 for the
//   other fields), not from the start of the range: Slurm reads `5-59/10` as 10,20,...,50 and a
//   day-of-week `*/2` as Mon,Wed,Fri,Sun. We reject those spellings rather than let a job run at
//   times nobody wrote down.
// - Minute 60 and hour 24 are quietly folded into 0. We reject them.
// What Slurm rejects outright we reject too: a step outside 2..(field size), names in ranges or
// lists (`mon-fri`), reversed ranges, `@reboot`, a day of month that no chosen month has.

export const SLURM_CRON_NICKNAMES = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly'
]

interface CronField {
  name: string
  min: number
  max: number
  /** Where Slurm starts counting a step (the second argument of _handle_step in parse.c). */
  stepBase: number
  /** Largest step Slurm accepts: one less than the field's bitmap size in new_cron_entry(). */
  maxStep: number
  /** Three-letter names Slurm accepts, alone, for this field, with the number each stands for. */
  names?: ReadonlyMap<string, number>
}

const MONTH_NAMES = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((n, i) => [
    n,
    i + 1
  ])
)
// Slurm sets bit 7 for sun and then folds 7 into 0, so sun is 0 like in cron; mon..sat are 1..6.
const DAY_NAMES = new Map(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((n, i) => [n, i]))

const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59, stepBase: 0, maxStep: 60 },
  { name: 'hour', min: 0, max: 23, stepBase: 0, maxStep: 24 },
  { name: 'day-of-month', min: 1, max: 31, stepBase: 1, maxStep: 31 },
  { name: 'month', min: 1, max: 12, stepBase: 1, maxStep: 12, names: MONTH_NAMES },
  { name: 'day-of-week', min: 0, max: 7, stepBase: 1, maxStep: 7, names: DAY_NAMES }
]

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

type FieldResult = { values: Set<number>; wildcard: boolean } | { problem: string }

/**
 * Checks a scrontab schedule: five fields (minute hour day-of-month month day-of-week) or one of
 * {@link SLURM_CRON_NICKNAMES}. Returns null when Slurm accepts it and it means what it says, otherwise
 * one sentence naming the offending part and what is allowed.
 */
export function checkSlurmCron(spec: string): string | null {
  if (/[\r\n]/.test(spec))
    return `schedule ${JSON.stringify(spec)} spans several lines; a schedule is one line`
  const trimmed = spec.trim()
  if (trimmed === '')
    return `schedule is empty; write five fields such as "0 3 * * *" or one of ${nicknameList()}`
  const fields = trimmed.split(/[ \t]+/)
  if (trimmed.startsWith('@')) return checkNickname(fields)

  if (fields.length !== 5) {
    return (
      `schedule ${JSON.stringify(spec)} has ${fields.length} field${fields.length === 1 ? '' : 's'}; ` +
      `Slurm expects exactly five (minute hour day-of-month month day-of-week) or one of ${nicknameList()}`
    )
  }
  const bad = /[^0-9A-Za-z*/,\s-]/.exec(trimmed)
  if (bad) {
    return (
      `schedule ${JSON.stringify(spec)} contains ${JSON.stringify(bad[0])}, which Slurm's cron parser does not ` +
      `accept; use digits, * , - / and month or day names`
    )
  }

  const parsed: Set<number>[] = []
  let dayOfMonthWild = false
  for (const [i, field] of FIELDS.entries()) {
    const result = parseField(fields[i] as string, field)
    if ('problem' in result) return result.problem
    parsed.push(result.values)
    if (field.name === 'day-of-month') dayOfMonthWild = result.wildcard
  }

  // valid_cron_entry() refuses a day of month that none of the chosen months has (31 in April, 30 in
  // February); leap days are allowed.
  const days = parsed[2] as Set<number>
  const months = parsed[3] as Set<number>
  if (!dayOfMonthWild) {
    const firstDay = Math.min(...days)
    const longestMonth = Math.max(...[...months].map(m => DAYS_IN_MONTH[m - 1] as number))
    if (firstDay > longestMonth) {
      return (
        `schedule ${JSON.stringify(spec)} never runs: no chosen month has day ${firstDay}, and Slurm rejects ` +
        `such a schedule; pick days up to ${longestMonth} or other months`
      )
    }
  }
  return null
}

function nicknameList(): string {
  return SLURM_CRON_NICKNAMES.join(', ')
}

function checkNickname(fields: string[]): string | null {
  const name = (fields[0] as string).toLowerCase()
  if (!SLURM_CRON_NICKNAMES.includes(name)) {
    const hint = name === '@reboot' ? 'Slurm has no @reboot; ' : ''
    return `schedule ${JSON.stringify(fields[0])} is not one Slurm knows; ${hint}use one of ${nicknameList()} or five fields`
  }
  if (fields.length > 1) {
    return `schedule ${JSON.stringify(fields.join(' '))} has fields after ${fields[0]}; write ${fields[0]} alone or five fields`
  }
  return null
}

function where(text: string, field: CronField): string {
  return `${JSON.stringify(text)} in the ${field.name} field`
}

function parseField(text: string, field: CronField): FieldResult {
  if (/[A-Za-z]/.test(text.split('/')[0] as string)) return parseName(text, field)
  if (text === '*') return { values: range(field.min, field.max), wildcard: true }

  const slash = text.split('/')
  if (slash.length > 2) return { problem: `${where(text, field)}: only one step (/n) is allowed` }
  const [base, stepText] = slash as [string, string | undefined]

  if (base === '*') {
    if (stepText === undefined) return { values: range(field.min, field.max), wildcard: true }
    const step = parseStep(text, stepText, field)
    if (typeof step === 'string') return { problem: step }
    if (field.stepBase !== field.min) {
      // Only day-of-week: cron counts */n from Sunday (0), Slurm from Monday (1).
      const slurm = steppedValues(field.stepBase, field.max, step, field.stepBase).map(v => (v === 7 ? 0 : v))
      return {
        problem:
          `${where(text, field)}: Slurm counts day-of-week steps from Monday, so this would mean ` +
          `${formatList(slurm.sort((a, b) => a - b))} rather than ${formatList(steppedValues(0, 6, step, 0))}; ` +
          `list the days instead (0-6, 0 and 7 are Sunday)`
      }
    }
    return { values: new Set(steppedValues(field.min, field.max, step, field.stepBase)), wildcard: false }
  }
  if (base.includes('*')) {
    return { problem: `${where(text, field)}: "*" must stand alone or be followed by a step, as in */15` }
  }

  const items = base.split(',')
  const values = new Set<number>()
  const ranges: [number, number][] = []
  for (const item of items) {
    const parsed = parseItem(text, item, field)
    if (typeof parsed === 'string') return { problem: parsed }
    ranges.push(parsed)
    for (let v = parsed[0]; v <= parsed[1]; v++) values.add(v)
  }

  if (stepText === undefined) return { values, wildcard: false }

  const step = parseStep(text, stepText, field)
  if (typeof step === 'string') return { problem: step }
  const only = ranges.length === 1 ? (ranges[0] as [number, number]) : undefined
  if (!only || only[0] === only[1]) {
    return {
      problem: `${where(text, field)}: a step applies to * or to a single range such as 0-30/${step}; write a list instead`
    }
  }
  const [start, end] = only
  if ((((start - field.stepBase) % step) + step) % step !== 0) {
    const slurm = steppedValues(start, end, step, field.stepBase)
    const meant = steppedValues(start, end, step, start)
    return {
      problem:
        `${where(text, field)}: Slurm counts steps from ${field.stepBase}, not from the start of the range, so this ` +
        `would mean ${slurm.length ? formatList(slurm) : 'nothing'} rather than ${formatList(meant)}; ` +
        `write ${formatList(meant)} instead`
    }
  }
  return { values: new Set(steppedValues(start, end, step, field.stepBase)), wildcard: false }
}

function parseName(text: string, field: CronField): FieldResult {
  if (!field.names) {
    return {
      problem: `${where(text, field)}: names are not allowed here; use numbers ${field.min}-${field.max}`
    }
  }
  const value = field.names.get(text.toLowerCase())
  if (value !== undefined) return { values: new Set([value]), wildcard: false }

  const known = [...field.names.keys()].join(', ')
  if (/[-,/]/.test(text)) {
    const numeric = translateNames(text, field.names)
    const suggestion = numeric ? `write ${numeric} instead` : `use numbers ${field.min}-${field.max}`
    return {
      problem: `${where(text, field)}: Slurm accepts a name only on its own, not in a range, list or step; ${suggestion}`
    }
  }
  return { problem: `${where(text, field)}: not a name Slurm knows; use one of ${known} or a number` }
}

/** "mon-fri" -> "1-5", so the message can offer the spelling Slurm accepts. */
function translateNames(text: string, names: ReadonlyMap<string, number>): string | null {
  let failed = false
  const translated = text.replace(/[A-Za-z]+/g, (word, offset: number) => {
    const value = names.get(word.toLowerCase())
    if (value === undefined) {
      failed = true
      return word
    }
    // Sunday is 7 at the end of a range (fri-sun -> 5-7), 0 everywhere else.
    const endOfRange = offset > 0 && text[offset - 1] === '-'
    return String(names === DAY_NAMES && value === 0 && endOfRange ? 7 : value)
  })
  return failed ? null : translated
}

function parseItem(text: string, item: string, field: CronField): [number, number] | string {
  const allowed = `${field.name} values are ${field.min}-${field.max}`
  if (item === '') return `${where(text, field)}: empty list item; ${allowed}, separated by commas`
  const bounds = item.split('-')
  if (bounds.length > 2 || bounds.some(b => !/^\d+$/.test(b))) {
    return `${where(text, field)}: ${JSON.stringify(item)} is neither a number nor a range a-b; ${allowed}`
  }
  const [a, b] = bounds.map(Number) as [number, number?]
  const end = b ?? a
  for (const v of [a, end]) {
    if (v < field.min || v > field.max) return `${where(text, field)}: ${v} is out of range; ${allowed}`
  }
  if (a > end) return `${where(text, field)}: range ${item} is reversed; write the smaller number first`
  return [a, end]
}

function parseStep(text: string, stepText: string, field: CronField): number | string {
  const bounds = `a step must be between 2 and ${field.maxStep}`
  if (!/^\d+$/.test(stepText))
    return `${where(text, field)}: ${JSON.stringify(stepText)} is not a step; ${bounds}`
  const step = Number(stepText)
  if (step === 1) {
    const plain = text.slice(0, text.lastIndexOf('/'))
    return `${where(text, field)}: ${bounds} (Slurm rejects a step of 1; write ${plain} instead)`
  }
  if (step < 2 || step > field.maxStep) return `${where(text, field)}: ${bounds}`
  return step
}

function steppedValues(start: number, end: number, step: number, base: number): number[] {
  const out: number[] = []
  for (let v = base; v <= end; v += step) if (v >= start) out.push(v)
  return out
}

function range(min: number, max: number): Set<number> {
  return new Set(steppedValues(min, max, 1, min))
}

function formatList(values: number[]): string {
  return values.join(',')
}
