import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  statusFacts
} from "./chunk-LU4L74VK.js";
import {
  formatClusterTime,
  formatRelative,
  previousFireTimes,
  readCronSchedule
} from "./chunk-LELRMFSV.js";
import {
  isActiveState,
  jobResult,
  parseExitCode,
  parseJobState
} from "./chunk-3MBQ7RCC.js";
import {
  failureMessage,
  succeeded
} from "./chunk-TJ2K4MN2.js";
import {
  createTwoFilesPatch
} from "./chunk-IID3PM2W.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-M7CMLPS4.js";

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
  const status = worst.includes("Degraded") ? "Degraded" : worst.includes("Unknown") || reasons.length > 0 ? "Unknown" : "Healthy";
  return { status, reasons, notes, jobs };
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
  const status = outOfSync.length > 0 ? "OutOfSync" : unknown.length > 0 ? "Unknown" : "Synced";
  return { status, reasons: [...outOfSync, ...unknown], notes };
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
export {
  deploymentStatus
};
