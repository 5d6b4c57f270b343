import { describe, expect, it } from '@jest/globals'
import { checkSlurmCron, SLURM_CRON_NICKNAMES } from '../../src/validate/slurm-cron.js'
import { readSlurmCron, SLURM_CRON_FIELDS } from '../../src/validate/slurm-cron-reading.js'
import { ACCEPTED, REFUSED, REINTERPRETED, type SlurmReading } from '../slurm-cron-cases.js'

function problem(spec: string): string {
  const result = checkSlurmCron(spec)
  if (result === null) throw new Error(`expected ${JSON.stringify(spec)} to be rejected`)
  return result
}

describe('checkSlurmCron: accepted schedules', () => {
  it.each([
    '0 3 * * *',
    '*/15 * * * *',
    '*/60 * * * *',
    '0 */2 * * *',
    '0 */24 * * *',
    '0 0 */31 * *',
    '0 0 1 */3 *',
    '0 0 1 */12 *',
    '30 8-17/2 * * 1-5',
    '0-30/10 * * * *',
    '1-5,30 8-17/2 * * wed',
    '0 0 1,15 * *',
    '0 0 * * 0',
    '0 0 * * 7',
    '0 0 * * 0-7',
    '0 0 * * 1-5/2',
    '0 0 1-31/2 * *',
    '5 4 * jan *',
    '5 4 * DEC *',
    '5 4 * * Sun',
    '0 0 29 2 *',
    '0 0 30 1,2 *',
    '0 0 31 1-12 *',
    '  0 3 * * *  ',
    '0\t3\t*\t*\t*',
    '05 03 * * *'
  ])('accepts %j', spec => {
    expect(checkSlurmCron(spec)).toBeNull()
  })

  it.each(SLURM_CRON_NICKNAMES)('accepts the nickname %s', nickname => {
    expect(checkSlurmCron(nickname)).toBeNull()
    expect(checkSlurmCron(nickname.toUpperCase())).toBeNull()
  })

  it('lists exactly the nicknames Slurm 22.05 parses', () => {
    expect([...SLURM_CRON_NICKNAMES].sort()).toEqual(
      ['@annually', '@daily', '@hourly', '@midnight', '@monthly', '@weekly', '@yearly'].sort()
    )
  })
})

