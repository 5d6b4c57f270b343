// What Slurm 22.05 makes of a scrontab schedule: a port of cronspec_to_bitstring() (src/scrontab/parse.c),
// bit_unfmt() (src/common/bitstring.c) and valid_cron_entry() (src/common/cron.c), printed the way
// cronspec_from_cron_entry() prints it: the CrontabSpec that `scontrol show job` shows for the cron job.
// The validator (slurm-cron.ts) compares it with what the user wrote, so that its messages can say what
// Slurm would do; test/integration/slurm-cron.int.test.ts checks the port against the real scrontab.
//
// Slurm's parser, in short: each field is a bitmap one bit larger than its range (minute 0-60, hour 0-24,
// day 0-31, month 0-12, day-of-week 0-7). Digits, "-" and "," are read by bit_unfmt, which reads an empty
// list item as 0, "-5" as 0-5 and "1-2-3" as 2-3, and sets nothing for a reversed range; a value beyond the
// bitmap refuses the line. A step is then applied to the whole field as a mask counted from 0 (minute, hour)
// or 1 (the rest). Minute 60 and hour 24 are folded into 0, day-of-week 7 into 0, day 0 and month 0 are
// dropped, and a field left empty refuses the line. Names (jan..dec, mon..sun) are read by their first three
// letters, one per field. After the fifth field comes the command: whatever follows is its start.

export interface SlurmCronField {
  name: string
  /** One value of the field, for messages ("no minute left"). */
  unit: string
  /** The values the field is documented to take (what cron takes). */
  min: number
  max: number
  /** Bitmap size in new_cron_entry(): values 0..size-1 are read, a larger one refuses the line. */
  size: number
  /** Where a step's mask starts (the second argument of _handle_step). */
  stepStart: number
  /** Three-letter names, with the bit Slurm sets for each (sun is 7, folded into 0 later). */
  names?: ReadonlyMap<string, number>
  /** The value Slurm folds into 0 right after parsing (minute 60, hour 24, day-of-week 7). */
  foldsIntoZero?: number
}

const MONTH_NAMES = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((n, i) => [
    n,
    i + 1
  ])
)
const DAY_NAMES = new Map(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((n, i) => [n, i + 1]))

type Five<T> = readonly [T, T, T, T, T]

/** minute, hour, day-of-month, month, day-of-week */
export const SLURM_CRON_FIELDS: Five<SlurmCronField> = [
  { name: 'minute', unit: 'minute', min: 0, max: 59, size: 61, stepStart: 0, foldsIntoZero: 60 },
  { name: 'hour', unit: 'hour', min: 0, max: 23, size: 25, stepStart: 0, foldsIntoZero: 24 },
  { name: 'day-of-month', unit: 'day', min: 1, max: 31, size: 32, stepStart: 1 },
  { name: 'month', unit: 'month', min: 1, max: 12, size: 13, stepStart: 1, names: MONTH_NAMES },
  {
    name: 'day-of-week',
    unit: 'day of the week',
    min: 0,
    max: 7,
    size: 8,
    stepStart: 1,
    names: DAY_NAMES,
    foldsIntoZero: 7
  }
]

/** The values Slurm reads in one field (ascending), and whether it is a bare `*` (CRON_WILD_*). */
export interface SlurmFieldValues {
  values: number[]
  wild: boolean
}

export type SlurmFieldReading = SlurmFieldValues | { refused: string }

export type SlurmCronReading =
  | {
      /** As `scontrol show job` prints it, e.g. "0,15,30,45 * * * *". */
      crontabSpec: string
      /** minute, hour, day-of-month, month, day-of-week */
      fields: SlurmFieldValues[]
      /** What Slurm takes as the start of the command from the schedule's own text ('' for five fields). */
      commandStart: string
    }
  | { refused: string }

