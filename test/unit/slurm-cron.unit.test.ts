import { describe, expect, it } from '@jest/globals'
import { checkSlurmCron, SLURM_CRON_NICKNAMES } from '../../src/validate/slurm-cron.js'

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
    ['0 3 * * * *', '6 fields'],
    ['0 3 * * * /home/me/job.sh', '6 fields'],
    ['daily', '1 field']
  ])('rejects %j (%s) and says five fields are expected', (spec, count) => {
    const p = problem(spec)
    expect(p).toContain(JSON.stringify(spec))
    expect(p).toContain(count)
    expect(p).toContain('exactly five (minute hour day-of-month month day-of-week)')
  })

  it('rejects a schedule spanning lines', () => {
    expect(problem('0 3 * * *\n* * * * *')).toContain('one line')
  })

  it.each(['0 3 * * ?', '0 3 * * 1#2', '0 3 * * $(id)'])(
    'rejects characters cron extensions use: %j',
    spec => {
      const p = problem(spec)
      expect(p).toMatch(/contains ".+", which Slurm's cron parser does not accept/)
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

  it('rejects fields after a nickname', () => {
    expect(problem('@daily 5')).toContain('write @daily alone')
  })
})

describe('checkSlurmCron: values and ranges', () => {
  it.each([
    ['60 * * * *', '60', 'minute values are 0-59'],
    ['0 24 * * *', '24', 'hour values are 0-23'],
    ['0 0 0 * *', '0', 'day-of-month values are 1-31'],
    ['0 0 32 * *', '32', 'day-of-month values are 1-31'],
    ['0 0 1 0 *', '0', 'month values are 1-12'],
    ['0 0 1 13 *', '13', 'month values are 1-12'],
    ['0 0 * * 8', '8', 'day-of-week values are 0-7']
  ])('rejects %j: %s is out of range', (spec, value, allowed) => {
    const p = problem(spec)
    expect(p).toContain(`${value} is out of range`)
    expect(p).toContain(allowed)
  })

  it('rejects a reversed range and says which way round to write it', () => {
    const p = problem('0 17-8 * * *')
    expect(p).toContain('"17-8" in the hour field')
    expect(p).toContain('reversed')
  })

  it.each([
    ['0 3 1,,2 * *', 'empty list item'],
    ['0 3 ,1 * *', 'empty list item'],
    ['0 3 1- * *', 'neither a number nor a range'],
    ['0 3 -5 * *', 'neither a number nor a range'],
    ['0 3 1-2-3 * *', 'neither a number nor a range']
  ])('rejects malformed lists and ranges: %j', (spec, message) => {
    expect(problem(spec)).toContain(message)
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
    expect(problem('5/10 * * * *')).toContain('a step applies to * or to a single range')
    expect(problem('0-10,20-30/5 * * * *')).toContain('a step applies to * or to a single range')
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
    expect(p).toContain('would mean 0,1,3,5 rather than 0,2,4,6')
  })
})

describe('checkSlurmCron: month and day names', () => {
  it('rejects a day-name range and offers the numeric spelling', () => {
    const p = problem('0 9 * * mon-fri')
    expect(p).toContain('"mon-fri" in the day-of-week field')
    expect(p).toContain('Slurm accepts a name only on its own, not in a range, list or step')
    expect(p).toContain('write 1-5 instead')
  })

  it('translates Sunday to 7 at the end of a range and 0 elsewhere', () => {
    expect(problem('0 9 * * fri-sun')).toContain('write 5-7 instead')
    expect(problem('0 9 * * sun,wed')).toContain('write 0,3 instead')
  })

  it('rejects month-name lists and steps', () => {
    expect(problem('0 0 1 jan,jul *')).toContain('write 1,7 instead')
    expect(problem('0 0 1 jan/2 *')).toContain('write 1/2 instead')
  })

  it('falls back to numbers when a name in a list is unknown', () => {
    expect(problem('0 0 1 jan-foo *')).toContain('use numbers 1-12')
  })

  it.each([
    ['0 0 * * monday', 'day-of-week', 'sun, mon, tue, wed, thu, fri, sat'],
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
