import { describe, expect, it } from '@jest/globals'
import { PollSchedule } from '../../src/sandbox/poll-schedule.js'

/** A small deterministic generator (mulberry32), so every run sees the same jitter. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Polls as the watcher does: wait until nextQueryAt, query, record. Returns the query times. */
function simulate(
  schedule: PollSchedule,
  untilMs: number,
  answerChanged: (at: number, index: number) => boolean = () => false
): number[] {
  const times: number[] = []
  for (;;) {
    const at = schedule.nextQueryAt()
    if (at > untilMs) return times
    schedule.recordQuery(at, { changed: answerChanged(at, times.length) })
    times.push(at)
  }
}

describe('poll schedule', () => {
  it('looks first within a second, backs off ×factor to the cap, without jitter exactly', () => {
    const schedule = new PollSchedule(0, { random: () => 0, capMs: 30_000 })
    const times = simulate(schedule, 200_000)
    expect(times[0]).toBe(500)
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    expect(gaps.slice(0, 4)).toEqual([500, 800, 1280, 2048])
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!)
    expect(Math.max(...gaps)).toBe(30_000)
    expect(gaps.filter(g => g === 30_000).length).toBeGreaterThan(3)
  })

  it('jitter only shortens an interval, by at most the jitter fraction', () => {
    const schedule = new PollSchedule(0, { random: seeded(1), capMs: 30_000, jitter: 0.2 })
    const times = simulate(schedule, 600_000)
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000)
    expect(gaps.slice(-5).every(g => g >= 24_000)).toBe(true)
    expect(new Set(gaps.slice(-5)).size).toBeGreaterThan(1)
  })

  it('is fast again after the answer changed', () => {
    const schedule = new PollSchedule(0, { random: () => 0 })
    let changed = false
    const times = simulate(schedule, 120_000, at => {
      if (changed || at < 60_000) return false
      return (changed = true)
    })
    const changedAt = times.findIndex(t => t >= 60_000)
    // the budget is full after a slow stretch, so the next looks come at the first delay again
    expect(times[changedAt + 1]! - times[changedAt]!).toBe(500)
    expect(times[changedAt + 2]! - times[changedAt + 1]!).toBe(800)
  })

  it('"soon" after "soon" backs off: a job that stays unknown is not asked about twice a second', () => {
    const schedule = new PollSchedule(0, { random: () => 0 })
    const times: number[] = []
    for (;;) {
      const at = schedule.nextQueryAt()
      if (at > 30_000) break
      schedule.recordQuery(at, { soon: true })
      times.push(at)
    }
    expect(times.length).toBeLessThanOrEqual(10)
  })

  it('the same seed gives the same schedule', () => {
    const a = simulate(new PollSchedule(0, { random: seeded(7) }), 300_000)
    const b = simulate(new PollSchedule(0, { random: seeded(7) }), 300_000)
    expect(a).toEqual(b)
  })
})

describe('poll budget: at most one query per 10 s on average after the first 30 s', () => {
  const budgetOk = (times: number[], untilMs: number, burst = 3) => {
    const late = times.filter(t => t >= 30_000).length
    return late <= burst + (untilMs - 30_000) / 10_000
  }

  it('holds for a job that changes state at the worst moments, with any cap, over long watches', () => {
    for (const capMs of [2_000, 5_000, 30_000]) {
      for (let seed = 1; seed <= 20; seed++) {
        const random = seeded(seed)
        const schedule = new PollSchedule(0, { random: seeded(seed * 31), capMs })
        // every answer has a 30 % chance of being "changed" (fast again) or asking to look "soon"
        const times: number[] = []
        const until = 3_600_000
        for (;;) {
          const at = schedule.nextQueryAt()
          if (at > until) break
          const r = random()
          schedule.recordQuery(at, { changed: r < 0.15, soon: r > 0.85 })
          times.push(at)
          // the budget is checked at every point, not just at the end
          expect(budgetOk(times, at)).toBe(true)
        }
        expect(times.filter(t => t >= 30_000).length / ((until - 30_000) / 10_000)).toBeLessThanOrEqual(1.01)
      }
    }
  })

  it('counts extra queries (cancel, identity) against the same budget', () => {
    const schedule = new PollSchedule(0, { random: () => 0, capMs: 1_000 })
    simulate(schedule, 60_000)
    const before = schedule.queries
    for (let i = 0; i < 3; i++) schedule.recordExtraQuery(60_000)
    expect(schedule.queries).toBe(before + 3)
    expect(schedule.nextQueryAt()).toBeGreaterThan(60_000 + 10_000)
  })

  it('a cap of 30 s spends far less than the budget on a steady job', () => {
    const schedule = new PollSchedule(0, { random: seeded(3) })
    const times = simulate(schedule, 120_000)
    expect(times.filter(t => t < 30_000).length).toBeLessThanOrEqual(9)
    expect(times.filter(t => t >= 30_000).length).toBeLessThanOrEqual(5)
  })
})
