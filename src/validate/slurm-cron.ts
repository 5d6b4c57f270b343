// Validates a schedule the way Slurm's scrontab reads it, so that a bad schedule fails in the plan, not
// halfway through a deploy when `scrontab` refuses the whole table, and a schedule Slurm would quietly read
// as something else never reaches the cluster. A schedule passes only when Slurm accepts it and reads what
// cron (Vixie cron, what users write from) reads; otherwise the message says what Slurm would do with it.
// What Slurm does comes from a port of its parser (slurm-cron-reading.ts). Cases checked against the real
// scrontab of Slurm 22.05.8 (scontrol's CrontabSpec of the cron job; all in test/slurm-cron-cases.ts):
//
//   input                       Slurm 22.05.8                  us (refuse unless said)
//   60 * * * *; 55-60; 50-60/5  0; 0,55-59; 0,50,55            "Slurm reads minute 60 as 0 …: write 0"
//   0 24 * * *; 0 20-24         hour 0; 0,20-23                "Slurm reads hour 24 as 0 …"
//   day 0,15; 0-5; month 0,6    15; 1-5; 6                     "Slurm ignores day-of-month 0 …, so this means 15"
//   day 0; month 0; 60/7        refused: nothing left          "… and refuses the table: no day left"
//   jan/2 mar/2 sun/2 mon/2     jan; mar; 0; 1 (name alone)    "a step filters the value before it: jan alone"
//   10/10; feb/2 tue/2 5/10     10; refused                    ditto, "… no month is left and Slurm refuses"
//   0-10,20-30/5; 1,5-20/5      0,5,10,20,25,30; 5,10,15,20    "the step filters the whole list"
//   5-59/10; dow 0-6/2; 5-9/10  10,...,50; 1,3,5; refused      "steps count from 0 (1), not from 5 (0)"
//   dow */2; dow */7            0-1,3,5; 1                     "day-of-week steps count from Monday"
//   1,,2  1,  dow 1,  day 1,    0-2; 0-1; 0-1 (Sunday!); 1     "empty list item; Slurm reads the field as 0-2"
//   -5  -  1-2-3  1,17-8        0-5; 0; 2-3; 1                 malformed; "Slurm reads the field as 0-5"
//   ,1  1-  0 17-8 * * *        refused: nothing left          malformed; "Slurm refuses the table"
//   0 0 */2 * 1; 0 0 */2 * 0-7  day 1,3,..,31 OR weekday       "Slurm ORs the day fields", cron ANDs them
//   0 0 1 * * extra; @daily x   runs "extra true"              "Slurm takes "extra" as the start of the command"
//   */ 5 * * * *; */+5 ...      */5 (strtol skips " ", "+")    "Slurm reads it as …": write it plainly
//   61, hour 25, day 32, month 13, dow 8, */1, */61, jan/x, jan,jul, mon-fri, monday, january, @reboot,
//   @dailyx, 0 0 31 4 *, 0 0 30 2 *, ?, 5L, L, *,5, four fields: Slurm refuses; so do we, and say why
//   */60, 0 */24, dow 7, 5-7, 0 0 30,31 4 *, 0 0 29 2 *, JAN, 05 03, 0 0 1 * 4, @hourly..@weekly: accept
import {
  formatField,
  formatValues,
  readSlurmCron,
  readSlurmField,
  SLURM_CRON_FIELDS,
  type SlurmCronField,
  type SlurmCronReading,
  type SlurmFieldReading,
  type SlurmFieldValues
} from './slurm-cron-reading.js'

export const SLURM_CRON_NICKNAMES = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly'
]

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const FIVE_FIELDS = 'exactly five fields (minute hour day-of-month month day-of-week)'

/** What cron reads in one field: its values in cron's numbering (Sunday 0), or why it is not a field. */
type FieldMeaning = SlurmFieldValues | { problem: string }
type FiveFields = [SlurmFieldValues, SlurmFieldValues, SlurmFieldValues, SlurmFieldValues, SlurmFieldValues]

/**
 * Checks a scrontab schedule: five fields (minute hour day-of-month month day-of-week) or one of
 * {@link SLURM_CRON_NICKNAMES}. Returns null when Slurm accepts it and it means what it says, otherwise
 * one sentence naming the offending part, what Slurm would do with it, and what to write.
 */