/** Slurm's reading of a whole schedule (five fields or an @nickname), as if it were followed by a command. */
export function readSlurmCron(schedule: string): SlurmCronReading {
  let pos = skipBlanks(schedule, 0)
  let fields: SlurmFieldValues[]
  if (schedule[pos] === '@') {
    const nickname = readNickname(schedule, pos + 1)
    if ('refused' in nickname) return nickname
    fields = nickname.fields
    pos = nickname.pos
  } else {
    const bitmaps: Bitmap[] = []
    for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
      if (i > 0) {
        // The end of the schedule stands for the blank before the command.
        if (pos < schedule.length && !isBlank(schedule[pos])) return unexpected(schedule, pos)
        pos = skipBlanks(schedule, pos)
      }
      const read = readField(schedule, pos, field)
      if ('refused' in read) return read
      bitmaps.push(read.bitmap)
      pos = read.pos
    }
    // parse.c looks at what follows the fifth field before valid_cron_entry() looks at the values.
    if (pos < schedule.length && !isBlank(schedule[pos])) return unexpected(schedule, pos)
    const checked = validEntry(bitmaps)
    if ('refused' in checked) return checked
    fields = checked
  }
  if (pos < schedule.length && !isBlank(schedule[pos])) return unexpected(schedule, pos)
  return {
    crontabSpec: fields.map(formatField).join(' '),
    fields,
    commandStart: schedule.slice(skipBlanks(schedule, pos))
  }
}

/** Slurm's reading of one field's text on its own (the field must end where the text ends). */
export function readSlurmField(text: string, field: SlurmCronField): SlurmFieldReading {
  const read = readField(text, 0, field)
  if ('refused' in read) return read
  if (read.pos < text.length) return unexpected(text, read.pos)
  return finishField(read.bitmap, field)
}

/** bit_fmt_full(): "0,5-7,9"; a wild field prints as "*". */
export function formatField(field: SlurmFieldValues): string {
  return field.wild ? '*' : formatValues(field.values)
}

export function formatValues(values: readonly number[]): string {
  const runs: string[] = []
  for (let i = 0; i < values.length; i++) {
    const start = values[i] as number
    while (i + 1 < values.length && values[i + 1] === (values[i] as number) + 1) i++
    runs.push(start === values[i] ? String(start) : `${start}-${values[i]}`)
  }
  return runs.join(',')
}

interface Bitmap {
  bits: boolean[]
  wild: boolean
}

function readField(
  s: string,
  start: number,
  field: SlurmCronField
): { bitmap: Bitmap; pos: number } | { refused: string } {
  let pos = start
  const bits = new Array<boolean>(field.size).fill(false)
  let wild = false
  const c = s[pos]
  if (c === undefined) return { refused: `the schedule ends before the ${field.name} field` }
  if (c === '*') {
    bits.fill(true)
    pos++
    wild = s[pos] !== '/'
  } else if (field.names && /[A-Za-z]/.test(c)) {
    const value = field.names.get(s.slice(pos, pos + 3).toLowerCase())
    if (value === undefined) return { refused: `${JSON.stringify(s.slice(pos))} is no ${field.name} name` }
    bits[value] = true
    pos += 3
  } else {
    const list = (/^[0-9,-]*/.exec(s.slice(pos)) as RegExpExecArray)[0]
    if (!unformat(bits, list))
      return { refused: `${JSON.stringify(list)} has a value beyond ${field.size - 1}` }
    pos += list.length
  }
  if (s[pos] === '/') {
    // strtol: leading white space, a sign, digits.
    const step = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(s.slice(pos + 1))
    const value = step ? Number(step[0].trim()) : NaN
    if (!step || value <= 1 || value >= field.size) return { refused: 'bad step value' }
    pos += 1 + step[0].length
    // The step is a mask over the whole field: only field.stepStart + k * step stay.
    bits.forEach((_, v) => {
      if (v < field.stepStart || (v - field.stepStart) % value !== 0) bits[v] = false
    })
  }
  const fold = field.foldsIntoZero
  if (fold !== undefined && bits[fold]) {
    bits[0] = true
    bits[fold] = false
  }
  return { bitmap: { bits, wild }, pos }
}

