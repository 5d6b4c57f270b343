import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  clusterTimeZone,
  formatClusterTime,
  formatRelative,
  previousFireTimes,
  readCronSchedule,
  status
} from "./chunk-4U53DJDP.js";
import {
  failureMessage,
  succeeded
} from "./chunk-K6PC2DI3.js";
import {
  formatDuration,
  isActiveState,
  jobResult,
  parseExitCode,
  parseJobState
} from "./chunk-YBEORZJU.js";
import {
  git,
  resolveCommit
} from "./chunk-GITBT6ZC.js";
import {
  createTwoFilesPatch
} from "./chunk-IID3PM2W.js";

// src/repo/branch-position.ts
async function branchPosition(dir, branch, deployed) {
  let tip;
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    tip ??= await resolveCommit(dir, ref);
  }
  if (!tip) {
    return {
      tip: void 0,
      why: `branch ${branch} is not in the repository at ${dir} (neither refs/heads/${branch} nor refs/remotes/origin/${branch}; actions/checkout: fetch-depth: 0 fetches every branch)`
    };
  }
  if (!deployed || deployed === tip) return deployed ? { tip, distance: { behind: 0, ahead: 0 } } : { tip };
  const shallow = await git(dir, ["rev-parse", "--is-shallow-repository"]);
  if (shallow.stdout.trim() !== "false") return { tip };
  const count = await git(dir, ["rev-list", "--left-right", "--count", `${tip}...${deployed}`]);
  const match = /^(\d+)\s+(\d+)$/.exec(count.stdout.trim());
  if (count.code !== 0 || !match) return { tip };
  return { tip, distance: { behind: Number(match[1]), ahead: Number(match[2]) } };
}

// src/status/facts.ts
function statusFacts(results) {
  const value = (key) => results[key];
  const decoded = (key) => {
    const text = value(key);
    return text === void 0 ? void 0 : Buffer.from(text, "base64").toString("utf8");
  };
  const none = (text) => text === void 0 || text === "-" ? "" : text;
  const current = value("current");
  const files = value("release-files");
  const links = value("stable-links");
  const clock = Number(value("clock"));
  return {
    sha: none(value("sha")),
    current: current === "complete" || current === "incomplete" || current === "missing" ? current : void 0,
    release: value("release") ?? "",
    liveSinceMs: epochMs(value("live-since")),
    releaseBlock: decoded("release-block"),
    tableBlock: decoded("scrontab-block"),
    tableError: value("scrontab-error"),
    goingLive: value("golive") === void 0 ? void 0 : none(value("golive")),
    repaired: value("repaired") ?? "",
    releaseFiles: files === "verified" || files === "changed" || files === "unverifiable" ? files : void 0,
    changedFiles: parseChangedFiles(value("changed-files") ?? ""),
    staleLinks: links === void 0 ? void 0 : links === "ok" ? [] : links.split(/\s+/).filter(Boolean),
    clockMs: value("clock") !== void 0 && Number.isFinite(clock) ? clock * 1e3 : void 0,
    timeZone: clusterTimeZone(value("time-zone") ?? "", value("utc-offset") ?? ""),
    queue: rows(decoded("queue"), queuedJob),
    queueError: value("queue-error"),
    runs: rows(decoded("runs"), runRecord),
    runsError: value("runs-error")
  };
}
function parseChangedFiles(text) {
  return text.split(/\s+/).map((token) => /^(modified|missing|added):(.+)$/.exec(token)).filter((match) => match !== null).map((match) => ({ change: match[1], path: match[2] }));
}
function rows(text, read) {
  if (text === void 0) return void 0;
  return text.split("\n").filter((line) => line.trim() !== "").map((line) => read(line.split("|")));
}
function queuedJob([jobId = "", name = "", state = "", start, submit, reason = ""]) {
  return { jobId, name, state, startMs: epochMs(start), submitMs: epochMs(submit), reason };
}
function runRecord([
  jobId = "",
  name = "",
  state = "",
  exitCode = "",
  submit,
  start,
  end,
  elapsed,
  limit,
  nodes = ""
]) {
  return {
    jobId,
    name,
    state,
    exitCode,
    submitMs: epochMs(submit),
    startMs: epochMs(start),
    endMs: epochMs(end),
    elapsedSeconds: durationSeconds(elapsed),
    timeLimitSeconds: durationSeconds(limit),
    nodes
  };
}
function epochMs(text) {
  return text !== void 0 && /^\d+$/.test(text.trim()) ? Number(text.trim()) * 1e3 : void 0;
}
function durationSeconds(text) {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)(?:\.\d+)?$/.exec(text?.trim() ?? "");
  if (!match) return void 0;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

