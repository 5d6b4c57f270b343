import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  sendBundle
} from "./chunk-CEJYYI6L.js";
import {
  loadPlanChecks,
  startRun
} from "./chunk-5CNL2LPR.js";
import {
  resolveCommit
} from "./chunk-NFCLPTYC.js";
import {
  clusterTimeZone,
  previousFireTimes,
  readCronSchedule
} from "./chunk-LELRMFSV.js";
import {
  execute,
  newNonce
} from "./chunk-TJ2K4MN2.js";
import {
  composeScript
} from "./chunk-E4XC3HTH.js";
import {
  UserError
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
  const tip = request.sha ? Promise.resolve(request.sha) : branchTip(request);
  const start = await startRun(
    request.repo,
    tip.then((commit) => ({ sha: commit })),
    request.connection,
    io,
    [request.branch]
  );
  const { config, read } = start;
  const sha = await tip;
  const target = await targetOf(start, request.branch);
  if (target.kind === "no-deployment") return target;
  const connection = await start.connection();
  const { checked: plan, transport } = await connection.afterChecks(async () => {
    const { planInputs } = await loadPlanChecks();
    const [[planned], inputs] = await Promise.all([
      start.plans([target.deployment], io.warn),
      planInputs(read, config)
    ]);
    const plan2 = { ...planned, inputs };
    await io.onStart?.({ environment: plan2.environment, sha, deployment: target.deployment, plan: plan2 });
    return plan2;
  });
  const [run] = await runScripts(config, request.connection, transport, io, [
    {
      plan,
      params: { ...runParams(request, "deploy"), sha },
      bundleOf: { repoDir: request.repo.dir, sha }
    }
  ]);
  return run;
}
async function rollback(request, io) {
  const start = await startRun(request.repo, { tree: true }, request.connection, io, [request.branch]);
  const { config } = start;
  const target = await targetOf(start, request.branch);
  if (target.kind === "no-deployment") return target;
  const connection = await start.connection();
  const { checked: plans, transport } = await connection.afterChecks(
    async () => start.plans([target.deployment], io.warn)
  );
  const [run] = await runScripts(config, request.connection, transport, io, [
    { plan: plans[0], params: { ...runParams(request, "rollback"), target: request.to ?? "" } }
  ]);
  return run;
}
async function status(request, io) {
  const start = await startRun(request.repo, { tree: true }, request.connection, io, request.branches);
  const { config } = start;
  const deployments = await requireDeployments(
    start,
    request.branches ?? config.deployments.map((d) => d.branch)
  );
  const connection = await start.connection();
  const { checked: plans, transport } = await connection.afterChecks(
    async () => start.plans(deployments, io.warn)
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
async function targetOf(start, branch) {
  const target = findDeployment(start.config, branch);
  if (target.kind === "no-deployment") await start.giveUp();
  return target;
}
async function requireDeployments(start, branches) {
  const found = branches.map((branch) => findDeployment(start.config, branch));
  const missing = found.filter((target) => target.kind === "no-deployment");
  if (missing.length > 0) {
    await start.giveUp();
    throw new UserError(missing.map((target) => target.problem));
  }
  return found.map((target) => target.deployment);
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
  deploy,
  rollback,
  status,
  requireDeployments,
  runParams,
  runScript
};
