import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkJobId,
  parseSacct,
  parseScontrolShowJob,
  parseSqueue,
  sacctCommand,
  scancelCommand,
  scontrolShowJobCommand,
  squeueCommand,
  userName
} from "./chunk-UAI3N6F7.js";
import {
  formatDuration,
  secondsBetween,
  slurmTimestamp
} from "./chunk-VBNEW65A.js";
import {
  TransportError
} from "./chunk-PYPIXDYX.js";
import {
  clusterUser,
  startRun
} from "./chunk-5CNL2LPR.js";
import {
  cronRunResult,
  isFinalState,
  jobResult,
  parseJobState
} from "./chunk-3MBQ7RCC.js";
import {
  SANDBOX_ENVIRONMENT,
  checkTimeLimit,
  parseSandboxJobName,
  sandboxJobPrefix,
  timeLimitMinutes
} from "./chunk-77AM224P.js";
import {
  shellQuote
} from "./chunk-Q6RAD52C.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/sandbox/watch-connection.ts
var ConnectionLostError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ConnectionLostError";
  }
};
var FATAL_KINDS = /* @__PURE__ */ new Set(["auth", "host-key", "config"]);
var WatchConnection = class {
  constructor(transport, options = {}) {
    this.options = options;
    this.current = transport;
    this.reconnectMs = options.reconnectMs ?? 3e5;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 6e4;
    this.loginShell = options.loginShell ?? true;
    this.now = options.now ?? Date.now;
  }
  options;
  current;
  recovering;
  lost;
  reconnectMs;
  commandTimeoutMs;
  loginShell;
  now;
  /** Slurm commands sent (every squeue, sacct, scontrol and scancel). */
  slurmQueries = 0;
  reconnects = 0;
  /** The transport in use now; a reconnect replaces the one passed in (which it closes). */
  get transport() {
    return this.current;
  }
  /**
   * Runs one Slurm command (counted). A dropped connection is re-established before this returns `reconnected`,
   * so the caller simply asks again at its next poll; it throws ConnectionLostError when that failed.
   */
  async slurm(command, timeoutMs = this.commandTimeoutMs) {
    if (this.lost) throw this.lost;
    const transport = this.current;
    this.slurmQueries++;
    const wrapped = this.loginShell ? `bash -lc ${shellQuote(command)}` : command;
    let result;
    try {
      result = await withTimeout(transport.exec(wrapped), timeoutMs);
    } catch (err) {
      await this.recover(transport, describe(err));
      return { kind: "reconnected" };
    }
    if (result.code === null && !await this.alive(transport)) {
      await this.recover(transport, "the connection closed during a command");
      return { kind: "reconnected" };
    }
    return { kind: "done", result };
  }
  /** A quick no-op command answers on a live connection. */
  async alive(transport) {
    try {
      const r = await withTimeout(transport.exec("true"), 5e3);
      return r.code === 0;
    } catch {
      return false;
    }
  }
  /**
   * Called by whoever noticed that `failed` is broken. The first caller reconnects (closing `failed`, which also
   * ends every channel still hanging on it); later callers get the same new transport.
   */
  recover(failed, reason) {
    if (this.lost) return Promise.reject(this.lost);
    if (failed !== this.current) return Promise.resolve(this.current);
    this.recovering ??= this.reconnectLoop(failed, reason).finally(() => {
      this.recovering = void 0;
    });
    return this.recovering;
  }
  async reconnectLoop(failed, reason) {
    const started = this.now();
    this.options.onEvent?.({ kind: "connection-lost", reason });
    void failed.close().catch(() => void 0);
    const giveUp = (why) => {
      this.lost = new ConnectionLostError(why);
      throw this.lost;
    };
    const reconnect = this.options.reconnect;
    if (!reconnect)
      return giveUp(`the connection ${failed.description} dropped (${reason}); no way to reconnect`);
    let delayMs = 1e3;
    for (let attempt = 1; ; attempt++) {
      try {
        const transport = await reconnect();
        this.current = transport;
        this.reconnects++;
        this.options.onEvent?.({
          kind: "reconnected",
          attempts: attempt,
          downMs: this.now() - started,
          transport: transport.description
        });
        return transport;
      } catch (err) {
        const why = describe(err);
        if (err instanceof TransportError && FATAL_KINDS.has(err.kind)) {
          return giveUp(`the connection dropped (${reason}) and reconnecting was refused: ${why}`);
        }
        const elapsed = this.now() - started;
        if (elapsed + delayMs > this.reconnectMs) {
          return giveUp(
            `the connection dropped (${reason}) and could not be re-established within ${Math.round(this.reconnectMs / 1e3)} s: ${why}`
          );
        }
        this.options.onEvent?.({ kind: "reconnect-failed", attempt, reason: why, nextInMs: delayMs });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 15e3);
      }
    }
  }
};
var CommandTimeout = class extends Error {
};
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CommandTimeout(`no answer within ${Math.round(ms / 1e3)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
function describe(err) {
  return err instanceof Error ? err.message : String(err);
}

// src/sandbox/cancel.ts
async function cancelJob(target, jobId, options = {}) {
  const connection = target instanceof WatchConnection ? target : new WatchConnection(target);
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 7e3);
  const before = connection.slurmQueries;
  const remaining = () => Math.max(500, deadline - now());
  const outcome = (fields) => ({
    jobId,
    ...fields,
    queries: connection.slurmQueries - before
  });
  let problem;
  for (let attempt = 0; attempt < 2 && now() < deadline; attempt++) {
    const answer = await connection.slurm(scancelCommand(jobId), remaining());
    if (answer.kind === "reconnected") continue;
    problem = answer.result.code === 0 ? void 0 : `scancel ${jobId} exited ${answer.result.code}: ${answer.result.stderr.trim() || answer.result.stdout.trim()}`;
    break;
  }
  let state;
  let pauseMs = 250;
  while (now() < deadline) {
    const answer = await connection.slurm(squeueCommand(jobId), remaining());
    if (answer.kind === "done") {
      const queue = parseSqueue(jobId, answer.result);
      if (queue.kind === "unlisted") {
        return outcome({
          confirmed: true,
          alreadyFinished: false,
          message: `job ${jobId} cancelled: it is no longer in the queue`
        });
      }
      if (queue.kind === "listed") {
        state = queue.entry.state;
        if (state.name === "CANCELLED" || state.name === "COMPLETING") {
          return outcome({
            confirmed: true,
            state,
            alreadyFinished: false,
            message: `job ${jobId} cancelled (${state.text})`
          });
        }
        if (isFinalState(state)) {
          return outcome({
            confirmed: true,
            state,
            alreadyFinished: true,
            message: `job ${jobId} had already ended (${state.text}) when the cancel reached it`
          });
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, Math.max(0, deadline - now()))));
    pauseMs = Math.min(pauseMs * 2, 2e3);
  }
  return outcome({
    confirmed: false,
    ...state ? { state } : {},
    alreadyFinished: false,
    message: `could not confirm that job ${jobId} was cancelled` + (problem ? `: ${problem}` : state ? `: it is still ${state.text}` : "") + `; check with squeue -j ${jobId} and cancel it with scancel ${jobId}`
  });
}

// src/sandbox/job-identity.ts
function classifyJob(job, project, user) {
  const what = `job ${job.jobId} ("${job.name}", user ${job.user}, ${job.state.text})`;
  const run = parseSandboxJobName(project, job.name);
  if (run && job.user === user) return { kind: "sandbox", job, run };
  if (run) {
    return {
      kind: "refused",
      job,
      message: `${what} is named like a sandbox job of ${project} but belongs to ${job.user}, not ${user}; leaving it alone`
    };
  }
  const scheduled = job.name.startsWith(`${project}-`) && !job.name.startsWith(`${project}-${SANDBOX_ENVIRONMENT}`);
  return {
    kind: "refused",
    job,
    message: scheduled ? `${what} looks like a scheduled job of ${project} (<project>-<environment>-<job>), not a sandbox test job; scheduled jobs follow their deployment (their scrontab entry), and cancelling one by hand ends its run` : `${what} is not a sandbox test job of ${project}: those are named ${sandboxJobPrefix(project)}<sandbox>-<run id>-<short sha>`
  };
}
async function identifyJob(connection, jobId, { project, user }) {
  const bad = checkJobId(jobId);
  if (bad) return { kind: "unknown", message: bad };
  const shown = await connection.slurm(scontrolShowJobCommand(jobId));
  if (shown.kind === "done") {
    const controller = parseScontrolShowJob(jobId, shown.result);
    if (controller.kind === "listed") {
      const f = controller.fields;
      const submitTime = slurmTimestamp(f.SubmitTime);
      const job = {
        jobId,
        name: f.JobName ?? "",
        user: userName(f.UserId ?? ""),
        state: parseJobState(f.JobState ?? ""),
        ...submitTime ? { submitTime } : {},
        ...f.StdOut ? { logPath: f.StdOut } : {},
        source: "controller"
      };
      return classifyJob(job, project, user);
    }
  }
  const accounted = await connection.slurm(sacctCommand(jobId));
  if (accounted.kind === "done") {
    const accounting = parseSacct(jobId, accounted.result);
    if (accounting.kind === "recorded") {
      const r = accounting.record;
      const job = {
        jobId,
        name: r.name,
        user: r.user,
        state: r.state,
        ...r.submitTime ? { submitTime: r.submitTime } : {},
        source: "accounting"
      };
      return classifyJob(job, project, user);
    }
    if (accounting.kind === "error")
      return { kind: "unknown", message: `could not look up job ${jobId}: ${accounting.message}` };
  }
  return {
    kind: "unknown",
    message: `job ${jobId} is not known to the controller (scontrol) or to accounting (sacct) on this cluster; check the id`
  };
}
async function requireSandboxJob(connection, jobId, who, where = "job id") {
  const identity = await identifyJob(connection, jobId, who);
  if (identity.kind === "sandbox") return { job: identity.job, run: identity.run };
  throw new UserError({ where, message: identity.message });
}

// src/sandbox/log-stream.ts
import { randomBytes } from "node:crypto";
function followScript(path, offset, marker, sleepIntervalSeconds = 0.5) {
  const seconds = String(sleepIntervalSeconds);
  return [
    `f=${shellQuote(path)}`,
    "p=$PPID",
    `until [ -e "$f" ]; do ps -p "$p" >/dev/null 2>&1 || exit 0; sleep ${seconds}; done`,
    `printf '%s\\n' ${shellQuote(marker)}`,
    `exec tail -c +${offset + 1} -F --sleep-interval=${seconds} --pid="$p" -- "$f" 2>/dev/null`,
    ""
  ].join("\n");
}
function drainScript(path, offset, marker, end) {
  const read = `tail -c +${offset + 1} -- "$f" 2>/dev/null`;
  return [
    `f=${shellQuote(path)}`,
    `printf '%s\\n' ${shellQuote(marker)}`,
    `[ -e "$f" ] || exit 0`,
    end === void 0 ? `exec ${read}` : `${read} | head -c ${Math.max(0, end - offset)}`,
    ""
  ].join("\n");
}
var AfterMarker = class {
  seen = false;
  pending = Buffer.alloc(0);
  marker;
  constructor(marker) {
    this.marker = Buffer.from(marker + "\n");
  }
  feed(chunk) {
    if (this.seen) return chunk;
    this.pending = Buffer.concat([this.pending, chunk]);
    const at = this.pending.indexOf(this.marker);
    if (at === -1) {
      if (this.pending.length > this.marker.length) this.pending = this.pending.subarray(-this.marker.length);
      return void 0;
    }
    this.seen = true;
    const rest = this.pending.subarray(at + this.marker.length);
    this.pending = Buffer.alloc(0);
    return rest.length > 0 ? rest : void 0;
  }
};
var LogStream = class {
  constructor(connection, path, onOutput, options = {}) {
    this.connection = connection;
    this.path = path;
    this.onOutput = onOutput;
    this.options = options;
    this.delivered = options.offset ?? 0;
    this.sleepIntervalSeconds = options.sleepIntervalSeconds ?? 0.5;
  }
  connection;
  path;
  onOutput;
  options;
  delivered;
  running;
  stopping = false;
  wake;
  active;
  sleepIntervalSeconds;
  /** Bytes of the file delivered so far (including the starting offset). */
  get offset() {
    return this.delivered;
  }
  /** Starts following in the background. */
  start() {
    this.running ??= this.follow();
  }
  /** Stops following; bytes that arrive after this are not delivered (the drain reads them again). */
  async stop() {
    this.stopping = true;
    this.wake?.();
    if (this.active) {
      this.active.accepting = false;
      this.active.abort.abort();
    }
    await this.running;
  }
  /**
   * Delivers the rest of the file as it is now, from the last delivered byte. Call after stop(), once the job
   * is over. Retries over a new connection if the old one drops; gives up at `deadline` (a time from `now`).
   */
  async drain(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const transport = this.connection.transport;
      const ended = await this.runChannel(transport, "drain", deadline - Date.now());
      if (ended === "exited") return;
      if (ended === "timeout") break;
      try {
        await this.connection.recover(transport, "the connection closed while reading the job log");
      } catch {
        break;
      }
    }
    this.options.onProblem?.(
      `could not read the end of ${this.path} within ${Math.round(timeoutMs / 1e3)} s`
    );
  }
  async follow() {
    let troubles = 0;
    while (!this.stopping) {
      const transport = this.connection.transport;
      const ended = await this.runChannel(transport, "follow");
      if (this.stopping) return;
      if (ended === "lost") {
        try {
          await this.connection.recover(transport, "the log stream channel closed");
        } catch {
          return;
        }
        continue;
      }
      troubles++;
      if (troubles >= 5) {
        this.options.onProblem?.(
          `streaming ${this.path} stopped: tail exited ${troubles} times; the log is shown when the job ends`
        );
        return;
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 1e3 * troubles);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = void 0;
    }
  }
  /** One channel; `exited`: the remote command ended; `lost`: the channel closed without an exit status. */
  async runChannel(transport, mode, timeoutMs) {
    const marker = `SG_LOG_${randomBytes(8).toString("hex")}`;
    const abort = new AbortController();
    const channel = { abort, accepting: true };
    this.active = channel;
    const filter = new AfterMarker(marker);
    const script = mode === "follow" ? followScript(this.path, this.delivered, marker, this.sleepIntervalSeconds) : drainScript(this.path, this.delivered, marker, this.options.end);
    let timedOut = false;
    const timer = timeoutMs === void 0 ? void 0 : setTimeout(() => {
      timedOut = true;
      channel.accepting = false;
      abort.abort();
    }, timeoutMs);
    try {
      const result = await transport.runScript({
        stdin: script,
        loginShell: false,
        signal: abort.signal,
        onOutput: (chunk) => {
          if (!channel.accepting) return;
          const bytes = filter.feed(chunk);
          if (!bytes) return;
          this.delivered += bytes.length;
          this.onOutput(bytes);
        }
      });
      if (timedOut) return "timeout";
      return result.exitCode === null && result.signal === null ? "lost" : "exited";
    } catch {
      return "lost";
    } finally {
      if (timer) clearTimeout(timer);
      channel.accepting = false;
      if (this.active === channel) this.active = void 0;
    }
  }
};

// src/sandbox/poll-schedule.ts
var PollSchedule = class {
  constructor(startMs, options = {}) {
    this.startMs = startMs;
    this.firstDelayMs = options.firstDelayMs ?? 500;
    this.factor = options.factor ?? 1.6;
    this.capMs = options.capMs ?? 3e4;
    this.jitter = options.jitter ?? 0.2;
    this.freeUntil = startMs + (options.freeMs ?? 3e4);
    this.budgetIntervalMs = options.budgetIntervalMs ?? 1e4;
    this.burst = options.burst ?? 3;
    this.random = options.random ?? Math.random;
    if (!(this.factor >= 1) || !(this.capMs >= this.firstDelayMs) || !(this.burst >= 1)) {
      throw new Error("poll schedule: need factor >= 1, cap >= first delay, burst >= 1");
    }
    this.intervalMs = this.firstDelayMs;
    this.nextLookAt = startMs + this.firstDelayMs;
    this.tokens = this.burst;
    this.tokensAt = this.freeUntil;
  }
  startMs;
  firstDelayMs;
  factor;
  capMs;
  jitter;
  freeUntil;
  budgetIntervalMs;
  burst;
  random;
  intervalMs;
  lastQueryAt;
  lastWasSoon = false;
  nextLookAt;
  /** Budget tokens as of `tokensAt` (only after the free start). */
  tokens;
  tokensAt;
  count = 0;
  /** Queries recorded so far. */
  get queries() {
    return this.count;
  }
  /** The earliest time the next query may be made: the wanted look, or later when the budget is spent. */
  nextQueryAt() {
    return Math.max(this.nextLookAt, this.budgetAllowsAt());
  }
  /** The earliest time the budget allows one more query. */
  budgetAllowsAt() {
    const missing = 1 - this.tokens;
    return missing <= 0 ? this.startMs : this.tokensAt + missing * this.budgetIntervalMs;
  }
  /**
   * Records a query made at `now`. `changed`: the answer differs from the previous one (back to fast);
   * `soon`: the caller wants another look shortly whatever the interval (accounting lag, a failed query).
   */
  recordQuery(now, { changed = false, soon = false } = {}) {
    this.count++;
    if (now >= this.freeUntil) {
      this.refill(now);
      this.tokens -= 1;
    }
    const quick = changed || soon && !this.lastWasSoon;
    if (quick) this.intervalMs = this.firstDelayMs;
    else if (this.lastQueryAt !== void 0)
      this.intervalMs = Math.min(this.capMs, this.intervalMs * this.factor);
    this.lastWasSoon = soon;
    this.lastQueryAt = now;
    const shortened = this.intervalMs * (1 - this.jitter * this.random());
    this.nextLookAt = now + Math.max(1, Math.round(shortened));
  }
  /** A query made outside the schedule (a cancel, an identity check): it only spends budget. */
  recordExtraQuery(now) {
    this.count++;
    if (now >= this.freeUntil) {
      this.refill(now);
      this.tokens -= 1;
    }
  }
  refill(now) {
    const from = Math.max(this.tokensAt, this.freeUntil);
    if (now > from) this.tokens = Math.min(this.burst, this.tokens + (now - from) / this.budgetIntervalMs);
    this.tokensAt = Math.max(now, this.tokensAt);
  }
};

// src/sandbox/watch.ts
function watchSettings(sandbox) {
  return {
    pollCapMs: sandbox.pollCapSeconds * 1e3,
    queueAllowanceMs: sandbox.queueAllowanceMinutes * 6e4,
    onTimeout: sandbox.onWatchTimeout,
    reconnectMs: sandbox.reconnectSeconds * 1e3
  };
}
function watchTimeoutMs(timeLimit, queueAllowanceMs) {
  if (checkTimeLimit(timeLimit, { allowUnlimited: true }) !== null) return void 0;
  const minutes = timeLimitMinutes(timeLimit);
  return Number.isFinite(minutes) ? minutes * 6e4 + queueAllowanceMs : void 0;
}
var CANCEL_MS = 5e3;
var CANCEL_TOTAL_MS = 8e3;
var DRAIN_MS = 5e3;
async function watchJob(options) {
  const now = options.now ?? Date.now;
  const started = now();
  const jobId = options.jobId;
  const emit = (event) => options.onEvent?.(event);
  const connection = new WatchConnection(options.transport, {
    ...options.reconnect ? { reconnect: options.reconnect } : {},
    reconnectMs: options.reconnectMs ?? 3e5,
    loginShell: options.loginShell ?? true,
    onEvent: (event) => emit({ ...event, jobId }),
    now
  });
  const schedule = new PollSchedule(started, {
    capMs: options.pollCapMs ?? 3e4,
    ...options.random ? { random: options.random } : {}
  });
  const startOffset = options.logOffset ?? 0;
  const oneRun = options.follow === "run";
  const log = new LogStream(connection, options.logPath, options.onOutput, {
    offset: startOffset,
    onProblem: (message) => emit({ kind: "log-problem", jobId, message })
  });
  const maxFailed = options.maxFailedQueries ?? 3;
  const accountingWaitMs = options.accountingWaitMs ?? 6e4;
  const queueAllowanceMs = options.queueAllowanceMs ?? 60 * 6e4;
  let timeoutMs = options.timeoutMs;
  let submitTime = options.submittedAfter;
  let lastQueue;
  let lastRecord;
  let askAccounting = false;
  let leftQueueAt;
  let failedInARow = 0;
  let lastFailure = "";
  let lastAccountingDetail;
  const finish = async (ending, fields, drainMs = DRAIN_MS) => {
    await log.stop();
    await log.drain(drainMs);
    const record = lastRecord;
    const queue = lastQueue;
    const state = fields.state ?? record?.state ?? queue?.state;
    const startTime = record?.startTime ?? queue?.startTime;
    const endTime = record?.endTime;
    const submit = record?.submitTime ?? queue?.submitTime;
    const node = record?.node ?? queue?.node;
    const reason = record?.reason ?? queue?.reason;
    const queued = secondsBetween(submit, startTime);
    const ran = secondsBetween(startTime, endTime);
    return {
      jobId,
      ending,
      succeeded: false,
      ...state ? { state } : {},
      ...record?.exit ? { exitCode: record.exit.code, signal: record.exit.signal } : {},
      ...reason !== void 0 ? { reason } : {},
      ...node !== void 0 ? { node } : {},
      ...submit !== void 0 ? { submitTime: submit } : {},
      ...startTime !== void 0 ? { startTime } : {},
      ...endTime !== void 0 ? { endTime } : {},
      ...queued !== void 0 ? { queuedSeconds: queued } : {},
      ...ran !== void 0 ? { ranSeconds: ran } : {},
      ...fields,
      slurmQueries: connection.slurmQueries,
      reconnects: connection.reconnects,
      bytesStreamed: log.offset - startOffset,
      logOffset: log.offset,
      logPath: options.logPath,
      transport: connection.transport
    };
  };
  const cancelAndFinish = async (ending, why) => {
    emit({ kind: "cancelling", jobId, why });
    const deadline = now() + CANCEL_TOTAL_MS;
    const cancelled = await raceTimeout(
      cancelJob(connection, jobId, { timeoutMs: CANCEL_MS - 500, now }).catch(
        (err) => ({
          jobId,
          confirmed: false,
          alreadyFinished: false,
          message: `could not cancel job ${jobId}: ${err instanceof Error ? err.message : String(err)}`,
          queries: 0
        })
      ),
      CANCEL_MS
    );
    const outcome = cancelled ?? {
      jobId,
      confirmed: false,
      alreadyFinished: false,
      message: `could not cancel job ${jobId} within ${CANCEL_MS / 1e3} s; cancel it with scancel ${jobId}`,
      queries: 0
    };
    emit({ kind: "cancelled", jobId, outcome });
    const drainMs = () => Math.max(500, deadline - now());
    if (deadline - now() > 3e3 && submitTime !== void 0) {
      const answer = await raceTimeout(
        connection.slurm(sacctCommand(jobId, submitTime), 1500).catch(() => void 0),
        1500
      );
      if (answer?.kind === "done") {
        const parsed = parseSacct(jobId, answer.result, submitTime);
        if (parsed.kind === "recorded") lastRecord = parsed.record;
      }
    }
    if (outcome.alreadyFinished && lastRecord && isFinalState(lastRecord.state)) {
      const result = jobResult(lastRecord.state, lastRecord.exit);
      return finish(
        "finished",
        { succeeded: result.succeeded, summary: result.summary, message: result.message },
        drainMs()
      );
    }
    const summary = why === "abort" ? "cancelled" : "watch timed out";
    return finish(
      ending,
      {
        summary: `${summary} (${lastRecord?.state.text ?? outcome.state?.text ?? "CANCELLED"})`,
        message: (why === "abort" ? `the watch was cancelled, so job ${jobId} was cancelled: ` : `the watch timed out after ${formatMs(now() - started)}, so job ${jobId} was cancelled: `) + outcome.message
      },
      drainMs()
    );
  };
  log.start();
  try {
    for (; ; ) {
      const deadline = timeoutMs === void 0 ? Infinity : started + timeoutMs;
      const wakeAt = Math.min(schedule.nextQueryAt(), deadline);
      await sleepUntil(wakeAt, now, options.signal);
      if (options.signal?.aborted) {
        if (!oneRun) return await cancelAndFinish("cancelled", "abort");
        return await finish("left-running", {
          summary: `left running (${lastQueue?.state.text ?? "unknown state"})`,
          message: `stopped following job ${jobId}; it was left as it is (a cron job is never cancelled from here)`
        });
      }
      if (now() >= deadline) {
        const action = oneRun ? "leave" : options.onTimeout ?? "cancel";
        emit({ kind: "timeout", jobId, afterMs: now() - started, action });
        if (action === "cancel") return await cancelAndFinish("timed-out", "timeout");
        const state = lastQueue?.state.text ?? "unknown state";
        return await finish("left-running", {
          summary: `left running (${state})`,
          message: `the watch timed out after ${formatMs(now() - started)}; job ${jobId} was left as it is (${state}): follow it with \`slurm-gitops watch ${jobId}\`, cancel it with \`slurm-gitops cancel ${jobId}\``
        });
      }
      const at = now();
      const command = askAccounting ? sacctCommand(jobId, submitTime, { everyRun: oneRun }) : squeueCommand(jobId);
      const answer = await raceAbort(connection.slurm(command), options.signal);
      if (answer === void 0) continue;
      if (answer.kind === "reconnected") {
        schedule.recordQuery(at, { soon: true });
        continue;
      }
      if (!askAccounting) {
        const queue = parseSqueue(jobId, answer.result);
        if (queue.kind === "error") {
          failedInARow++;
          lastFailure = queue.message;
          emit({
            kind: "query-failed",
            jobId,
            message: queue.message,
            inARow: failedInARow,
            limit: maxFailed
          });
          if (failedInARow >= maxFailed) return await giveUp();
          schedule.recordQuery(at, { soon: true });
          continue;
        }
        failedInARow = 0;
        if (queue.kind === "listed") {
          const entry = queue.entry;
          const changed = !lastQueue || lastQueue.state.text !== entry.state.text || lastQueue.reason !== entry.reason;
          if (changed) {
            emit({
              kind: "state",
              jobId,
              state: entry.state,
              reason: entry.reason,
              ...entry.node ? { node: entry.node } : {},
              ...lastQueue ? { previous: lastQueue.state } : {}
            });
          }
          lastQueue = entry;
          submitTime ??= entry.submitTime;
          if (timeoutMs === void 0) {
            const derived = watchTimeoutMs(entry.timeLimit, queueAllowanceMs);
            if (derived !== void 0) timeoutMs = derived;
          }
          if (isFinalState(entry.state) || oneRun && entry.state.name === "PENDING") {
            askAccounting = true;
            leftQueueAt = at;
          }
          schedule.recordQuery(at, { changed, soon: askAccounting });
          continue;
        }
        askAccounting = true;
        leftQueueAt ??= at;
        schedule.recordQuery(at, { changed: lastQueue !== void 0, soon: true });
        continue;
      }
      const accounting = parseSacct(jobId, answer.result, submitTime, oneRun ? "first" : "latest");
      if (accounting.kind === "error") {
        failedInARow++;
        lastFailure = accounting.message;
        emit({
          kind: "query-failed",
          jobId,
          message: accounting.message,
          inARow: failedInARow,
          limit: maxFailed
        });
        if (failedInARow >= maxFailed) return await giveUp();
        schedule.recordQuery(at, { soon: true });
        continue;
      }
      failedInARow = 0;
      if (accounting.kind === "recorded") {
        lastRecord = accounting.record;
        submitTime ??= accounting.record.submitTime;
        const { state, exit, endTime } = accounting.record;
        if (isFinalState(state) || oneRun && state.name === "REQUEUED" && endTime !== void 0) {
          schedule.recordQuery(at, { changed: true });
          const result = oneRun ? cronRunResult(state, exit) : jobResult(state, exit);
          return await finish("finished", {
            succeeded: result.succeeded,
            summary: result.summary,
            message: result.message
          });
        }
      }
      if (lastQueue === void 0 && accounting.kind === "unrecorded" && at - started < accountingWaitMs) {
        askAccounting = false;
        leftQueueAt = void 0;
      }
      if (at - (leftQueueAt ?? at) > accountingWaitMs || lastQueue === void 0 && at - started >= accountingWaitMs) {
        const known = lastQueue !== void 0 || accounting.kind === "recorded";
        return await finish("unknown", {
          summary: known ? "no final record" : "unknown job",
          message: known ? `job ${jobId} left the queue, but after ${formatMs(accountingWaitMs)} sacct still shows ${accounting.kind === "recorded" ? accounting.record.state.text : "no record"} for it; check with sacct -j ${jobId}` : `job ${jobId} is unknown to squeue and to sacct${submitTime ? ` since ${submitTime}` : ""}: was it submitted on this cluster?`
        });
      }
      const detail = accounting.kind === "recorded" ? accounting.record.state.text : "no record yet";
      if (lastQueue !== void 0 && detail !== lastAccountingDetail) {
        emit({ kind: "accounting-pending", jobId, detail });
      }
      lastAccountingDetail = detail;
      schedule.recordQuery(at, { soon: true });
    }
  } catch (err) {
    if (!(err instanceof ConnectionLostError)) throw err;
    return await finish("connection-lost", {
      summary: "connection lost",
      message: `${err.message}; job ${jobId} was left as it is: follow it with \`slurm-gitops watch ${jobId}\``
    });
  } finally {
    await log.stop();
  }
  async function giveUp() {
    return finish("unknown", {
      summary: "Slurm queries failed",
      message: `${failedInARow} Slurm queries in a row failed (last: ${lastFailure}); job ${jobId} was left as it is: follow it with \`slurm-gitops watch ${jobId}\``
    });
  }
}
async function sleepUntil(at, now, signal) {
  const ms = at - now();
  if (ms <= 0 || signal?.aborted) return;
  await new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
async function raceAbort(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return void 0;
  let onAbort;
  const aborted = new Promise((resolve) => {
    onAbort = () => resolve(void 0);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
async function raceTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(void 0), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
function formatMs(ms) {
  const s = Math.round(ms / 1e3);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

// src/operations/job.ts
async function openCluster(request, warn) {
  const start = await startRun(request.repo, { tree: true }, request.connection, { warn });
  const { config } = start;
  const connection = await start.connection();
  const { transport } = await connection.afterChecks(async () => void 0);
  const user = request.connection.local ? config.cluster.user : clusterUser(config.cluster, request.connection);
  const connect = () => connection.connect();
  return { config, connect, transport, who: { project: config.project.name, user } };
}
async function watch(request, io) {
  const { config, connect, transport, who } = await openCluster(request, io.warn);
  let current = transport;
  try {
    const { job } = await requireSandboxJob(new WatchConnection(transport), request.jobId, who, "job id");
    if (!job.logPath) {
      throw new UserError({
        where: "job id",
        message: `job ${request.jobId} has ended and the controller no longer knows its output file (${job.state.text})`
      });
    }
    const outcome = await followJob(
      config,
      { transport, connect },
      { ...job, submittedAfter: job.submitTime, logPath: job.logPath },
      io
    );
    current = outcome.transport;
    return outcome;
  } finally {
    await current.close();
  }
}
function followJob(config, connection, job, io) {
  return watchJob({
    transport: connection.transport,
    reconnect: connection.connect,
    jobId: job.jobId,
    submittedAfter: job.submittedAfter,
    logPath: job.logPath,
    logOffset: job.logOffset,
    follow: job.follow,
    onOutput: io.onOutput,
    onEvent: io.onEvent,
    signal: io.signal,
    loginShell: config.cluster.loginShell,
    ...watchSettings(config.sandbox)
  });
}
async function cancel(request, io) {
  const { transport, who } = await openCluster(request, io.warn);
  try {
    const connection = new WatchConnection(transport);
    await requireSandboxJob(connection, request.jobId, who, "job id");
    return await cancelJob(connection, request.jobId);
  } finally {
    await transport.close();
  }
}

// src/sandbox/watch-events.ts
function formatWatchEvent(event) {
  const job = `job ${event.jobId}`;
  switch (event.kind) {
    case "state": {
      const reason = event.reason && event.reason !== "None" ? ` (${event.reason})` : "";
      const node = event.state.name === "RUNNING" && event.node ? ` on ${event.node}` : "";
      return { level: "info", text: `${job} ${event.state.text}${reason}${node}` };
    }
    case "query-failed":
      return {
        level: "warning",
        text: `a Slurm query about ${job} failed (${event.inARow} of ${event.limit} in a row allowed): ${event.message}`
      };
    case "accounting-pending":
      return {
        level: "info",
        text: `${job} left the queue; waiting for its accounting record (${event.detail})`
      };
    case "timeout":
      return {
        level: "warning",
        text: `watch of ${job} timed out after ${formatDuration(event.afterMs / 1e3)}; ${event.action === "cancel" ? "cancelling it" : "leaving it running"}`
      };
    case "cancelling":
      return { level: "info", text: `cancelling ${job} (scancel ${event.jobId})` };
    case "cancelled":
      return { level: event.outcome.confirmed ? "info" : "warning", text: event.outcome.message };
    case "log-problem":
      return { level: "warning", text: event.message };
    case "connection-lost":
      return {
        level: "warning",
        text: `connection lost while watching ${job}: ${event.reason}; reconnecting`
      };
    case "reconnect-failed":
      return {
        level: "info",
        text: `reconnect attempt ${event.attempt} failed (${event.reason}); next in ${formatDuration(event.nextInMs / 1e3)}`
      };
    case "reconnected":
      return {
        level: "warning",
        text: `reconnected to ${event.transport} after ${formatDuration(event.downMs / 1e3)}; ${job} was not affected, its log continues where it stopped`
      };
  }
}
function formatWatchOutcome(outcome) {
  const parts = [`job ${outcome.jobId}: ${outcome.message}`];
  const times = [];
  if (outcome.queuedSeconds !== void 0) times.push(`queued for ${formatDuration(outcome.queuedSeconds)}`);
  if (outcome.ranSeconds !== void 0) times.push(`ran for ${formatDuration(outcome.ranSeconds)}`);
  if (outcome.node) times.push(`on ${outcome.node}`);
  if (times.length > 0) parts.push(`(${times.join(", ")})`);
  return parts.join(" ");
}

export {
  WatchConnection,
  LogStream,
  watch,
  followJob,
  cancel,
  formatWatchEvent,
  formatWatchOutcome
};