describe('checkSlurmCron: structure', () => {
  it('rejects an empty schedule and names the allowed forms', () => {
    const p = problem('   ')
    expect(p).toContain('empty')
    expect(p).toContain('@daily')
  })

  it.each([
    ['0 3 * *', '4 fields'],
    ['daily', '1 field']
  ])('rejects %j (%s) and says five fields are expected', (spec, count) => {
    const p = problem(spec)
    expect(p).toContain(JSON.stringify(spec))
    expect(p).toContain(count)
    expect(p).toContain('a schedule has exactly five fields (minute hour day-of-month month day-of-week)')
  })

  it.each([
    ['0 3 * * * *', '*'],
    ['0 3 * * * /home/me/job.sh', '/home/me/job.sh'],
    ['0 3 * * * a b', 'a b']
  ])('rejects %j, whose sixth field Slurm takes as the start of the command', (spec, start) => {
    expect(checkSlurmCron(spec)).toBe(
      `schedule ${JSON.stringify(spec)} has ${spec.split(' ').length} fields; Slurm takes ${JSON.stringify(start)} ` +
        `as the start of the command, so the job would run "${start} <command>": a schedule has exactly five ` +
        `fields (minute hour day-of-month month day-of-week) or is one of @yearly, @annually, @monthly, ` +
        `@weekly, @daily, @midnight, @hourly`
    )
  })

  it('rejects a schedule spanning lines', () => {
    expect(problem('0 3 * * *\n* * * * *')).toContain('one line')
  })

  it.each(['0 3 * * ?', '0 3 * * 1#2', '0 3 * * $(id)'])(
    'rejects characters cron extensions use, which Slurm refuses: %j',
    spec => {
      const p = problem(spec)
      expect(p).toMatch(/contains ".", which is not part of a cron schedule \(Slurm refuses it: cannot read/)
    }
  )

  it('rejects letters cron extensions use (L, W) as unknown names', () => {
    expect(problem('0 3 * * 5L')).toContain('"5L" in the day-of-week field: not a name Slurm knows')
    expect(problem('0 3 L * *')).toContain('"L" in the day-of-month field: names are not allowed here')
  })
})

describe('checkSlurmCron: @ nicknames', () => {
  it('rejects @reboot and says Slurm has none', () => {
    const p = problem('@reboot')
    expect(p).toContain('"@reboot"')
    expect(p).toContain('Slurm has no @reboot')
    expect(p).toContain('@daily')
  })

  it.each(['@every', '@dailyx', '@elevenses', '@teatime'])('rejects %j, unknown to Slurm 22.05', spec => {
    const p = problem(spec)
    expect(p).toContain(JSON.stringify(spec))
    expect(p).toContain('use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly')
  })

  it('rejects fields after a nickname, which Slurm takes as the start of the command', () => {
    expect(checkSlurmCron('@daily 5')).toBe(
      'schedule "@daily 5" has fields after @daily; Slurm takes "5" as the start of the command, so the job ' +
        'would run "5 <command>": write @daily alone or five fields'
    )
  })
})

describe('checkSlurmCron: values and ranges', () => {
  it.each([
    ['0 0 32 * *', '32', 'day-of-month values are 1-31'],
    ['0 0 1 13 *', '13', 'month values are 1-12'],
    ['0 0 * * 8', '8', 'day-of-week values are 0-7'],
    ['0,61 * * * *', '61', 'minute values are 0-59'],
    ['60,61 * * * *', '61', 'minute values are 0-59']
  ])('rejects %j: %s is out of range, beyond what Slurm reads at all', (spec, value, allowed) => {
    const p = problem(spec)
    expect(p).toContain(`${value} is out of range; ${allowed}`)
  })

  it('says what Slurm makes of minute 60 and hour 24: 0', () => {
    expect(checkSlurmCron('60 * * * *')).toBe(
      '"60" in the minute field: Slurm reads minute 60 as 0 (minute values are 0-59): write 0'
    )
    expect(checkSlurmCron('0 24 * * *')).toBe(
      '"24" in the hour field: Slurm reads hour 24 as 0 (hour values are 0-23): write 0'
    )
  })

  it('rejects a reversed range and says which way round to write it', () => {
    const p = problem('0 17-8 * * *')
    expect(p).toContain('"17-8" in the hour field')
    expect(p).toContain('reversed')
  })

  it.each([
    ['0 3 1,,2 * *', 'empty list item', 'Slurm reads the field as 1-2'],
    ['0 3 ,1 * *', 'empty list item', 'Slurm refuses the table: no day left'],
    ['0 3 1- * *', 'neither a number nor a range', 'Slurm refuses the table: no day left'],
    ['0 3 -5 * *', 'neither a number nor a range', 'Slurm reads the field as 1-5'],
    ['0 3 1-2-3 * *', 'neither a number nor a range', 'Slurm reads the field as 2-3']
  ])('rejects malformed lists and ranges: %j, and says what Slurm reads', (spec, message, slurm) => {
    expect(problem(spec)).toContain(message)
    expect(problem(spec)).toContain(slurm)
  })

  it('rejects * inside a list', () => {
    expect(problem('*,5 * * * *')).toContain('"*" must stand alone or be followed by a step')
  })

  it('rejects names in numeric fields', () => {
    const p = problem('0 mon * * *')
    expect(p).toContain('"mon" in the hour field')
    expect(p).toContain('names are not allowed here; use numbers 0-23')
  })
})

describe('checkSlurmCron: steps', () => {
  it('rejects */1 with the message the plan shows', () => {
    expect(checkSlurmCron('*/1 * * * *')).toBe(
      '"*/1" in the minute field: a step must be between 2 and 60 (Slurm rejects a step of 1; write * instead)'
    )
  })

  it('suggests the plain range for a range with step 1', () => {
    expect(problem('0 8-17/1 * * *')).toContain('write 8-17 instead')
  })

  it.each([
    ['*/61 * * * *', 'minute', 60],
    ['0 */25 * * *', 'hour', 24],
    ['0 0 */32 * *', 'day-of-month', 31],
    ['0 0 1 */13 *', 'month', 12],
    ['0 0 * * 1-5/8', 'day-of-week', 7],
    ['*/0 * * * *', 'minute', 60]
  ])("rejects a step beyond Slurm's bound: %j", (spec, field, max) => {
    const p = problem(spec)
    expect(p).toContain(`in the ${field} field`)
    expect(p).toContain(`a step must be between 2 and ${max}`)
  })

  it.each(['*/ * * * *', '*/x * * * *', '*/5/2 * * * *'])('rejects a malformed step: %j', spec => {
    expect(problem(spec)).toMatch(/is not a step|only one step/)
  })

  it('rejects a step on a single value or a list, which Slurm applies as a mask', () => {
    expect(checkSlurmCron('10/10 * * * *')).toBe(
      '"10/10" in the minute field: Slurm applies a step to the value before it as a filter (only 0,10,20,… ' +
        'stay), so this means 10 alone: write 10 for 10 alone, or 10-59/10 to step by 10 from 10'
    )
    expect(checkSlurmCron('0-10,20-30/5 * * * *')).toBe(
      '"0-10,20-30/5" in the minute field: Slurm applies a step to the whole list before it as a filter (only ' +
        '0,5,10,… stay), so this means 0,5,10,20,25,30; cron steps only the last item (0-10,20,25,30): write ' +
        'the values you mean as a list'
    )
  })

  it('rejects a range step Slurm would count from the field base, and says what it would mean', () => {
    expect(checkSlurmCron('5-59/10 * * * *')).toBe(
      '"5-59/10" in the minute field: Slurm counts steps from 0, not from the start of the range, so this would ' +
        'mean 10,20,30,40,50 rather than 5,15,25,35,45,55; write 5,15,25,35,45,55 instead'
    )
    const p = problem('0 1-23/2 * * *')
    expect(p).toContain('would mean 2,4,6')
    expect(p).toContain('write 1,3,5,7,9,11,13,15,17,19,21,23 instead')
    expect(problem('0 0 2-30/2 * *')).toContain('Slurm counts steps from 1')
    expect(problem('0 0 * * 0-6/2')).toContain('rather than 0,2,4,6')
  })

  it('rejects a day-of-week */n, which Slurm counts from Monday', () => {
    const p = problem('0 0 * * */2')
    expect(p).toContain('"*/2" in the day-of-week field')
    expect(p).toContain('would mean 0-1,3,5 rather than 0,2,4,6')
  })
})

describe('checkSlurmCron: month and day names', () => {
  it('rejects a day-name range and offers the numeric spelling', () => {
    const p = problem('0 9 * * mon-fri')
    expect(p).toContain('"mon-fri" in the day-of-week field')
    expect(p).toContain('Slurm accepts a name only on its own, not in a range or list')
    expect(p).toContain('write 1-5 instead')
  })

  it('translates Sunday to 7 at the end of a range and 0 elsewhere', () => {
    expect(problem('0 9 * * fri-sun')).toContain('write 5-7 instead')
    expect(problem('0 9 * * sun,wed')).toContain('write 0,3 instead')
  })

  it('rejects month-name lists', () => {
    expect(problem('0 0 1 jan,jul *')).toContain('write 1,7 instead')
  })

  it('rejects a name with a step, which Slurm reads as the name alone (or nothing)', () => {
    expect(checkSlurmCron('0 0 1 jan/2 *')).toBe(
      '"jan/2" in the month field: Slurm applies a step to the value before it as a filter (only 1,3,5,… ' +
        'stay), so this means 1 (jan) alone: write jan for jan alone, or 1-12/2 to step by 2 from jan'
    )
    expect(checkSlurmCron('0 0 1 feb/2 *')).toBe(
      '"feb/2" in the month field: Slurm applies a step to the value before it as a filter (only 1,3,5,… ' +
        'stay), so no month is left and Slurm refuses the table: write feb for feb alone, or 2,4,6,8,10,12 to ' +
        'step by 2 from feb'
    )
  })

  it('falls back to numbers when a name in a list is unknown', () => {
    expect(problem('0 0 1 jan-foo *')).toContain('use numbers 1-12')
  })

  it.each([
    ['0 0 * * monday', 'day-of-week', 'mon, tue, wed, thu, fri, sat, sun'],
    ['0 0 1 january *', 'month', 'jan, feb, mar']
  ])('rejects full names Slurm does not know: %j', (spec, field, names) => {
    const p = problem(spec)
    expect(p).toContain(`in the ${field} field: not a name Slurm knows`)
    expect(p).toContain(names)
  })
})

describe('checkSlurmCron: day of month against month', () => {
  it.each([
    ['0 0 31 4 *', 31, 30],
    ['0 0 31 2,4,6 *', 31, 30],
    ['0 0 30 2 *', 30, 29],
    ['0 0 30,31 feb *', 30, 29]
  ])('rejects %j, which never runs', (spec, day, longest) => {
    const p = problem(spec)
    expect(p).toContain(`no chosen month has day ${day}`)
    expect(p).toContain(`pick days up to ${longest}`)
  })
})

describe('checkSlurmCron: the two day fields', () => {
  it('rejects a stepped * in one day field with the other restricted: Slurm ORs them where cron ANDs', () => {
    expect(checkSlurmCron('0 0 */2 * 1')).toBe(
      'schedule "0 0 */2 * 1": Slurm runs it on days that match either day field (day-of-month ' +
        '1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31 or day-of-week 1), since it counts "*/2" as a list, not as *, ' +
        'where cron would run it only on days that match both; write * in one of the two day fields'
    )
  })

  it.each(['0 0 */2 * *', '0 0 * * 1', '0 0 1-31/2 * 1', '0 0 1,15 * 1-5'])(
    'accepts %j, which both read alike',
    spec => {
      expect(checkSlurmCron(spec)).toBeNull()
    }
  )
})

// The table of what the real scrontab did (test/slurm-cron-cases.ts): our message for each, and the port.
const ALL_CASES: readonly SlurmReading[] = [...REINTERPRETED, ...REFUSED, ...ACCEPTED]

describe('checkSlurmCron: every schedule probed on the real scrontab', () => {
  it.each(REINTERPRETED)('refuses "$schedule", which Slurm reads otherwise, and says what Slurm reads', c => {
    expect(problem(c.schedule)).toContain(c.message)
  })

  it.each(REFUSED)('refuses "$schedule", which Slurm refuses', c => {
    expect(problem(c.schedule)).toContain(c.message)
  })

  it.each(ACCEPTED.map(c => c.schedule))('accepts %j, which Slurm reads as cron does', spec => {
    expect(checkSlurmCron(spec)).toBeNull()
  })
})

describe('readSlurmCron: the port of Slurm 22.05 parse.c agrees with the real scrontab', () => {
  it.each(ALL_CASES)('"$schedule"', c => {
    const reading = readSlurmCron(c.schedule)
    if (c.slurm === 'refused') {
      expect(reading).toHaveProperty('refused')
      return
    }
    expect(reading).toMatchObject({ crontabSpec: c.slurm })
    const start = 'refused' in reading ? '' : reading.commandStart
    expect(start === '' ? 'true' : `${start} true`).toBe(c.command ?? 'true')
  })
})

describe('checkSlurmCron: every difference from Slurm has its own explanation', () => {
  // Field texts around every edge: bounds, folds, steps at and past their limits, lists, names.
  function variants(min: number, max: number, maxStep: number, names: string[]): string[] {
    const values = [...new Set([0, min, min + 1, 5, max - 1, max, max + 1])]
    const steps = [2, 3, 5, maxStep - 1, maxStep]
    const out = ['*', ...values.map(String), ...names, ...names.map(n => `${n}/2`), '1,,2', '1,', '-5']
    for (const a of values) for (const b of values) out.push(`${a}-${b}`, `${a},${b}`)
    for (const s of steps) {
      out.push(
        `*/${s}`,
        `${min}-${max}/${s}`,
        `${min + 1}-${max}/${s}`,
        `${max}/${s}`,
        `1,${min + 1}-${max}/${s}`
      )
    }
    return out
  }

  it('never needs the catch-all message, and accepts only what Slurm reads as cron does', () => {
    const checked: string[] = []
    for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
      for (const text of variants(field.min, field.max, field.size - 1, [...(field.names?.keys() ?? [])])) {
        const fields = ['0', '0', '*', '*', '*']
        fields[i] = text
        checked.push(fields.join(' '))
      }
    }
    for (const dom of ['*', '*/2', '1', '1-31/2'])
      for (const dow of ['*', '1', '0-7', 'sun']) {
        checked.push(`0 0 ${dom} * ${dow}`)
      }
    expect(checked.length).toBeGreaterThan(500)
    const catchAll = checked.filter(spec => checkSlurmCron(spec)?.includes('would not mean what it says'))
    expect(catchAll).toEqual([])
    const acceptedButRefusedBySlurm = checked.filter(
      spec => checkSlurmCron(spec) === null && 'refused' in readSlurmCron(spec)
    )
    expect(acceptedButRefusedBySlurm).toEqual([])
  })
})