// src/status/job-runs.ts
function runOutcome(record) {
  if (record.startMs === void 0 || record.nodes === NEVER_RAN) return { kind: "not-a-run" };
  const state = parseJobState(record.state);
  const exit = parseExitCode(record.exitCode);
  if (state.name === "REQUEUED") {
    const ok = exit && exit.code === 0 && exit.signal === 0;
    const limited = exit !== void 0 && exit.signal !== 0 && record.timeLimitSeconds !== void 0 && (record.elapsedSeconds ?? 0) >= record.timeLimitSeconds;
    return outcomeOf(ok ? completed : limited ? timedOut : failed, limited ? void 0 : exit);
  }
  if (isActiveState(state)) return { kind: "running" };
  return outcomeOf(state, exit);
}
var NEVER_RAN = "None assigned";
var completed = { name: "COMPLETED", text: "COMPLETED" };
var failed = { name: "FAILED", text: "FAILED" };
var timedOut = { name: "TIMEOUT", text: "TIMEOUT" };
function outcomeOf(state, exit) {
  const result = jobResult(state, exit);
  return result.succeeded ? { kind: "succeeded", summary: result.summary } : { kind: "failed", summary: result.summary, message: result.message };
}

// src/status/scrontab-entries.ts
var DISABLED_PREFIX = "#DISABLED: ";
function scrontabEntries(block) {
  const entries = [];
  let options = [];
  for (const raw of block.split("\n")) {
    const disabled = raw.startsWith(DISABLED_PREFIX);
    const line = (disabled ? raw.slice(DISABLED_PREFIX.length) : raw).trim();
    if (line.startsWith("#SCRON")) {
      options.push(...line.slice("#SCRON".length).trim().split(/\s+/).filter(Boolean));
      continue;
    }
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(/\s+/);
    const width = line.startsWith("@") ? 1 : 5;
    entries.push({
      schedule: fields.slice(0, width).join(" "),
      command: fields.slice(width).join(" "),
      jobName: jobNameOf(options),
      disabled
    });
    options = [];
  }
  return entries;
}
function enabledBlock(block) {
  return block.split("\n").map((line) => line.startsWith(DISABLED_PREFIX) ? line.slice(DISABLED_PREFIX.length) : line).join("\n");
}
function jobNameOf(options) {
  let name = "";
  for (const [i, option] of options.entries()) {
    if (option.startsWith("--job-name=")) name = option.slice("--job-name=".length);
    else if (option === "-J" || option === "--job-name") name = options[i + 1] ?? "";
    else if (option.startsWith("-J")) name = option.slice(2);
  }
  return name;
}

