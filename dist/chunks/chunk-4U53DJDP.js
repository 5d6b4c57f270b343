import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  execute,
  newNonce,
  sendBundle
} from "./chunk-K6PC2DI3.js";
import {
  openConnection,
  preloadTransports
} from "./chunk-BEDVZGGL.js";
import {
  planInputs
} from "./chunk-HX4TIH2L.js";
import {
  validatePlans
} from "./chunk-YU2UOH5A.js";
import {
  configAt,
  loadTemplates,
  resolveCommit
} from "./chunk-GITBT6ZC.js";
import {
  compileTemplates,
  composeScript,
  planDeployment
} from "./chunk-LQAKXK4E.js";
import {
  checkSlurmCron
} from "./chunk-4MDP3VV4.js";
import {
  UserError,
  formatProblem
} from "./chunk-NPKQP7SB.js";

// src/plan/types.ts
function completeRunValues(values) {
  return { job: "", runs: "", jobId: "", force: "", purge: "", lookbackSeconds: "", ...values };
}

// src/deploy/remote-run.ts
async function runRemote(run) {
  return execute(
    run.transport,
    composeScript(run.plan),
    { ...completeRunValues(run.params), nonce: newNonce() },
    run.sink,
    {
      loginShell: run.loginShell,
      timeoutSeconds: run.timeoutSeconds,
      signal: run.signal
    }
  );
}

// src/deploy/results.ts
var RESULT_KEYS = {
  "previous-sha": { means: "the commit live before this run, `-` when none", modes: ["deploy", "rollback"] },
  sha: {
    means: "the commit live after this run (status: `-` when nothing is deployed)",
    modes: ["deploy", "rollback", "status"]
  },
  release: { means: "the release directory now behind current", modes: ["deploy", "rollback", "status"] },
  "release-reused": { means: "`true` when a release with the same files already existed", modes: ["deploy"] },
  venv: { means: "`built` or `reused`", modes: ["deploy"] },
  "venv-path": { means: "the venv the release uses", modes: ["deploy"] },
  "env-scripts": { means: "`changed` or `unchanged` against the release live before", modes: ["deploy"] },
  scrontab: {
    means: "`changed` or `unchanged` (an unchanged table is not reinstalled)",
    modes: ["deploy", "rollback"]
  },
  "scrontab-block": {
    means: "the block in force after the run, base64 (status: the block the table holds, empty when none)",
    modes: ["deploy", "rollback"]
  },
  "target-sha": {
    means: "rollback: the commit it restores, reported before going live",
    modes: ["rollback"]
  },
  skipped: {
    means: "deploy: why nothing was done (the commit is an ancestor of the live one); the run still succeeded",
    modes: []
  },
  repaired: { means: "what this run repaired first: an interrupted go-live completed or undone", modes: [] },
  resubmitted: {
    means: "the table was reinstalled: the job names of its live entries, which Slurm submitted again with new job ids, one a line, base64",
    modes: []
  },
  "running-jobs": {
    means: "the table was reinstalled while these jobs of its entries ran (each finishes as a one-off): job id, name and start, tab-separated, one a line, base64",
    modes: []
  },
  "log-path": { means: "logs: the job's output file", modes: ["logs"] },
  "log-size": { means: "logs: its size in bytes, `-` when it does not exist", modes: ["logs"] },
  runs: {
    means: "logs: the job's latest runs as sacct prints them (one a line, `|`-separated), oldest first; status: sacct's records of the deployment's jobs (-D: every run); base64",
    modes: ["logs"]
  },
  "log-headers": {
    means: "logs: the first line of each run in the output file since the oldest run listed: its byte offset, where the run's output ends, and the line, tab-separated, base64",
    modes: ["logs"]
  },
  removed: { means: "remove: what was removed, one phrase per item, `; `-separated", modes: ["remove"] },
  cancelled: { means: "remove: the job ids cancelled (by id), space-separated", modes: [] },
  // status: facts from which src/status/ decides Sync and Health.
  current: { means: "status: `complete`, `incomplete` or `missing`", modes: ["status"] },
  "live-since": {
    means: "status: when `current` last changed (epoch seconds), `-` when missing",
    modes: ["status"]
  },
  "release-block": { means: "status: the live release's scrontab block, base64", modes: [] },
  golive: {
    means: "status: an unfinished go-live a running deploy holds the lock for, `-` when none",
    modes: ["status"]
  },
  "release-files": {
    means: "status: the rendered files against their checksums: `verified`, `changed` or `unverifiable`",
    modes: []
  },
  "changed-files": {
    means: "status: `modified:PATH`, `missing:PATH`, `added:PATH`, space-separated",
    modes: []
  },
  "stable-links": { means: "status: `ok`, or the stable paths that no longer point into current", modes: [] },
  "scrontab-error": { means: "status: why the scrontab table could not be read", modes: [] },
  clock: { means: "status: the cluster's clock, epoch seconds", modes: ["status"] },
  "time-zone": {
    means: "status: the login node's IANA time zone, empty when it tells none",
    modes: ["status"]
  },
  "utc-offset": { means: "status: the login node's UTC offset now (`date +%z`)", modes: ["status"] },
  queue: { means: "status: squeue's rows of the deployment's jobs, base64", modes: [] },
  "queue-error": { means: "status: why squeue failed", modes: [] },
  "runs-error": { means: "status: why sacct failed", modes: [] }
};
function isResultKey(key) {
  return Object.hasOwn(RESULT_KEYS, key);
}
function parseResults(report, mode, environment, warn = () => {
}) {
  const values = {};
  for (const [key, value2] of Object.entries(report.results)) {
    if (isResultKey(key)) values[key] = value2;
    else
      warn(
        `the deploy script reported an unknown result "${key}" (known: ${Object.keys(RESULT_KEYS).join(", ")})`
      );
  }
  if (report.exitCode === 0 && values.skipped === void 0) {
    const missing = Object.entries(RESULT_KEYS).filter(
      ([key, spec]) => spec.modes.includes(mode) && values[key] === void 0
    ).map(([key]) => key);
    if (missing.length > 0) warn(`the deploy script did not report ${missing.join(", ")} (${mode})`);
  }
  const value = (key) => values[key] ?? "";
  const oneOf = (key, allowed) => allowed.includes(value(key)) ? value(key) : "";
  const noneIsEmpty = (text) => text === "-" ? "" : text;
  return {
    sha: noneIsEmpty(value("sha")),
    previousSha: noneIsEmpty(value("previous-sha")),
    release: value("release"),
    releaseReused: value("release-reused") === "true",
    environment,
    venv: oneOf("venv", ["built", "reused"]),
    venvPath: value("venv-path"),
    envScripts: oneOf("env-scripts", ["changed", "unchanged"]),
    scrontab: oneOf("scrontab", ["changed", "unchanged"]),
    scrontabBlock: base64(value("scrontab-block")),
    targetSha: value("target-sha"),
    skipped: value("skipped"),
    repaired: value("repaired"),
    cronResubmitted: lines(base64(value("resubmitted"))),
    cronRunning: lines(base64(value("running-jobs"))).map((line) => {
      const [jobId = "", name = "", start = ""] = line.split("	");
      return { jobId, name, start };
    }),
    logs: {
      path: value("log-path"),
      size: /^\d+$/.test(value("log-size")) ? Number(value("log-size")) : -1,
      runs: base64(value("runs")),
      headers: base64(value("log-headers"))
    },
    removed: value("removed") ? value("removed").split("; ") : [],
    cancelled: value("cancelled").split(" ").filter(Boolean)
  };
}
var base64 = (text) => Buffer.from(text, "base64").toString("utf8");
var lines = (text) => text.split("\n").filter((line) => line !== "");

