import { describe, expect, it } from '@jest/globals'
import { checkTimeLimit, timeLimitMinutes } from '../../src/validate/time-limit.js'

describe('checkTimeLimit / timeLimitMinutes: every Slurm form', () => {
  it.each([
    ['90', 90],
    ['1', 1],
    ['600', 600],
    ['30:00', 30],
    ['0:30', 1],
    ['5:01', 6],
    ['1:30:00', 90],
    ['36:00:00', 2160],
    ['0:00:01', 1],
    ['2-0', 2880],
    ['1-12', 2160],
    ['1-12:30', 2190],
    ['1-00:00:30', 1441],
    ['7-00:00:00', 10080],
    ['01:05:00', 65]
  ])('accepts %j as %d minutes', (value, minutes) => {
    expect(checkTimeLimit(value)).toBeNull()
    expect(timeLimitMinutes(value)).toBe(minutes)
  })
})

describe('checkTimeLimit: unlimited', () => {
  it.each(['UNLIMITED', 'INFINITE', 'unlimited', 'Infinite'])(
    'rejects %j for a job and asks for a finite limit',
    value => {
      const p = checkTimeLimit(value)
      expect(p).toContain(JSON.stringify(value))
      expect(p).toContain('a job needs a finite time limit')
      expect(p).toContain('"hours:minutes:seconds"')
    }
  )

  it.each(['UNLIMITED', 'INFINITE'])('accepts %j when allowUnlimited is set (a partition max)', value => {
    expect(checkTimeLimit(value, { allowUnlimited: true })).toBeNull()
    expect(timeLimitMinutes(value)).toBe(Infinity)
  })
})

describe('checkTimeLimit: rejected values', () => {
  it.each(['0', '00', '0:00', '0:00:00', '0-0', '0-00:00:00'])(
    'rejects %j, which Slurm reads as no limit',
    value => {
      const p = checkTimeLimit(value)
      expect(p).toContain(`time ${JSON.stringify(value)} is zero`)
      expect(p).toContain('no limit at all')
    }
  )

  it.each([
    '',
    '-5',
    '-1',
    '1h',
    '90 min',
    '1.5',
    '1:2:3:4',
    '1-2-3',
    '1--2',
    ':30',
    '30:',
    '1-',
    '-1-00:00:00',
    ' 90',
    '1-1:1:1:1'
  ])('rejects %j and lists the forms Slurm accepts', value => {
    const p = checkTimeLimit(value)
    expect(p).toContain(`time ${JSON.stringify(value)} is not a Slurm time limit`)
    expect(p).toContain('"minutes", "minutes:seconds", "hours:minutes:seconds"')
  })

  it.each([
    ['1:60:00', '60 minutes', 'minutes after the first part must be 0-59'],
    ['1:30:75', '75 seconds', 'seconds after the first part must be 0-59'],
    ['5:60', '60 seconds', 'seconds after the first part must be 0-59'],
    ['1-24', '24 hours', 'hours after the first part must be 0-23'],
    ['1-12:99', '99 minutes', 'minutes after the first part must be 0-59']
  ])('rejects %j (%s out of range)', (value, part, rule) => {
    const p = checkTimeLimit(value)
    expect(p).toContain(JSON.stringify(value))
    expect(p).toContain(`has ${part}`)
    expect(p).toContain(rule)
  })

  it('timeLimitMinutes throws on a value checkTimeLimit rejects', () => {
    expect(() => timeLimitMinutes('soon')).toThrow('time "soon" is not a Slurm time limit')
  })
})