export function checkSlurmCron(spec: string): string | null {
  if (/[\r\n]/.test(spec))
    return `schedule ${JSON.stringify(spec)} spans several lines; a schedule is one line`
  const trimmed = spec.trim()
  if (trimmed === '')
    return `schedule is empty; write five fields such as "0 3 * * *" or one of ${nicknameList()}`
  const fields = trimmed.split(/[ \t]+/)
  const slurm = readSlurmCron(trimmed)
  if (trimmed.startsWith('@')) return checkNickname(fields, slurm)

  if (fields.length !== 5) {
    const count = `schedule ${JSON.stringify(spec)} has ${fields.length} field${fields.length === 1 ? '' : 's'}`
    if (fields.length > 5 && !('refused' in slurm) && slurm.commandStart === '') {
      // strtol() skips blanks after a "/": "*/ 5" is one field to Slurm.
      return `${count}, but Slurm reads it as "${slurm.crontabSpec}": write each field without blanks inside it`
    }
    const command = fields.length > 5 ? startsCommand(slurm) : ''
    return `${count}; ${command}a schedule has ${FIVE_FIELDS} or is one of ${nicknameList()}`
  }
  const bad = /[^0-9A-Za-z*/,\s-]/.exec(trimmed)
  if (bad) {
    return (
      `schedule ${JSON.stringify(spec)} contains ${JSON.stringify(bad[0])}, which is not part of a cron ` +
      `schedule (${slurmVerdict(slurm)}); use digits, * , - / and month or day names`
    )
  }

  const meanings: SlurmFieldValues[] = []
  for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
    const meaning = fieldMeaning(fields[i] as string, field)
    if ('problem' in meaning) return meaning.problem
    meanings.push(meaning)
  }
  const [, , days, months] = meanings as FiveFields

  const dayRule = checkDayFields(spec, fields, slurm)
  if (dayRule) return dayRule

  // valid_cron_entry() refuses a day of month that none of the chosen months has (31 in April, 30 in
  // February); leap days are allowed.
  if (!days.wild) {
    const firstDay = Math.min(...days.values)
    const longestMonth = Math.max(...months.values.map(m => DAYS_IN_MONTH[m - 1] as number))
    if (firstDay > longestMonth) {
      return (
        `schedule ${JSON.stringify(spec)} never runs: no chosen month has day ${firstDay}, and Slurm rejects ` +
        `such a schedule; pick days up to ${longestMonth} or other months`
      )
    }
  }

  // The rules above explain each difference we know of; this catches any they miss.
  const meant = meanings.map(formatField).join(' ')
  if ('refused' in slurm || slurm.crontabSpec !== meant) {
    return `schedule ${JSON.stringify(spec)} would not mean what it says: ${slurmVerdict(slurm)}, where cron reads "${meant}"`
  }
  return null
}

function nicknameList(): string {
  return SLURM_CRON_NICKNAMES.join(', ')
}

function slurmVerdict(slurm: SlurmCronReading): string {
  return 'refused' in slurm
    ? `Slurm refuses it: ${slurm.refused}`
    : `Slurm reads it as "${slurm.crontabSpec}"`
}

/** For a schedule with words after its end: Slurm reads them as the beginning of the command. */
function startsCommand(slurm: SlurmCronReading): string {
  if ('refused' in slurm || slurm.commandStart === '') return ''
  const start = slurm.commandStart
  return (
    `Slurm takes ${JSON.stringify(start)} as the start of the command, so the job would run ` +
    `"${start} <command>": `
  )
}

function checkNickname(fields: string[], slurm: SlurmCronReading): string | null {
  const name = (fields[0] as string).toLowerCase()
  if (!SLURM_CRON_NICKNAMES.includes(name)) {
    const hint = name === '@reboot' ? 'Slurm has no @reboot; ' : ''
    return `schedule ${JSON.stringify(fields[0])} is not one Slurm knows; ${hint}use one of ${nicknameList()} or five fields`
  }
  if (fields.length > 1) {
    return (
      `schedule ${JSON.stringify(fields.join(' '))} has fields after ${fields[0]}; ${startsCommand(slurm)}` +
      `write ${fields[0]} alone or five fields`
    )
  }
  return null
}

