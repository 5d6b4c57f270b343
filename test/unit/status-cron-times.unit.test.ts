import { describe, expect, it } from '@jest/globals'
import {
  clusterTimeZone,
  formatClusterTime,
  formatRelative,
  instantOf,
  wallClock
} from '../../src/status/cluster-time.js'
import { previousFireTimes, readCronSchedule } from '../../src/status/cron-times.js'
import { statusLookbackSeconds } from '../../src/status/lookback.js'

const berlin = clusterTimeZone('Europe/Berlin', '+0100')
const utc = clusterTimeZone('', '+0000')
const at = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()

function fires(schedule: string, zone: typeof utc, before: string, count: number): string[] {
  const read = readCronSchedule(schedule)
  if (!read) throw new Error(`${schedule} was not read`)
  return previousFireTimes(read, zone, at(before), count).map(iso)
}

describe('clusterTimeZone', () => {
  it('takes an IANA name with its summer time', () => {
    expect(berlin.name).toBe('Europe/Berlin')
    expect(berlin.offsetMinutes(at('2026-12-02T12:00:00Z'))).toBe(60)
    expect(berlin.offsetMinutes(at('2026-07-02T12:00:00Z'))).toBe(120)
  })

  it('falls back to the offset the login node printed, then to UTC', () => {
    const india = clusterTimeZone('Not/AZone', '+0530')
    expect(india.name).toBe('UTC+05:30')
    expect(india.offsetMinutes(0)).toBe(330)
    expect(clusterTimeZone('', '-0800').name).toBe('UTC-08:00')
    expect(clusterTimeZone('', '').name).toBe('UTC')
  })

  it('reads and makes wall-clock times, a skipped one an hour later, a doubled one the first', () => {
    expect(wallClock(berlin, at('2026-12-02T01:00:00Z'))).toEqual({
      year: 2026,
      month: 12,
      day: 2,
      hour: 2,
      minute: 0,
      weekday: 3
    })
    expect(iso(instantOf(berlin, { year: 2026, month: 12, day: 2, hour: 2, minute: 0 }))).toBe(
      '2026-12-02T01:00:00.000Z'
    )
    // 2026-03-29 02:30 does not exist in Berlin (02:00 → 03:00): mktime makes it 03:30 CEST.
    expect(iso(instantOf(berlin, { year: 2026, month: 3, day: 29, hour: 2, minute: 30 }))).toBe(
      '2026-03-29T01:30:00.000Z'
    )
    // 2026-10-25 02:30 happens twice (03:00 → 02:00): the first, still CEST.
    expect(iso(instantOf(berlin, { year: 2026, month: 10, day: 25, hour: 2, minute: 30 }))).toBe(
      '2026-10-25T00:30:00.000Z'
    )
  })

  it('formats times in the zone and relative to now', () => {
    expect(formatClusterTime(berlin, at('2026-12-03T01:00:00Z'))).toBe('Thu 2026-12-03 02:00 Europe/Berlin')
    const now = at('2026-12-02T10:00:00Z')
    expect(formatRelative(at('2026-12-03T01:00:00Z'), now)).toBe('in 15 h')
    expect(formatRelative(at('2026-12-02T09:15:00Z'), now)).toBe('45 min ago')
    expect(formatRelative(at('2026-12-04T13:20:00Z'), now)).toBe('in 2 d 3 h')
    expect(formatRelative(now + 20_000, now)).toBe('now')
  })
})

