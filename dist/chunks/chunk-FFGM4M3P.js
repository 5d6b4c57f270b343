import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  followJob
} from "./chunk-JUJG4NQL.js";
import {
  checkJobId
} from "./chunk-UAI3N6F7.js";
import {
  sandboxDeployment
} from "./chunk-YXBCDM6P.js";
import {
  sendBundle
} from "./chunk-CEJYYI6L.js";
import {
  loadPlanChecks,
  startRun
} from "./chunk-5CNL2LPR.js";
import {
  resolveRef
} from "./chunk-NFCLPTYC.js";
import {
  execute,
  newNonce
} from "./chunk-TJ2K4MN2.js";
import {
  checkSbatchOptions
} from "./chunk-TGMH7RKH.js";
import {
  checkTimeLimit,
  timeLimitMinutes
} from "./chunk-77AM224P.js";
import {
  checkCommitOrBranch,
  checkSandboxName
} from "./chunk-ECP4B572.js";
import {
  shellQuoteAll
} from "./chunk-Q6RAD52C.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/sandbox/sandbox-run.ts
function resolveSandboxRun(config, ask, names) {
  const problems = [];
  const problem = (where, message) => problems.push({ where, message });
  const { sandbox: sandbox2 } = config;
  const refProblem = checkCommitOrBranch(ask.ref);
  if (refProblem) problem(names.ref, refProblem);
  if (sandbox2.allowedActors.length > 0 && !sandbox2.allowedActors.includes(ask.actor)) {
    problem(
      names.actor,
      `${ask.actor} may not launch sandbox jobs (sandbox.allowedActors: ${sandbox2.allowedActors.join(", ")})`
    );
  }
  const own = sandbox2.actors[ask.actor] ?? ask.actor;
  const named = /* @__PURE__ */ new Set([own, ...Object.values(sandbox2.actors)]);
  const name = ask.sandbox || own;
  const nameProblem = checkSandboxName(name);
  if (nameProblem) problem(ask.sandbox ? names.sandbox : names.actor, nameProblem);
  else if (!named.has(name)) {
    problem(
      names.sandbox,
      `sandbox "${name}" is not one the config allows for ${ask.actor}: ${[...named].join(", ")} (sandbox.actors)`
    );
  }
  const defaultCommand = sandbox2.command ?? sandboxDeployment(config).jobs[0]?.command ?? config.project.smokeCommand;
  if (ask.command && !sandbox2.allowCustomCommand && ask.command !== defaultCommand) {
    problem(
      names.command,
      "a command of its own is not allowed (sandbox.allowCustomCommand is false); leave it empty to run sandbox.command"
    );
  }
  const allowedPartitions = [sandbox2.partition, ...Object.keys(config.cluster.partitions ?? {})];
  const partition = ask.partition || sandbox2.partition;
  if (!allowedPartitions.includes(partition)) {
    problem(
      names.partition,
      `partition "${partition}" is not allowed for sandbox jobs; use ${[...new Set(allowedPartitions)].join(", ")} (sandbox.partition, cluster.partitions)`
    );
  }
  const timeLimit = ask.timeLimit || sandbox2.maxTime;
  const timeProblem = checkTimeLimit(timeLimit);
  if (timeProblem) problem(names.timeLimit, timeProblem);
  else if (timeLimitMinutes(timeLimit) > timeLimitMinutes(sandbox2.maxTime)) {
    problem(names.timeLimit, `${timeLimit} is longer than sandbox.maxTime ${sandbox2.maxTime}`);
  }
  const sbatch = ask.sbatch ?? [];
  for (const option of sbatch) {
    const bad = checkSbatchOptions([option], "sbatch");
    const optionName = /^--([a-z0-9-]+)/.exec(option)?.[1] ?? "";
    if (bad) problem(names.sbatch, bad);
    else if (!sandbox2.allowedSbatchOptions.includes(optionName)) {
      const allowed = sandbox2.allowedSbatchOptions.map((o) => `--${o}`).join(", ") || "none";
      problem(
        names.sbatch,
        `${option} is not among the options sandbox runs may pass (sandbox.allowedSbatchOptions: ${allowed})`
      );
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return {
    ref: ask.ref,
    sandbox: name,
    command: ask.command || defaultCommand,
    partition,
    timeLimit,
    sbatch,
    dir: `${sandbox2.root}/${name}`
  };
}

// src/sandbox/submit.ts
async function submitBatchJob(transport, args, { loginShell = true, directory } = {}) {
  const cd = directory === void 0 ? "" : `cd ${shellQuoteAll([directory])} && `;
  const command = `${cd}date +%Y-%m-%dT%H:%M:%S && sbatch --parsable ${shellQuoteAll(args)}`;
  const result = await transport.exec(loginShell ? `bash -lc ${shellQuoteAll([command])}` : command);
  const [time = "", answer = ""] = result.stdout.trim().split("\n");
  const jobId = answer.split(";")[0]?.trim() ?? "";
  if (result.code !== 0 || checkJobId(jobId) !== null) {
    const why = (result.stderr.trim() || result.stdout.trim() || `exit ${result.code}`).split("\n").slice(-3);
    throw new Error(`sbatch failed: ${why.join(" / ")}`);
  }
  return { jobId, submittedAfter: time.trim() };
}

// src/sandbox/collect.ts
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
var COLLECT_SCRIPT = `
cd "$1" || exit 3
cap=$2; shift 2
shopt -s globstar nullglob dotglob
declare -A seen=()
take=() total=0
for pattern in job.log "$@"; do
  for file in $pattern; do
    [ -f "$file" ] && [ -z "\${seen[$file]:-}" ] || continue
    seen[$file]=1
    size=$(stat -c %s -- "$file")
    if [ $((total + size)) -le "$cap" ]; then take+=("$file"); total=$((total + size)); else printf 'left-out %s %s\\n' "$size" "$file"; fi
  done
done
echo tar
if [ \${#take[@]} -gt 0 ]; then tar -cz -- "\${take[@]}" | base64 -w0; fi
echo
`;
async function collectRun(transport, options, localDir) {
  const args = [options.runDir, String(options.maxMegabytes * 1024 * 1024), ...options.globs];
  const command = `bash -c ${shellQuoteAll([COLLECT_SCRIPT])} collect ${shellQuoteAll(args)}`;
  const result = await transport.exec(options.loginShell ? `bash -lc ${shellQuoteAll([command])}` : command);
  const lines = result.stdout.split("\n");
  const at = lines.indexOf("tar");
  if (result.code !== 0 || at === -1) {
    throw new Error(
      `collecting ${options.runDir} failed: ${(result.stderr || result.stdout).trim().slice(-300)}`
    );
  }
  const leftOut = lines.slice(0, at).flatMap((line) => {
    const match = /^left-out (\d+) (.+)$/.exec(line);
    return match ? [{ path: match[2], bytes: Number(match[1]) }] : [];
  });
  await mkdir(localDir, { recursive: true });
  const encoded = lines[at + 1] ?? "";
  if (encoded === "") return { dir: localDir, files: [], leftOut };
  const archive = path.join(localDir, ".collect.tar.gz");
  await writeFile(archive, Buffer.from(encoded, "base64"));
  try {
    const { stdout } = await run("tar", ["-xzvf", archive, "-C", localDir]);
    return { dir: localDir, files: stdout.split("\n").filter((f) => f && !f.endsWith("/")), leftOut };
  } finally {
    await rm(archive, { force: true });
  }
}

// src/operations/sandbox.ts
async function sandbox(request, io) {
  const start = await startRun(request.repo, { tree: true }, request.connection, io);
  const { config, read } = start;
  const connection = await start.connection();
  const { checked, transport: first } = await connection.afterChecks(async () => {
    const run3 = resolveSandboxRun(config, request.ask, request.names);
    const commit = await resolveRef(request.repo.dir, run3.ref, request.names.ref, io.log);
    const branch = commit.branch ?? sandboxDeployment(config).branch;
    const { checkedSandboxPlan } = await loadPlanChecks();
    const plan2 = await checkedSandboxPlan(config, read, run3, {
      sha: commit.sha,
      branch,
      runId: request.runId
    });
    return { run: run3, sha: commit.sha, plan: plan2 };
  });
  const { run: run2, sha, plan } = checked;
  const connect = () => connection.connect();
  let transport = first;
  try {
    const bundle = config.project.source === "bundle" ? await sendBundle(request.repo.dir, sha, transport) : "";
    const report = await execute(
      transport,
      plan.stagingScript,
      { ...plan.parameters, bundle, actor: request.actor, runUrl: request.runUrl, nonce: newNonce() },
      io.sink,
      {
        loginShell: config.cluster.loginShell,
        timeoutSeconds: config.cluster.timeoutMinutes * 60,
        signal: io.signal
      }
    );
    if (report.exitCode !== 0) return { kind: "staging-failed", run: run2, sha, plan, report };
    if (io.signal?.aborted)
      return { kind: "staging-failed", run: run2, sha, plan, report: { ...report, cancelled: true } };
    const job = await submitBatchJob(transport, plan.sbatchArgs, {
      loginShell: config.cluster.loginShell,
      directory: plan.runDir
    }).catch((error) => {
      throw new UserError({
        where: "sbatch",
        message: error instanceof Error ? error.message : String(error)
      });
    });
    io.onSubmitted?.({ ...job, logPath: plan.logPath });
    if (!request.wait) return { kind: "submitted", run: run2, sha, plan, job };
    const watch = await followJob(config, { transport, connect }, { ...job, logPath: plan.logPath }, io);
    transport = watch.transport;
    const collected = io.collectTo ? await collect(transport, config, plan, io.collectTo, io.warn) : void 0;
    return { kind: "watched", run: run2, sha, plan, job, watch, collected };
  } finally {
    await transport.close();
  }
}
async function collect(transport, config, plan, dir, warn) {
  const { globs, maxMegabytes } = config.sandbox.collect;
  try {
    return await collectRun(
      transport,
      { runDir: plan.runDir, globs, maxMegabytes, loginShell: config.cluster.loginShell },
      dir
    );
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
    return void 0;
  }
}

export {
  sandbox
};