// src/status/health.ts
function decideHealth(input) {
  const { facts } = input;
  const reasons = [];
  const notes = [];
  if (facts.current !== "complete" || facts.releaseBlock === void 0) {
    const message = facts.current === void 0 ? "the status step did not report what is deployed" : "nothing complete is deployed, so no scheduled job runs";
    return { status: "Unknown", reasons: [{ code: "not-deployed", message }], notes, jobs: [] };
  }
  if (facts.queue === void 0)
    reasons.push({
      code: "queue-unreadable",
      message: `Slurm's queue could not be read (squeue): ${facts.queueError ?? "not reported"}`
    });
  if (facts.runs === void 0)
    reasons.push({
      code: "runs-unreadable",
      message: `Slurm's accounting could not be read (sacct): ${facts.runsError ?? "not reported"}`
    });
  const entries = scrontabEntries(facts.releaseBlock);
  if (entries.length === 0) notes.push({ code: "no-jobs", message: "the live release schedules no jobs" });
  const jobs = entries.map((entry) => jobHealth(entry, input));
  for (const job of jobs) reasons.push(...job.reasons.map((r) => ({ ...r, job: job.name })));
  const worst = jobs.map((j) => j.health);
  const status2 = worst.includes("Degraded") ? "Degraded" : worst.includes("Unknown") || reasons.length > 0 ? "Unknown" : "Healthy";
  return { status: status2, reasons, notes, jobs };
}
function jobHealth(entry, input) {
  const { facts } = input;
  const now = facts.clockMs ?? input.nowMs;
  const zone = facts.timeZone;
  const at = (ms) => `${formatClusterTime(zone, ms)} (${formatRelative(ms, now)})`;
  const name = /\/jobs\/([^/\s]+)\.sh$/.exec(entry.command)?.[1] ?? entry.jobName;
  const records = (facts.runs ?? []).filter((r) => r.name === entry.jobName);
  const runs = records.map((record) => ({ record, outcome: runOutcome(record) })).filter((run) => run.outcome.kind !== "not-a-run").sort((a, b) => b.record.startMs - a.record.startMs);
  const queue = (facts.queue ?? []).filter((q) => q.name === entry.jobName);
  const queued = queue.find((q) => q.state === "PENDING") ?? queue[0];
  const job = {
    name,
    jobName: entry.jobName,
    schedule: entry.schedule,
    enabled: !entry.disabled,
    health: "Healthy",
    reasons: [],
    lastRuns: runs.slice(0, input.runsShown ?? 5).map(({ record, outcome }) => runView(record, outcome)),
    ...queued ? { queued } : {}
  };
  if (entry.disabled) return job;
  const degraded = (code, message) => job.reasons.push({ code, message });
  const unknown = [];
  if (!entry.jobName)
    unknown.push({ code: "no-job-name", message: "its entry names no --job-name: its runs cannot be found" });
  const lastFinished = runs.find((run) => run.outcome.kind !== "running");
  if (lastFinished?.outcome.kind === "failed") {
    const { record, outcome } = lastFinished;
    const before = facts.liveSinceMs !== void 0 && record.startMs < facts.liveSinceMs ? ", before the live release went live" : "";
    degraded(
      "last-run-failed",
      `its last run (job ${record.jobId}, started ${at(record.startMs)}${before}) failed: ${outcome.message}`
    );
  }
  if (facts.queue !== void 0 && queue.length === 0)
    degraded(
      "not-queued",
      `Slurm has no cron job ${entry.jobName} queued, so it will not run (its entry is #DISABLED or gone from the scrontab; the next deploy installs it again)`
    );
  const schedule = readCronSchedule(entry.schedule);
  if (!schedule)
    unknown.push({ code: "schedule-unreadable", message: `its schedule "${entry.schedule}" cannot be read` });
  else if (facts.runs !== void 0) {
    const [last, before] = previousFireTimes(schedule, zone, now, 2);
    const latestStart = runs[0]?.record.startMs;
    const since = Math.max(
      latestStart ?? -Infinity,
      queued?.submitMs ?? -Infinity,
      facts.liveSinceMs ?? -Infinity
    );
    const windowStart = now - input.lookbackSeconds * 1e3;
    if (last !== void 0 && before !== void 0 && since < before) {
      if (latestStart === void 0 && windowStart > before)
        unknown.push({
          code: "runs-out-of-reach",
          message: `no run in the last ${Math.round(input.lookbackSeconds / 86400)} days that sacct was asked about, and its schedule reaches further back`
        });
      else {
        const waiting = queued && queued.reason && queued.reason !== "BeginTime" ? `; its cron job is ${queued.state.toLowerCase()} (${queued.reason})` : "";
        degraded(
          "missed",
          `no run started since ${at(before)}: its last two scheduled times passed without one (the last was ${at(last)})${latestStart === void 0 ? "" : `; the latest run started ${at(latestStart)}`}${waiting}`
        );
      }
    }
  }
  job.reasons.push(...unknown);
  job.health = job.reasons.length === unknown.length ? unknown.length > 0 ? "Unknown" : "Healthy" : "Degraded";
  return job;
}
function runView(record, outcome) {
  const summary = outcome.kind === "running" ? "RUNNING" : outcome.kind === "not-a-run" ? record.state : outcome.summary;
  return {
    jobId: record.jobId,
    state: record.state,
    exitCode: record.exitCode,
    outcome: outcome.kind,
    summary,
    ...record.startMs !== void 0 ? { startMs: record.startMs } : {},
    ...record.endMs !== void 0 ? { endMs: record.endMs } : {},
    ...record.elapsedSeconds !== void 0 ? { elapsedSeconds: record.elapsedSeconds } : {}
  };
}

