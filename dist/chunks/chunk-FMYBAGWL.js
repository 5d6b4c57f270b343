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
} from "./chunk-NSGISG7H.js";
import {
  connectTransport,
  transportSettings
} from "./chunk-GYG67XIT.js";
import {
  validatePlans
} from "./chunk-6JOAB73B.js";
import {
  planInputs,
  repositoryAt,
  resolveCommit
} from "./chunk-DRA3AVJW.js";
import {
  composeScript
} from "./chunk-XOU5R3WP.js";
import {
  compileTemplates,
  planDeployment
} from "./chunk-RDROU2C6.js";
import {
  UserError,
  formatProblem
} from "./chunk-NPKQP7SB.js";

// src/plan/types.ts
function completeRunValues(values) {
  return { job: "", runs: "", jobId: "", force: "", purge: "", ...values };
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
  release: { means: "the release directory now behind current", modes: ["deploy", "rollback"] },
  "release-reused": { means: "`true` when a release with the same files already existed", modes: ["deploy"] },
  venv: { means: "`built` or `reused`", modes: ["deploy"] },
  "venv-path": { means: "the venv the release uses", modes: ["deploy"] },
  "env-scripts": { means: "`changed` or `unchanged` against the release live before", modes: ["deploy"] },
  scrontab: {
    means: "`changed` or `unchanged` (an unchanged table is not reinstalled)",
    modes: ["deploy", "rollback"]
  },
  "scrontab-block": { means: "the block in force after the run, base64", modes: ["deploy", "rollback"] },
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
    means: "logs: the job's latest runs as sacct prints them (one a line, `|`-separated), oldest first, base64",
    modes: ["logs"]
  },
  "log-headers": {
    means: "logs: the first line of each run in the output file since the oldest run listed: its byte offset, where the run's output ends, and the line, tab-separated, base64",
    modes: ["logs"]
  },
  removed: { means: "remove: what was removed, one phrase per item, `; `-separated", modes: ["remove"] },
  cancelled: { means: "remove: the job ids cancelled (by id), space-separated", modes: [] }
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

// src/operations/deployment.ts
async function deploy(request, io) {
  const sha = request.sha ?? await branchTip(request);
  const repository = await repositoryAt(request.repo, { sha }, io.log);
  const target = findDeployment(repository.config, request.branch);
  if (target.kind === "no-deployment") return target;
  const plan = {
    ...(await checkedPlans(repository, [target.deployment], io))[0],
    inputs: await planInputs(repository.read, repository.config)
  };
  await io.onStart?.({ environment: plan.environment, sha, deployment: target.deployment, plan });
  const [run] = await runScripts(repository.config, request.connection, io, [
    { plan, params: { ...runParams(request, "deploy"), sha }, bundleOf: { repoDir: request.repo.dir, sha } }
  ]);
  return run;
}
async function rollback(request, io) {
  const repository = await repositoryAt(request.repo, { tree: true });
  const target = findDeployment(repository.config, request.branch);
  if (target.kind === "no-deployment") return target;
  const plan = (await checkedPlans(repository, [target.deployment], io))[0];
  const [run] = await runScripts(repository.config, request.connection, io, [
    { plan, params: { ...runParams(request, "rollback"), target: request.to ?? "" } }
  ]);
  return run;
}
async function status(request, io) {
  const repository = await repositoryAt(request.repo, { tree: true });
  const branches = request.branches ?? repository.config.deployments.map((d) => d.branch);
  const targets = branches.map((branch) => findDeployment(repository.config, branch));
  const missing = targets.filter((t) => t.kind === "no-deployment");
  if (missing.length > 0) throw new UserError(missing.map((t) => t.problem));
  const deployments = targets.map((target) => target.deployment);
  const plans = await checkedPlans(repository, deployments, io);
  const runs = plans.map((plan) => ({ plan, params: runParams(request, "status") }));
  return runScripts(repository.config, request.connection, io, runs);
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
  const templates = compileTemplates(repository.templates);
  const plans = deployments.map((deployment) => planDeployment(repository.config, deployment, templates));
  const validation = await validatePlans(plans, { shellcheck: false });
  for (const warning of validation.warnings) io.warn(formatProblem(warning));
  if (validation.errors.length > 0) throw new UserError(validation.errors);
  return plans;
}
function runParams(request, mode) {
  return { mode, sha: "", target: "", bundle: "", actor: request.actor, runUrl: request.runUrl };
}
async function runScripts(config, connection, io, runs) {
  const transport = await connectToCluster(config, connection, io);
  try {
    const outcomes = [];
    for (const run of runs) outcomes.push(await runScript(config, connection, transport, run, io));
    return outcomes;
  } finally {
    await transport.close();
  }
}
async function connectToCluster(config, connection, io) {
  return connectTransport(await transportSettings(config.cluster, connection), io.warn);
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
  findDeployment,
  checkedPlans,
  runParams,
  connectToCluster,
  runScript
};
