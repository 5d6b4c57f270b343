// When the watcher may next ask Slurm about its job. Pure: the caller passes the time, and the random source is
// injected, so tests are deterministic.
//
// Polite by construction, as the best pollers do it (ReFrame, submitit): the first look comes within a second,
// the interval then grows ×factor up to a cap, with jitter so that many watches do not poll in step, and drops
// back to fast when the answer changes (the job started or ended: a result is then a few queries away). Every
// Slurm query (squeue, sacct, scontrol, scancel) is counted against one budget, a token bucket: after a free
// start it refills one query per `budgetIntervalMs` and holds at most `burst`, so over any watch
//   queries after the first `freeMs` ≤ burst + (elapsed - freeMs) / budgetIntervalMs.

export interface PollScheduleOptions {
  /** Delay of the first look after the watch starts. Default 500 ms. */
  firstDelayMs?: number
  /** Growth of the interval per query. Default 1.6. */
  factor?: number
  /** Longest interval. Default 30 s (sandbox.pollCapSeconds). */
  capMs?: number
  /** Each interval is shortened by up to this fraction at random. Default 0.2. */
  jitter?: number
  /** Length of the free start, during which queries are not counted against the budget. Default 30 s. */
  freeMs?: number
  /** One query per this interval on average after the free start. Default 10 s. */
  budgetIntervalMs?: number
  /** Queries that may be made at once when the budget is full. Default 3. */
  burst?: number
  /** Uniform in [0, 1). Default Math.random. */
  random?: () => number
}

export class PollSchedule {
  private readonly firstDelayMs: number
  private readonly factor: number
  private readonly capMs: number
  private readonly jitter: number
  private readonly freeUntil: number
  private readonly budgetIntervalMs: number
  private readonly burst: number
  private readonly random: () => number

  private intervalMs: number
  private lastQueryAt: number | undefined
  private lastWasSoon = false
  private nextLookAt: number
  /** Budget tokens as of `tokensAt` (only after the free start). */
  private tokens: number
  private tokensAt: number
  private count = 0

  constructor(
    private readonly startMs: number,
    options: PollScheduleOptions = {}
  ) {
    this.firstDelayMs = options.firstDelayMs ?? 500
    this.factor = options.factor ?? 1.6
    this.capMs = options.capMs ?? 30_000
    this.jitter = options.jitter ?? 0.2
    this.freeUntil = startMs + (options.freeMs ?? 30_000)
    this.budgetIntervalMs = options.budgetIntervalMs ?? 10_000
    this.burst = options.burst ?? 3
    this.random = options.random ?? Math.random
    if (!(this.factor >= 1) || !(this.capMs >= this.firstDelayMs) || !(this.burst >= 1)) {
      throw new Error('poll schedule: need factor >= 1, cap >= first delay, burst >= 1')
    }
    this.intervalMs = this.firstDelayMs
    this.nextLookAt = startMs + this.firstDelayMs
    this.tokens = this.burst
    this.tokensAt = this.freeUntil
  }

  /** Queries recorded so far. */
  get queries(): number {
    return this.count
  }

  /** The earliest time the next query may be made: the wanted look, or later when the budget is spent. */
  nextQueryAt(): number {
    return Math.max(this.nextLookAt, this.budgetAllowsAt())
  }

  /** The earliest time the budget allows one more query. */
  budgetAllowsAt(): number {
    const missing = 1 - this.tokens
    return missing <= 0 ? this.startMs : this.tokensAt + missing * this.budgetIntervalMs
  }

  /**
   * Records a query made at `now`. `changed`: the answer differs from the previous one (back to fast);
   * `soon`: the caller wants another look shortly whatever the interval (accounting lag, a failed query).
   */
  recordQuery(
    now: number,
    { changed = false, soon = false }: { changed?: boolean; soon?: boolean } = {}
  ): void {
    this.count++
    if (now >= this.freeUntil) {
      this.refill(now)
      this.tokens -= 1
    }
    // A change is news: look again quickly. A "soon" starts quick too, but soon after soon backs off as usual,
    // so a job that stays unknown (or an accounting record that stays late) is not asked about twice a second.
    const quick = changed || (soon && !this.lastWasSoon)
    if (quick) this.intervalMs = this.firstDelayMs
    else if (this.lastQueryAt !== undefined)
      this.intervalMs = Math.min(this.capMs, this.intervalMs * this.factor)
    this.lastWasSoon = soon
    this.lastQueryAt = now
    const shortened = this.intervalMs * (1 - this.jitter * this.random())
    this.nextLookAt = now + Math.max(1, Math.round(shortened))
  }

  /** A query made outside the schedule (a cancel, an identity check): it only spends budget. */
  recordExtraQuery(now: number): void {
    this.count++
    if (now >= this.freeUntil) {
      this.refill(now)
      this.tokens -= 1
    }
  }

  private refill(now: number): void {
    const from = Math.max(this.tokensAt, this.freeUntil)
    if (now > from) this.tokens = Math.min(this.burst, this.tokens + (now - from) / this.budgetIntervalMs)
    this.tokensAt = Math.max(now, this.tokensAt)
  }
}