// src/status/sync.ts
var short = (sha) => sha.slice(0, 12);
function decideSync({ branch, facts, position }) {
  const outOfSync = [];
  const unknown = [];
  const notes = [];
  const out = (code, message) => outOfSync.push({ code, message });
  if (facts.repaired) notes.push({ code: "repaired", message: `status repaired first: ${facts.repaired}` });
  if (facts.goingLive === void 0) unknown.push(unreported("golive"));
  else if (facts.goingLive)
    out("going-live", `a go-live is unfinished: ${facts.goingLive}; look again when that run has ended`);
  if (facts.current === void 0) unknown.push(unreported("current"));
  else if (facts.current === "missing")
    out(
      "not-deployed",
      `nothing is deployed: the deployment has no \`current\` (deploy ${branch} to create it)`
    );
  else if (facts.current === "incomplete")
    out(
      "current-incomplete",
      `\`current\` points at ${facts.release || "something"}, which is not a complete release (made by hand, or a release was removed); deploy or roll back to repair it`
    );
  const commit = commitReason(branch, facts.sha, position);
  if (commit?.code === "tip-unknown") unknown.push(commit);
  else if (commit) outOfSync.push(commit);
  if (facts.current === "complete") {
    outOfSync.push(...scheduleReasons(facts, unknown));
    outOfSync.push(...fileReasons(facts, unknown, notes));
  }
  const status2 = outOfSync.length > 0 ? "OutOfSync" : unknown.length > 0 ? "Unknown" : "Synced";
  return { status: status2, reasons: [...outOfSync, ...unknown], notes };
}
function unreported(key) {
  return {
    code: "not-reported",
    message: `the status step did not report ${key} (an overridden steps/status.sh must keep its result keys)`
  };
}
function commitReason(branch, sha, position) {
  if (!sha) return void 0;
  if (position.tip === void 0)
    return { code: "tip-unknown", message: `cannot tell whether ${short(sha)} is the tip: ${position.why}` };
  if (sha === position.tip) return void 0;
  const deployed = `the deployed commit ${short(sha)} is not the tip of ${branch} (${short(position.tip)})`;
  const distance = position.distance;
  if (!distance)
    return {
      code: "behind",
      message: `${deployed}; how many commits behind is unknown: ${short(sha)} is not in the local repository, or its history is shallow (actions/checkout: fetch-depth: 0)`
    };
  const commits = (n) => `${n} commit${n === 1 ? "" : "s"}`;
  const be = (n) => n === 1 ? "is" : "are";
  if (distance.ahead === 0)
    return { code: "behind", message: `${deployed}: ${commits(distance.behind)} behind` };
  if (distance.behind === 0)
    return {
      code: "ahead",
      message: `${deployed}: ${commits(distance.ahead)} ahead of it (a commit the local ${branch} does not have yet: fetch it; or a commit of another branch was deployed)`
    };
  return {
    code: "diverged",
    message: `${deployed}, nor on it: ${commits(distance.behind)} of ${branch} ${be(distance.behind)} not deployed, and ${commits(distance.ahead)} deployed ${be(distance.ahead)} not on ${branch} (its history was rewritten, or another branch was deployed)`
  };
}
function scheduleReasons(facts, unknown) {
  if (facts.tableError !== void 0) {
    unknown.push({
      code: "scrontab-unreadable",
      message: `the scrontab table could not be read: ${facts.tableError}`
    });
    return [];
  }
  if (facts.tableBlock === void 0 || facts.releaseBlock === void 0) {
    unknown.push(unreported(facts.tableBlock === void 0 ? "scrontab-block" : "release-block"));
    return [];
  }
  const table = withFinalNewline(facts.tableBlock);
  const release = withFinalNewline(facts.releaseBlock);
  if (table === release) return [];
  if (table.trim() === "")
    return [
      {
        code: "block-missing",
        message: "the scrontab has no block of this deployment: it was removed, or the table was replaced (by hand or by another tool); the jobs are not scheduled until the next deploy installs it"
      }
    ];
  const reasons = [];
  const releaseDisabled = new Set(
    scrontabEntries(release).filter((e) => e.disabled).map((e) => e.jobName)
  );
  for (const entry of scrontabEntries(table)) {
    if (!entry.disabled || releaseDisabled.has(entry.jobName)) continue;
    reasons.push({
      code: "entry-disabled",
      message: `the entry of ${entry.jobName || entry.command} is #DISABLED in the scrontab (Slurm comments an entry out when its cron job is cancelled with scancel), so it does not run; the next deploy re-enables it`
    });
  }
  if (enabledBlock(table) !== enabledBlock(release))
    reasons.push({
      code: "block-differs",
      message: `the scrontab block differs from the live release's (edited by hand?); the next deploy puts the release's back:
${blockDiff(release, table)}`
    });
  return reasons;
}
function fileReasons(facts, unknown, notes) {
  const reasons = [];
  if (facts.releaseFiles === void 0) unknown.push(unreported("release-files"));
  else if (facts.releaseFiles === "unverifiable")
    notes.push({
      code: "files-unverifiable",
      message: "the live release was made before slurm-gitops recorded checksums: whether its env and job scripts were changed is unknown (a release made by the next deploy has them)"
    });
  else if (facts.releaseFiles === "changed") {
    const list = facts.changedFiles.map((f) => `${f.path} (${f.change})`).join(", ");
    reasons.push({
      code: "files-changed",
      message: `files of the live release ${facts.release} were changed after the deploy: ${list || "see the status log"}; a release is never modified, so someone edited it by hand`
    });
  }
  if (facts.staleLinks === void 0) unknown.push(unreported("stable-links"));
  else if (facts.staleLinks.length > 0)
    reasons.push({
      code: "links-changed",
      message: `${facts.staleLinks.join(", ")} in the deployment's root no longer point into current (replaced by hand?): users and jobs do not get the live release's files there`
    });
  return reasons;
}
function withFinalNewline(text) {
  return text === "" || text.endsWith("\n") ? text : `${text}
`;
}
function blockDiff(release, table) {
  const patch = createTwoFilesPatch("live release", "scrontab table", release, table, "", "", { context: 1 });
  const lines = patch.split("\n");
  return lines.slice(lines.findIndex((line) => line.startsWith("--- "))).join("\n").trimEnd();
}