/**
 * Cron ANDs the two day fields when either starts with "*" and ORs them when both are restricted; Slurm
 * counts only a bare "*" as unrestricted, so with a step after the "*" it ORs where cron ANDs.
 */
function checkDayFields(spec: string, fields: string[], slurm: SlurmCronReading): string | null {
  const dom = fields[2] as string
  const dow = fields[4] as string
  const stepped = [dom, dow].find(f => f.startsWith('*/'))
  if (!stepped || dom === '*' || dow === '*' || 'refused' in slurm) return null
  const [, , days, , weekdays] = slurm.fields as FiveFields
  return (
    `schedule ${JSON.stringify(spec)}: Slurm runs it on days that match either day field (day-of-month ` +
    `${formatValues(days.values)} or day-of-week ${formatValues(weekdays.values)}), since it counts ` +
    `${JSON.stringify(stepped)} as a list, not as *, where cron would run it only on days that match both; ` +
    `write * in one of the two day fields`
  )
}

function where(text: string, field: SlurmCronField): string {
  return `${JSON.stringify(text)} in the ${field.name} field`
}

function allowed(field: SlurmCronField): string {
  return `${field.name} values are ${field.min}-${field.max}`
}

/** "Slurm reads the field as 0-2" or "Slurm refuses the table: no minute left". */
function slurmReads(slurm: SlurmFieldReading): string {
  return 'refused' in slurm
    ? `Slurm refuses the table: ${slurm.refused}`
    : `Slurm reads the field as ${formatField(slurm)}`
}

/** ", so this means 0,55-59: write 0,55-59" or " and refuses the table: no day left". */
function soThisMeans(slurm: SlurmFieldReading): string {
  if ('refused' in slurm) return ` and refuses the table: ${slurm.refused}`
  const reading = formatField(slurm)
  return `, so this means ${reading}: write ${reading}`
}

/** The values cron reads (dow 7 folded into Sunday 0), sorted, for comparison with Slurm's. */
function cronValues(values: Iterable<number>, field: SlurmCronField): number[] {
  const fold = field.foldsIntoZero
  const set = new Set([...values].map(v => (fold !== undefined && v === fold && fold <= field.max ? 0 : v)))
  return [...set].sort((a, b) => a - b)
}

function fieldMeaning(text: string, field: SlurmCronField): FieldMeaning {
  const slurm = readSlurmField(text, field)
  if (/[A-Za-z]/.test(text.split('/')[0] as string)) return nameMeaning(text, field, slurm)
  if (text === '*') return { values: cronValues(range(field.min, field.max), field), wild: true }

  const slash = text.split('/')
  if (slash.length > 2) return { problem: `${where(text, field)}: only one step (/n) is allowed` }
  const [base, stepText] = slash as [string, string | undefined]

  if (base === '*') {
    if (stepText === undefined) return { values: cronValues(range(field.min, field.max), field), wild: true }
    const step = parseStep(text, stepText, field)
    if (typeof step === 'string') return { problem: step }
    // Cron steps * from the field's first value.
    const values = cronValues(steppedValues(field.min, field.max, step), field)
    if (field.stepStart !== field.min) {
      // Only day-of-week: cron counts */n from Sunday (0), Slurm from Monday (1).
      return {
        problem:
          `${where(text, field)}: Slurm counts day-of-week steps from Monday, so this would mean ` +
          `${fieldReading(slurm)} rather than ${formatValues(values)}; ` +
          `list the days instead (0-6, 0 and 7 are Sunday)`
      }
    }
    return { values, wild: false }
  }
  if (base.includes('*')) {
    return { problem: `${where(text, field)}: "*" must stand alone or be followed by a step, as in */15` }
  }

  const ranges: [number, number][] = []
  for (const item of base.split(',')) {
    const parsed = parseItem(text, item, field, slurm)
    if (typeof parsed === 'string') return { problem: parsed }
    ranges.push(parsed)
  }
  const outOfRange = checkBounds(text, ranges, field, slurm)
  if (outOfRange) return { problem: outOfRange }
  const values = ranges.flatMap(([a, b]) => range(a, b))

  if (stepText === undefined) return { values: cronValues(values, field), wild: false }

  const step = parseStep(text, stepText, field)
  if (typeof step === 'string') return { problem: step }
  const only = ranges.length === 1 ? (ranges[0] as [number, number]) : undefined
  if (!only) return { problem: stepOnList(text, ranges, step, field, slurm) }
  const [start, end] = only
  if (start === end) return { problem: stepOnOneValue(text, String(start), start, step, field, slurm) }
  if ((start - field.stepStart) % step !== 0) {
    const meant = formatValues(steppedValues(start, end, step))
    const slurmMeans =
      'refused' in slurm
        ? `leaves no ${field.unit} and Slurm refuses the table, where cron reads ${meant}`
        : `would mean ${formatField(slurm)} rather than ${meant}`
    return {
      problem:
        `${where(text, field)}: Slurm counts steps from ${field.stepStart}, not from the start of the range, so ` +
        `this ${slurmMeans}; write ${meant} instead`
    }
  }
  return { values: cronValues(steppedValues(start, end, step), field), wild: false }
}