describe('readCronSchedule', () => {
  it('refuses what Slurm refuses (checkSlurmCron decides)', () => {
    expect(readCronSchedule('*/1 * * * *')).toBeNull()
    expect(readCronSchedule('0 0 * * mon-fri')).toBeNull()
    expect(readCronSchedule('@reboot')).toBeNull()
  })

  it('expands steps, ranges, lists, names and nicknames', () => {
    expect(readCronSchedule('0-30/10 8-17/2 * * *')).toMatchObject({
      minutes: [0, 10, 20, 30],
      hours: [8, 10, 12, 14, 16],
      anyDay: true,
      anyWeekday: true
    })
    const named = readCronSchedule('5 4 1,15 jan 7')!
    expect([...named.months]).toEqual([1])
    expect([...named.weekdays]).toEqual([0])
    expect([...named.days]).toEqual([1, 15])
    expect(readCronSchedule('@daily')).toMatchObject({ minutes: [0], hours: [0], anyDay: true })
    expect([...readCronSchedule('0 0 * * 1-5/2')!.weekdays]).toEqual([1, 3, 5])
  })
})

describe('previousFireTimes', () => {
  it('gives the last times a daily schedule fired, in the cluster time zone, newest first', () => {
    expect(fires('0 2 * * *', berlin, '2026-12-02T10:00:00Z', 2)).toEqual([
      '2026-12-02T01:00:00.000Z',
      '2026-12-01T01:00:00.000Z'
    ])
    // In summer the same schedule fires an hour earlier in UTC.
    expect(fires('0 2 * * *', berlin, '2026-07-02T10:00:00Z', 1)).toEqual(['2026-07-02T00:00:00.000Z'])
  })

  it('counts a time exactly at `before`, and none after it', () => {
    expect(fires('*/15 * * * *', utc, '2026-12-02T10:30:00Z', 3)).toEqual([
      '2026-12-02T10:30:00.000Z',
      '2026-12-02T10:15:00.000Z',
      '2026-12-02T10:00:00.000Z'
    ])
    expect(fires('0 11 * * *', utc, '2026-12-02T10:59:00Z', 1)).toEqual(['2026-12-01T11:00:00.000Z'])
  })

  it('matches a day of month or a day of week when both are given, as Slurm does', () => {
    // The 13th, or a Friday: 2026-11-27 (Fri), 2026-11-20 (Fri), 2026-11-13 (both).
    expect(fires('0 0 13 * 5', utc, '2026-12-02T00:00:00Z', 3)).toEqual([
      '2026-11-27T00:00:00.000Z',
      '2026-11-20T00:00:00.000Z',
      '2026-11-13T00:00:00.000Z'
    ])
    // A `*` day of month leaves the day of week to decide: only Fridays.
    expect(fires('0 0 * * 5', utc, '2026-11-20T00:00:00Z', 2)).toEqual([
      '2026-11-20T00:00:00.000Z',
      '2026-11-13T00:00:00.000Z'
    ])
  })

  it('finds rare schedules within the search, and stops there', () => {
    expect(fires('0 0 29 2 *', utc, '2026-12-02T00:00:00Z', 2)).toEqual([
      '2024-02-29T00:00:00.000Z',
      '2020-02-29T00:00:00.000Z'
    ])
    const leap = readCronSchedule('0 0 29 2 *')!
    expect(previousFireTimes(leap, utc, at('2026-12-02T00:00:00Z'), 2, 365)).toEqual([])
    expect(fires('@monthly', utc, '2026-12-02T00:00:00Z', 2)).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z'
    ])
  })
})

const NOW = at('2026-12-02T10:00:00Z')
const WEEK = 7 * 86400

describe('statusLookbackSeconds', () => {
  it('reaches a day before every schedule’s second-last time: a week at least, 400 days at most', () => {
    expect(statusLookbackSeconds(['0 2 * * *', '*/15 * * * *'], NOW)).toBe(WEEK)
    expect(statusLookbackSeconds(['0 2 1 * *'], NOW)).toBe(
      (NOW - Date.parse('2026-11-01T02:00:00Z')) / 1000 + 86400
    )
    expect(statusLookbackSeconds(['0 0 1 1 *'], NOW)).toBe(400 * 86400)
    expect(statusLookbackSeconds(['*/1 * * * *'], NOW)).toBe(WEEK)
  })
})