// src/status/deployment-status.ts
function deploymentStatus(run, position, nowMs = Date.now()) {
  const facts = statusFacts(run.report.results);
  const ok = succeeded(run.report);
  const lookbackSeconds = Number(run.params.lookbackSeconds) || 0;
  const common = {
    branch: run.branch,
    environment: run.plan.environment,
    root: run.plan.root,
    deployed: {
      sha: facts.sha,
      release: facts.release,
      ...facts.liveSinceMs !== void 0 ? { liveSinceMs: facts.liveSinceMs } : {},
      ...position.tip !== void 0 ? { tip: position.tip } : {},
      ...position.tip !== void 0 && position.distance ? { distance: position.distance } : {}
    },
    clock: { nowMs: facts.clockMs ?? nowMs, zone: facts.timeZone },
    warnings: run.report.warnings
  };
  if (!ok) {
    const error = failureMessage(run.report);
    const reason = { code: "status-failed", message: `the status run failed: ${error}` };
    return {
      ...common,
      ok,
      error,
      sync: { status: "Unknown", reasons: [reason], notes: [] },
      health: { status: "Unknown", reasons: [reason], notes: [], jobs: [] }
    };
  }
  return {
    ...common,
    ok,
    sync: decideSync({ branch: run.branch, facts, position }),
    health: decideHealth({ facts, lookbackSeconds, nowMs })
  };
}