/** bit_unfmt() / bitfmt2int() / inx2bitstr() on a run of digits, "-" and ",". False: a value is too large. */
function unformat(bits: boolean[], list: string): boolean {
  let sum = 0
  let first = -1
  for (let i = 0; i <= list.length; i++) {
    const c = list[i] ?? ''
    if (c >= '0' && c <= '9')
      sum = (Math.imul(sum, 10) + Number(c)) | 0 // int32, as in C
    else if (c === '-') {
      first = sum
      sum = 0
    } else {
      if (i === 0) break // a leading comma (or nothing): no value at all
      const from = first === -1 ? sum : first
      if (from < 0 || from >= bits.length || sum < 0 || sum >= bits.length) return false
      for (let v = from; v <= sum; v++) bits[v] = true // a reversed range sets nothing
      first = -1
      sum = 0
    }
  }
  return true
}

/** valid_cron_entry(): drop day 0 and month 0, refuse an empty field and a day no chosen month has. */
function validEntry(bitmaps: Bitmap[]): SlurmFieldValues[] | { refused: string } {
  const fields: SlurmFieldValues[] = []
  for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
    const finished = finishField(bitmaps[i] as Bitmap, field)
    if ('refused' in finished) return finished
    fields.push(finished)
  }
  const [, , days, months] = fields as [
    SlurmFieldValues,
    SlurmFieldValues,
    SlurmFieldValues,
    SlurmFieldValues
  ]
  if (!days.wild) {
    const first = days.values[0]
    const has = (m: number) => months.values.includes(m)
    if (first === 31 && ![1, 3, 5, 7, 8, 10, 12].some(has)) return { refused: 'no chosen month has day 31' }
    if (first === 30 && months.values.length === 1 && has(2)) return { refused: 'February has no day 30' }
  }
  return fields
}

function finishField(bitmap: Bitmap, field: SlurmCronField): SlurmFieldReading {
  const values: number[] = []
  bitmap.bits.forEach((set, v) => {
    if (set && v >= field.min && v <= field.max) values.push(v)
  })
  if (bitmap.wild) return { values, wild: true }
  if (values.length === 0) return { refused: `no ${field.unit} left` }
  return { values, wild: false }
}

function readNickname(
  s: string,
  pos: number
): { fields: SlurmFieldValues[]; pos: number } | { refused: string } {
  const all = (f: SlurmCronField): SlurmFieldValues =>
    finishField({ bits: new Array<boolean>(f.size).fill(true), wild: true }, f) as SlurmFieldValues
  const [, hour, dom, month, dow] = SLURM_CRON_FIELDS
  const one = (v: number): SlurmFieldValues => ({ values: [v], wild: false })
  const starts = (name: string) => s.slice(pos, pos + name.length).toLowerCase() === name
  // In parse.c's order; a prefix is enough for Slurm (what follows must then be a blank).
  const table: [string[], SlurmFieldValues[]][] = [
    [
      ['yearly', 'annually'],
      [one(0), one(0), one(1), one(1), all(dow)]
    ],
    [['monthly'], [one(0), one(0), one(1), all(month), all(dow)]],
    [['weekly'], [one(0), one(0), all(dom), all(month), one(0)]],
    [
      ['daily', 'midnight'],
      [one(0), one(0), all(dom), all(month), all(dow)]
    ],
    // @hourly sets every hour without the wildcard flag, so scontrol prints its hour field as 0-23.
    [['hourly'], [one(0), { values: all(hour).values, wild: false }, all(dom), all(month), all(dow)]]
  ]
  for (const [names, fields] of table) {
    const name = names.find(starts)
    if (name) return { fields, pos: pos + name.length }
  }
  return { refused: 'invalid @ line' }
}

function unexpected(s: string, pos: number): { refused: string } {
  return { refused: `cannot read ${JSON.stringify(s.slice(pos))}` }
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t'
}

function skipBlanks(s: string, pos: number): number {
  while (isBlank(s[pos])) pos++
  return pos
}