// src/status/cluster-time.ts
var MINUTE_MS = 6e4;
var DAY_MS = 24 * 60 * MINUTE_MS;
function clusterTimeZone(ianaName, utcOffset) {
  if (ianaName) {
    const formatter = wallClockFormatter(ianaName);
    if (formatter) return { name: ianaName, offsetMinutes: (instant) => offsetFrom(formatter, instant) };
  }
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(utcOffset);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return { name: fixedOffsetName(minutes), offsetMinutes: () => minutes };
}
function fixedOffsetName(minutes) {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
function wallClockFormatter(timeZone) {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
  } catch {
    return void 0;
  }
}
function offsetFrom(formatter, instantMs) {
  const parts = formatter.formatToParts(instantMs);
  const part = (type) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second")
  );
  return Math.round((asUtc - Math.floor(instantMs / 1e3) * 1e3) / MINUTE_MS);
}
function wallClock(zone, instantMs) {
  const local = new Date(instantMs + zone.offsetMinutes(instantMs) * MINUTE_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay()
  };
}
function instantOf(zone, wall) {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = asUtc - zone.offsetMinutes(asUtc - DAY_MS) * MINUTE_MS;
  const after = asUtc - zone.offsetMinutes(asUtc + DAY_MS) * MINUTE_MS;
  const names = (instant) => instant + zone.offsetMinutes(instant) * MINUTE_MS === asUtc;
  const candidates = [before, after].filter(names);
  return candidates.length > 0 ? Math.min(...candidates) : before;
}
function formatClusterTime(zone, instantMs) {
  const w = wallClock(zone, instantMs);
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][w.weekday];
  return `${weekday} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${zone.name}`;
}
function formatRelative(instantMs, nowMs) {
  const minutes = Math.round((instantMs - nowMs) / MINUTE_MS);
  if (minutes === 0) return "now";
  const text = formatSpan(Math.abs(minutes));
  return minutes > 0 ? `in ${text}` : `${text} ago`;
}
function formatSpan(totalMinutes) {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor(totalMinutes % 1440 / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
function pad(n) {
  return String(n).padStart(2, "0");
}

// src/status/cron-times.ts
var NICKNAMES = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *"
};
var NAMES = Object.fromEntries([
  ...["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(
    (name, i) => [name, i + 1]
  ),
  ...["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((name, i) => [name, i])
]);
var BOUNDS = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7]
];
function readCronSchedule(schedule) {
  if (checkSlurmCron(schedule) !== null) return null;
  const trimmed = schedule.trim();
  const fields = (NICKNAMES[trimmed.toLowerCase()] ?? trimmed).split(/[ \t]+/);
  const values = fields.map((field, i) => expandField(field, BOUNDS[i]));
  const [minutes, hours, days, months, weekdays] = values;
  return {
    minutes,
    hours,
    days: new Set(days),
    months: new Set(months),
    // 7 is Sunday too.
    weekdays: new Set(weekdays.map((d) => d % 7)),
    anyDay: fields[2] === "*",
    anyWeekday: fields[4] === "*"
  };
}
function expandField(field, [min, max]) {
  const values = /* @__PURE__ */ new Set();
  for (const item of field.split(",")) {
    const [range = "", step = "1"] = item.split("/");
    const [from, to] = itemRange(range, min, max);
    for (let v = from; v <= to; v += Number(step)) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}
function itemRange(range, min, max) {
  if (range === "*") return [min, max];
  const named = NAMES[range.toLowerCase()];
  if (named !== void 0) return [named, named];
  const [from = min, to = from] = range.split("-").map(Number);
  return [from, to];
}
function dayMatches(schedule, day) {
  if (!schedule.months.has(day.month)) return false;
  const byDay = schedule.days.has(day.day);
  const byWeekday = schedule.weekdays.has(day.weekday);
  if (schedule.anyDay && schedule.anyWeekday) return true;
  if (schedule.anyDay) return byWeekday;
  if (schedule.anyWeekday) return byDay;
  return byDay || byWeekday;
}
function previousFireTimes(schedule, zone, beforeMs, count, searchDays = 8 * 366) {
  const times = [];
  const today = wallClock(zone, beforeMs);
  for (let back = 0; back <= searchDays && times.length < count; back++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const day = { month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
    if (!dayMatches(schedule, day)) continue;
    for (const hour of [...schedule.hours].reverse()) {
      for (const minute of [...schedule.minutes].reverse()) {
        const instant = instantOf(zone, { year: date.getUTCFullYear(), ...day, hour, minute });
        if (instant > beforeMs || times.includes(instant)) continue;
        times.push(instant);
        if (times.length === count) return times.sort((a, b) => b - a);
      }
    }
  }
  return times.sort((a, b) => b - a);
}

// src/status/lookback.ts
var DAY_SECONDS = 86400;
var MIN_SECONDS = 7 * DAY_SECONDS;
var MAX_SECONDS = 400 * DAY_SECONDS;
function statusLookbackSeconds(schedules, nowMs) {
  const utc = clusterTimeZone("UTC", "+0000");
  let seconds = MIN_SECONDS;
  for (const text of schedules) {
    const schedule = readCronSchedule(text);
    const before = schedule ? previousFireTimes(schedule, utc, nowMs, 2)[1] : void 0;
    if (before !== void 0) seconds = Math.max(seconds, Math.ceil((nowMs - before) / 1e3) + DAY_SECONDS);
  }
  return Math.min(seconds, MAX_SECONDS);
}

// src/operations/deployment.ts
async function deploy(request, io) {
  preloadTransports();
  const sha = request.sha ?? await branchTip(request);
  const { config, read } = await configAt(request.repo, { sha }, io.log);
  const target = findDeployment(config, request.branch);
  if (target.kind === "no-deployment") return target;
  const connection = await openConnection(config.cluster, request.connection, io.warn);
  const { checked: plan, transport } = await connection.afterChecks(async () => {
    const plan2 = {
      ...(await checkedPlansAt(config, read, [target.deployment], io))[0],
      inputs: await planInputs(read, config)
    };
    await io.onStart?.({ environment: plan2.environment, sha, deployment: target.deployment, plan: plan2 });
    return plan2;
  });
  const [run] = await runScripts(config, request.connection, transport, io, [
    { plan, params: { ...runParams(request, "deploy"), sha }, bundleOf: { repoDir: request.repo.dir, sha } }
  ]);
  return run;
}
async function rollback(request, io) {
  preloadTransports();
  const { config, read } = await configAt(request.repo, { tree: true });
  const target = findDeployment(config, request.branch);
  if (target.kind === "no-deployment") return target;
  const connection = await openConnection(config.cluster, request.connection, io.warn);
  const { checked: plans, transport } = await connection.afterChecks(
    () => checkedPlansAt(config, read, [target.deployment], io)
  );
  const [run] = await runScripts(config, request.connection, transport, io, [
    { plan: plans[0], params: { ...runParams(request, "rollback"), target: request.to ?? "" } }
  ]);
  return run;
}
async function status(request, io) {
  preloadTransports();
  const { config, read } = await configAt(request.repo, { tree: true });
  const branches = request.branches ?? config.deployments.map((d) => d.branch);
  const targets = branches.map((branch) => findDeployment(config, branch));
  const missing = targets.filter((t) => t.kind === "no-deployment");
  if (missing.length > 0) throw new UserError(missing.map((t) => t.problem));
  const deployments = targets.map((target) => target.deployment);
  const connection = await openConnection(config.cluster, request.connection, io.warn);
  const { checked: plans, transport } = await connection.afterChecks(
    () => checkedPlansAt(config, read, deployments, io)
  );
  const now = Date.now();
  const runs = plans.map((plan, i) => {
    const lookback = statusLookbackSeconds(
      deployments[i].jobs.map((job) => job.schedule),
      now
    );
    return { plan, params: { ...runParams(request, "status"), lookbackSeconds: String(lookback) } };
  });
  return runScripts(config, request.connection, transport, io, runs);
}
async function branchTip(request) {
  const sha = await resolveCommit(request.repo.dir, `refs/heads/${request.branch}`);
  if (sha) return sha;
  throw new UserError({
    where: "sha",
    message: `not given, and branch ${request.branch} does not exist in ${request.repo.dir}; give the full 40-character SHA to deploy`
  });
}
function findDeployment(config, branch) {
  const deployment = config.deployments.find((d) => d.branch === branch);
  if (deployment) return { kind: "found", deployment };
  const known = config.deployments.map((d) => d.branch).join(", ");
  return {
    kind: "no-deployment",
    branch,
    problem: {
      where: "branch",
      message: `no deployment for branch "${branch}" in ${config.file} (deployments: ${known})`
    }
  };
}
async function checkedPlans(repository, deployments, io) {
  const templates = await compileTemplates(repository.templates);
  const plans = deployments.map((deployment) => planDeployment(repository.config, deployment, templates));
  const validation = await validatePlans(plans, { shellcheck: false });
  for (const warning of validation.warnings) io.warn(formatProblem(warning));
  if (validation.errors.length > 0) throw new UserError(validation.errors);
  return plans;
}
async function checkedPlansAt(config, read, deployments, io) {
  return checkedPlans({ config, templates: await loadTemplates(config.templates, read) }, deployments, io);
}
function runParams(request, mode) {
  return { mode, sha: "", target: "", bundle: "", actor: request.actor, runUrl: request.runUrl };
}
async function runScripts(config, connection, transport, io, runs) {
  try {
    const outcomes = [];
    for (const run of runs) outcomes.push(await runScript(config, connection, transport, run, io));
    return outcomes;
  } finally {
    await transport.close();
  }
}
async function connectToCluster(config, connection, io) {
  const early = await openConnection(config.cluster, connection, io.warn);
  return (await early.afterChecks(async () => void 0)).transport;
}
async function runScript(config, connection, transport, run, io) {
  const timeoutMinutes = connection.timeoutMinutes ?? config.cluster.timeoutMinutes;
  const bundle = run.bundleOf && config.project.source === "bundle" ? await sendBundle(run.bundleOf.repoDir, run.bundleOf.sha, transport) : "";
  const report = await runRemote({
    plan: run.plan,
    params: { ...run.params, bundle },
    transport,
    sink: io.sink,
    loginShell: config.cluster.loginShell,
    timeoutSeconds: timeoutMinutes * 60,
    signal: io.signal
  });
  return {
    kind: "ran",
    mode: run.params.mode,
    branch: run.plan.branch,
    plan: run.plan,
    params: completeRunValues({ ...run.params, bundle }),
    report,
    outputs: parseResults(report, run.params.mode, run.plan.environment, io.warn),
    stats: { ...transport.stats },
    transport: transport.description
  };
}

export {
  parseResults,
  clusterTimeZone,
  formatClusterTime,
  formatRelative,
  readCronSchedule,
  previousFireTimes,
  deploy,
  rollback,
  status,
  findDeployment,
  checkedPlans,
  runParams,
  connectToCluster,
  runScript
};