// src/operations/status.ts
async function deploymentStatuses(request, io) {
  const outcomes = await status(request, io);
  return Promise.all(
    outcomes.map(async (outcome) => {
      if (outcome.kind !== "ran") throw new Error(`no deployment for ${outcome.branch}`);
      const deployed = statusFacts(outcome.report.results).sha;
      return deploymentStatus(outcome, await branchPosition(request.repo.dir, outcome.branch, deployed));
    })
  );
}

// src/status/status-json.ts
var STATUS_JSON_VERSION = 1;
var SYNC_ORDER = ["OutOfSync", "Unknown", "Synced"];
var HEALTH_ORDER = ["Degraded", "Unknown", "Healthy"];
function overall(statuses) {
  const worst = (order, values) => order.find((status2) => values.includes(status2)) ?? order[order.length - 1];
  return {
    sync: worst(
      SYNC_ORDER,
      statuses.map((s) => s.sync.status)
    ),
    health: worst(
      HEALTH_ORDER,
      statuses.map((s) => s.health.status)
    )
  };
}
function statusJson(statuses) {
  return {
    version: STATUS_JSON_VERSION,
    command: "status",
    ok: statuses.every((s) => s.ok),
    ...overall(statuses),
    deployments: statuses.map(deploymentJson)
  };
}
function deploymentJson(status2) {
  const time = (ms) => timeJson(ms, status2.clock.zone, status2.clock.nowMs);
  return {
    branch: status2.branch,
    environment: status2.environment,
    root: status2.root,
    ok: status2.ok,
    error: status2.error ?? null,
    deployed: {
      sha: status2.deployed.sha || null,
      release: status2.deployed.release || null,
      liveSince: time(status2.deployed.liveSinceMs),
      branchTip: status2.deployed.tip ?? null,
      commitsBehind: status2.deployed.distance?.behind ?? null,
      commitsAhead: status2.deployed.distance?.ahead ?? null
    },
    sync: verdictJson(status2.sync),
    health: verdictJson(status2.health),
    jobs: status2.health.jobs.map((job) => jobJson(job, time)),
    clusterTime: { now: new Date(status2.clock.nowMs).toISOString(), timeZone: status2.clock.zone.name },
    warnings: status2.warnings
  };
}
function verdictJson(verdict) {
  return {
    status: verdict.status,
    reasons: verdict.reasons.map(reasonJson),
    notes: verdict.notes.map(reasonJson)
  };
}
function reasonJson(reason) {
  return { code: reason.code, message: reason.message, job: reason.job ?? null };
}
function jobJson(job, time) {
  const queued = job.queued;
  return {
    name: job.name,
    jobName: job.jobName,
    schedule: job.schedule,
    enabled: job.enabled,
    health: job.enabled ? job.health : null,
    reasons: job.reasons.map(reasonJson),
    lastRuns: job.lastRuns.map((run) => runJson(run, time)),
    queued: queued ? {
      jobId: queued.jobId,
      state: queued.state,
      reason: queued.reason || null,
      start: time(queued.startMs)
    } : null
  };
}
function runJson(run, time) {
  return {
    jobId: run.jobId,
    state: run.state,
    exitCode: run.exitCode,
    outcome: run.outcome,
    summary: run.summary,
    start: time(run.startMs),
    end: time(run.endMs),
    elapsedSeconds: run.elapsedSeconds ?? null
  };
}
function timeJson(ms, zone, nowMs) {
  if (ms === void 0) return null;
  return {
    utc: new Date(ms).toISOString(),
    local: formatClusterTime(zone, ms),
    relative: formatRelative(ms, nowMs)
  };
}