function fieldReading(slurm: SlurmFieldReading): string {
  return 'refused' in slurm ? 'nothing' : formatField(slurm)
}

/** The last value a step runs to: day-of-week 7 is Sunday again, so a cron step there ends at 6. */
function lastValue(field: SlurmCronField): number {
  return field.foldsIntoZero === field.max ? field.max - 1 : field.max
}

/** Minute 60 and hour 24 are folded into 0, day 0 and month 0 are ignored, anything larger refuses the line. */
function checkBounds(
  text: string,
  ranges: [number, number][],
  field: SlurmCronField,
  slurm: SlurmFieldReading
): string | null {
  const values = ranges.flat()
  const beyond = values.find(v => v > field.max && v !== field.foldsIntoZero)
  if (beyond !== undefined) return `${where(text, field)}: ${beyond} is out of range; ${allowed(field)}`
  const single = ranges.length === 1 && ranges[0]?.[0] === ranges[0]?.[1]
  if (values.some(v => v > field.max)) {
    const then = single && !('refused' in slurm) ? `: write ${formatField(slurm)}` : soThisMeans(slurm)
    return `${where(text, field)}: Slurm reads ${field.name} ${field.foldsIntoZero} as 0 (${allowed(field)})${then}`
  }
  if (values.some(v => v < field.min)) {
    return `${where(text, field)}: Slurm ignores ${field.name} ${values.find(v => v < field.min)} (${allowed(field)})${soThisMeans(slurm)}`
  }
  return null
}

/** A step after one value (a number or a name): Slurm filters that value with the step's mask. */
function stepOnOneValue(
  text: string,
  written: string,
  value: number,
  step: number,
  field: SlurmCronField,
  slurm: SlurmFieldReading
): string {
  const mask = [0, 1, 2].map(k => field.stepStart + k * step).join(',')
  const reading = 'refused' in slurm ? '' : formatField(slurm)
  const slurmMeans =
    'refused' in slurm
      ? `no ${field.unit} is left and Slurm refuses the table`
      : `this means ${reading}${reading === written ? '' : ` (${written})`} alone`
  const from = cronValues([value], field)[0] as number
  const every =
    (from - field.stepStart) % step === 0 && from >= field.stepStart
      ? `${from}-${lastValue(field)}/${step}`
      : formatValues(steppedValues(from, lastValue(field), step))
  return (
    `${where(text, field)}: Slurm applies a step to the value before it as a filter (only ${mask},… stay), ` +
    `so ${slurmMeans}: write ${written} for ${written} alone, or ${every} to step by ${step} from ${written}`
  )
}

/** A step after a list: Slurm filters the whole list with it, where cron steps only the last item. */
function stepOnList(
  text: string,
  ranges: [number, number][],
  step: number,
  field: SlurmCronField,
  slurm: SlurmFieldReading
): string {
  const mask = [0, 1, 2].map(k => field.stepStart + k * step).join(',')
  const slurmMeans =
    'refused' in slurm
      ? `no ${field.unit} is left and Slurm refuses the table`
      : `this means ${formatField(slurm)}`
  const [lastStart, lastEnd] = ranges[ranges.length - 1] as [number, number]
  const cron = cronValues(
    [...ranges.slice(0, -1).flatMap(([a, b]) => range(a, b)), ...steppedValues(lastStart, lastEnd, step)],
    field
  )
  return (
    `${where(text, field)}: Slurm applies a step to the whole list before it as a filter (only ${mask},… stay), ` +
    `so ${slurmMeans}; cron steps only the last item (${formatValues(cron)}): write the values you mean as a list`
  )
}

