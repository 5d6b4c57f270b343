import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  deploymentStatuses,
  distanceText,
  overall,
  statusJson
} from "./chunk-TQYPD6WO.js";
import "./chunk-ALHZLHVO.js";
import {
  formatDuration
} from "./chunk-VBNEW65A.js";
import {
  ActionLogSink
} from "./chunk-E7S7NINE.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-LU4L74VK.js";
import {
  formatClusterTime,
  formatRelative
} from "./chunk-LELRMFSV.js";
import "./chunk-TJ2K4MN2.js";
import "./chunk-SWQI6JLJ.js";
import {
  info,
  setFailed,
  setOutput,
  summary
} from "./chunk-NKJGWXBT.js";
import {
  escapeText,
  fenced
} from "./chunk-FAPM7Q7Q.js";
import "./chunk-E4XC3HTH.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/report/status-markdown.ts
var MARK = {
  Synced: "\u2705",
  Healthy: "\u2705",
  OutOfSync: "\u274C",
  Degraded: "\u274C",
  Unknown: "\u2754"
};
var verdict = (status) => `${MARK[status] ?? ""} ${status}`.trim();
var short = (sha) => `\`${sha.slice(0, 12)}\``;
function renderStatusMarkdown(statuses) {
  const { sync, health } = overall(statuses);
  const parts = [
    `## slurm-gitops status: ${verdict(sync)} \xB7 ${verdict(health)}`,
    "",
    "| Deployment | Sync | Health | Deployed | Next start |",
    "| --- | --- | --- | --- | --- |",
    ...statuses.map(
      (s) => `| ${escapeText(`${s.branch} \u2192 ${s.environment}`)} | ${verdict(s.sync.status)} | ${verdict(s.health.status)} | ${deployedCell(s)} | ${nextCell(s)} |`
    )
  ];
  for (const status of statuses) parts.push("", ...deploymentSection(status));
  return `${parts.join("\n")}
`;
}
function deployedCell(status) {
  const { sha, tip, distance } = status.deployed;
  if (!sha) return "nothing";
  if (tip === sha) return `${short(sha)} (tip)`;
  if (!tip) return short(sha);
  return `${short(sha)} (${distance ? distanceText(distance) : "not"} ${short(tip)})`;
}
function nextCell(status) {
  const next = status.health.jobs.flatMap(
    (job) => job.queued?.startMs !== void 0 && job.queued.state === "PENDING" ? [`${escapeText(job.name)}: ${timeText(status, job.queued.startMs)}`] : []
  );
  return next.length > 0 ? next.join("<br>") : "\u2014";
}
function timeText(status, ms) {
  return `${formatClusterTime(status.clock.zone, ms)} (${formatRelative(ms, status.clock.nowMs)})`;
}
function deploymentSection(status) {
  const lines = [`### ${escapeText(`${status.branch} \u2192 ${status.environment}`)} (${escapeText(status.root)})`];
  if (status.deployed.release) lines.push("", `Release: \`${status.deployed.release}\``);
  lines.push("", `**Sync: ${status.sync.status}**`, ...reasonItems(status.sync.reasons));
  lines.push("", `**Health: ${status.health.status}**`, ...reasonItems(status.health.reasons));
  if (status.health.jobs.length > 0) {
    lines.push(
      "",
      `| Job | Schedule | Health | Next start | Last run |`,
      "| --- | --- | --- | --- | --- |",
      ...status.health.jobs.map((job) => jobRow(job, status))
    );
  }
  const notes = [
    ...status.sync.notes,
    ...status.health.notes,
    ...status.warnings.map((w) => ({ code: "warning", message: w }))
  ];
  if (notes.length > 0) lines.push("", "**Notes**", ...reasonItems(notes));
  return lines;
}
function jobRow(job, status) {
  const queued = job.queued;
  const next = !queued ? job.enabled ? "not queued" : "\u2014" : queued.state === "RUNNING" ? `running since ${queued.startMs !== void 0 ? timeText(status, queued.startMs) : "?"}` : queued.startMs !== void 0 ? timeText(status, queued.startMs) : escapeText(`${queued.state} (${queued.reason})`);
  const run = job.lastRuns[0];
  const last = run ? `${escapeText(`${run.jobId} ${run.summary}`)}${run.startMs !== void 0 ? `, ${timeText(status, run.startMs)}` : ""}${run.elapsedSeconds !== void 0 ? `, ${formatDuration(run.elapsedSeconds)}` : ""}` : "none";
  const health = job.enabled ? verdict(job.health) : "disabled";
  return `| ${escapeText(job.name)} | \`${job.schedule}\` | ${health} | ${next} | ${last} |`;
}
function reasonItems(reasons) {
  return reasons.flatMap((reason) => {
    const [first = "", ...rest] = reason.message.split("\n");
    const item = `- ${reason.job ? `**${escapeText(reason.job)}**: ` : ""}${escapeText(first)}`;
    return rest.length > 0 ? [item, "", fenced(rest.join("\n"), "diff")] : [item];
  });
}

// src/action/status-command.ts
function runStatusCommand(settings) {
  return cancelOnSignal((signal) => statusCommand(settings, signal));
}
async function statusCommand(settings, signal) {
  const request = settings.request;
  const sink = new ActionLogSink();
  let statuses;
  try {
    statuses = await deploymentStatuses(request, {
      sink,
      signal,
      warn: (message) => sink.warning(message),
      log: (message) => info(message)
    });
  } finally {
    sink.close();
  }
  const verdicts = overall(statuses);
  setOutput("sync" /* Sync */, verdicts.sync);
  setOutput("health" /* Health */, verdicts.health);
  setOutput("status-json" /* StatusJson */, JSON.stringify(statusJson(statuses)));
  await summary.addRaw(renderStatusMarkdown(statuses), true).write();
  for (const status of statuses)
    info(`${status.branch} \u2192 ${status.environment}: ${status.sync.status}, ${status.health.status}`);
  const failures = failingVerdicts(statuses, settings.failOn);
  if (failures.length > 0) setFailed(`slurm-gitops status: ${failures.join("; ")}`);
}
function failingVerdicts(statuses, failOn) {
  const failures = [];
  for (const status of statuses) {
    const name = `${status.branch} (${status.environment})`;
    const why = (reasons) => reasons.map((r) => `${r.job ? `${r.job}: ` : ""}${r.message.split("\n")[0]}`).join("; ");
    if (!status.ok) {
      failures.push(`${name}: ${status.error ?? "the status run failed"}`);
      continue;
    }
    if (status.sync.status === "OutOfSync" && failOn.includes("out-of-sync"))
      failures.push(`${name} is OutOfSync: ${why(status.sync.reasons)}`);
    if (status.health.status === "Degraded" && failOn.includes("degraded"))
      failures.push(`${name} is Degraded: ${why(status.health.reasons)}`);
    const unknown = [status.sync, status.health].filter((v) => v.status === "Unknown");
    if (unknown.length > 0 && failOn.includes("unknown"))
      failures.push(`${name} is partly Unknown: ${why(unknown.flatMap((v) => v.reasons))}`);
  }
  return failures;
}
export {
  failingVerdicts,
  runStatusCommand
};