// src/report/status-text.ts
var short2 = (sha) => sha.slice(0, 12);
function renderStatusText(statuses) {
  return statuses.map(deploymentText).join("\n\n");
}
function deploymentText(status2) {
  const lines = [`${status2.branch} \u2192 ${status2.environment}: ${status2.sync.status}, ${status2.health.status}`];
  lines.push(`  deployed: ${deployedText(status2)}`);
  if (status2.error) lines.push(`  the status run failed: ${indent(status2.error, "    ")}`);
  lines.push(`  sync: ${status2.sync.status}`, ...reasonLines(status2.sync.reasons));
  const deploymentReasons = status2.health.reasons.filter((r) => r.job === void 0);
  lines.push(`  health: ${status2.health.status}`, ...reasonLines(deploymentReasons));
  if (status2.health.jobs.length > 0) {
    lines.push(`  jobs (times in ${status2.clock.zone.name}):`);
    for (const job of status2.health.jobs) lines.push(...jobLines(job, status2));
  }
  const notes = [...status2.sync.notes, ...status2.health.notes];
  if (notes.length > 0) lines.push("  notes:", ...reasonLines(notes));
  return lines.join("\n");
}
function deployedText(status2) {
  const { sha, tip, distance, release } = status2.deployed;
  if (!sha) return "nothing";
  const against = !tip ? "" : sha === tip ? `, the tip of ${status2.branch}` : distance ? `, ${distanceText(distance)} ${status2.branch} (${short2(tip)})` : `, not the tip of ${status2.branch} (${short2(tip)}; how far is unknown)`;
  return `${short2(sha)}${against}${release ? `, release ${release}` : ""}`;
}
function distanceText({ behind, ahead }) {
  if (ahead === 0) return `${behind} commit${behind === 1 ? "" : "s"} behind`;
  if (behind === 0) return `${ahead} commit${ahead === 1 ? "" : "s"} ahead of`;
  return `${behind} behind, ${ahead} ahead of`;
}
function jobLines(job, status2) {
  const { zone, nowMs } = status2.clock;
  const at = (ms) => `${formatClusterTime(zone, ms)} (${formatRelative(ms, nowMs)})`;
  const lines = [`    ${job.name}  ${job.schedule}  ${job.enabled ? job.health : "disabled in the config"}`];
  lines.push(...reasonLines(job.reasons, "      - "));
  const queued = job.queued;
  if (queued?.state === "RUNNING" && queued.startMs !== void 0)
    lines.push(`      running now: job ${queued.jobId}, since ${at(queued.startMs)}`);
  else if (queued)
    lines.push(
      `      next start: ${queued.startMs !== void 0 ? at(queued.startMs) : "not known yet"}, job ${queued.jobId} ${queued.state}${queued.reason ? ` (${queued.reason})` : ""}`
    );
  else if (job.enabled) lines.push("      next start: none (not queued)");
  if (job.lastRuns.length === 0) lines.push("      last runs: none in the records read");
  else {
    lines.push("      last runs:");
    for (const run of job.lastRuns) {
      const took = run.elapsedSeconds !== void 0 ? `, ${formatDuration(run.elapsedSeconds)}` : "";
      lines.push(
        `        ${run.jobId}  ${run.summary}  ${run.startMs !== void 0 ? at(run.startMs) : ""}${took}`
      );
    }
  }
  return lines;
}
function reasonLines(reasons, bullet = "    - ") {
  return reasons.map(
    (r) => `${bullet}${r.job ? `${r.job}: ` : ""}${indent(r.message, " ".repeat(bullet.length))}`
  );
}
function indent(text, by) {
  return text.replace(/\n/g, `
${by}`);
}

export {
  deploymentStatuses,
  overall,
  statusJson,
  renderStatusText,
  distanceText
};