function nameMeaning(text: string, field: SlurmCronField, slurm: SlurmFieldReading): FieldMeaning {
  if (!field.names) {
    return {
      problem: `${where(text, field)}: names are not allowed here; use numbers ${field.min}-${field.max}`
    }
  }
  const [base, stepText, ...more] = text.split('/') as [string, ...string[]]
  const value = field.names.get(base.toLowerCase())
  if (value !== undefined) {
    if (stepText === undefined) return { values: cronValues([value], field), wild: false }
    if (more.length > 0) return { problem: `${where(text, field)}: only one step (/n) is allowed` }
    const step = parseStep(text, stepText, field)
    if (typeof step === 'string') return { problem: step }
    return { problem: stepOnOneValue(text, base, value, step, field, slurm) }
  }

  const known = [...field.names.keys()].join(', ')
  if (/[-,]/.test(text)) {
    const numeric = translateNames(text, field)
    const suggestion = numeric ? `write ${numeric} instead` : `use numbers ${field.min}-${field.max}`
    return {
      problem: `${where(text, field)}: Slurm accepts a name only on its own, not in a range or list; ${suggestion}`
    }
  }
  return { problem: `${where(text, field)}: not a name Slurm knows; use one of ${known} or a number` }
}

/** "mon-fri" -> "1-5", so the message can offer the spelling Slurm accepts. */
function translateNames(text: string, field: SlurmCronField): string | null {
  let failed = false
  const translated = text.replace(/[A-Za-z]+/g, (word, offset: number) => {
    const value = field.names?.get(word.toLowerCase())
    if (value === undefined) {
      failed = true
      return word
    }
    // Sunday (7 to Slurm) is 7 at the end of a range (fri-sun -> 5-7), 0 everywhere else.
    const endOfRange = offset > 0 && text[offset - 1] === '-'
    return String(value === field.foldsIntoZero && !endOfRange ? 0 : value)
  })
  return failed ? null : translated
}

/** One list item: a number or a range a-b (bounds are checked on the whole list, by checkBounds). */
function parseItem(
  text: string,
  item: string,
  field: SlurmCronField,
  slurm: SlurmFieldReading
): [number, number] | string {
  const list = `${allowed(field)}, separated by commas`
  if (item === '') return `${where(text, field)}: empty list item; ${list}; ${slurmReads(slurm)}`
  const bounds = item.split('-')
  if (bounds.length > 2 || bounds.some(b => !/^\d+$/.test(b))) {
    return (
      `${where(text, field)}: ${JSON.stringify(item)} is neither a number nor a range a-b; ` +
      `${allowed(field)}; ${slurmReads(slurm)}`
    )
  }
  const [a, b] = bounds.map(Number) as [number, number?]
  const end = b ?? a
  if (a > end) {
    return (
      `${where(text, field)}: range ${item} is reversed, which Slurm reads as no value; write the smaller ` +
      `number first; ${slurmReads(slurm)}`
    )
  }
  return [a, end]
}

function parseStep(text: string, stepText: string, field: SlurmCronField): number | string {
  const bounds = `a step must be between 2 and ${field.size - 1}`
  if (!/^\d+$/.test(stepText))
    return `${where(text, field)}: ${JSON.stringify(stepText)} is not a step; ${bounds}`
  const step = Number(stepText)
  if (step === 1) {
    const plain = text.slice(0, text.lastIndexOf('/'))
    return `${where(text, field)}: ${bounds} (Slurm rejects a step of 1; write ${plain} instead)`
  }
  if (step < 2 || step > field.size - 1) return `${where(text, field)}: ${bounds}`
  return step
}

/** Cron's reading of start-end/step: from start on. (Slurm's, counted from the field's base, is in the port.) */
function steppedValues(start: number, end: number, step: number): number[] {
  const out: number[] = []
  for (let v = start; v <= end; v += step) out.push(v)
  return out
}

function range(min: number, max: number): number[] {
  return steppedValues(min, max, 1)
}
