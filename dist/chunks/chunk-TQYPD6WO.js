import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  status
} from "./chunk-ALHZLHVO.js";
import {
  formatDuration
} from "./chunk-VBNEW65A.js";
import {
  git,
  resolveCommit
} from "./chunk-NFCLPTYC.js";
import {
  statusFacts
} from "./chunk-LU4L74VK.js";
import {
  formatClusterTime,
  formatRelative
} from "./chunk-LELRMFSV.js";

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

// src/operations/status.ts
async function deploymentStatuses(request, io) {
  const outcomes = await status(request, io);
  const { deploymentStatus } = await import("./deployment-status-LF4W4UEZ.js");
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
var short = (sha) => sha.slice(0, 12);
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
  const against = !tip ? "" : sha === tip ? `, the tip of ${status2.branch}` : distance ? `, ${distanceText(distance)} ${status2.branch} (${short(tip)})` : `, not the tip of ${status2.branch} (${short(tip)}; how far is unknown)`;
  return `${short(sha)}${against}${release ? `, release ${release}` : ""}`;
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
