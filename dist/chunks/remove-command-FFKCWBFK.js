import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ConsoleLogSink
} from "./chunk-SE76YJRP.js";
import {
  FlagCheck,
  connectionRequest,
  repoLocation
} from "./chunk-F5GJ5DOL.js";
import {
  parseResults,
  requireDeployments,
  runParams,
  runScript
} from "./chunk-ALHZLHVO.js";
import "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal,
  loadPlanChecks,
  startRun
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-LELRMFSV.js";
import "./chunk-3MBQ7RCC.js";
import {
  execute,
  failureMessage,
  newNonce,
  succeeded
} from "./chunk-TJ2K4MN2.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-E4XC3HTH.js";
import {
  checkBranchName,
  checkSandboxName
} from "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/cli/remove-command.ts
import { createInterface } from "node:readline/promises";
import { userInfo } from "node:os";

// src/operations/remove.ts
async function remove(request, io) {
  const { target } = request;
  if ("sandbox" in target) {
    const bad = checkSandboxName(target.sandbox);
    if (bad) throw new UserError({ where: "sandbox", message: bad });
  }
  const branches = "sandbox" in target ? [] : [target.branch];
  const start = await startRun(request.repo, { tree: true }, request.connection, io, branches);
  if ("sandbox" in target) return removeSandbox(request, start, target.sandbox, io);
  const { config } = start;
  const deployment = (await requireDeployments(start, [target.branch]))[0];
  const connection = await start.connection();
  const { checked: plan, transport } = await connection.afterChecks(async () => {
    if (request.purge) {
      const problem = purgeProblem(config, deployment);
      if (problem) throw new UserError(problem);
    }
    return (await start.plans([deployment], io.warn))[0];
  });
  try {
    return await runScript(
      config,
      request.connection,
      transport,
      {
        plan,
        params: {
          ...runParams(request, "remove"),
          force: request.force ? "true" : "",
          purge: request.purge ? "true" : ""
        }
      },
      io
    );
  } finally {
    await transport.close();
  }
}
async function removeSandbox(request, start, sandbox, io) {
  const { config, read } = start;
  const connection = await start.connection();
  const { checked: plan, transport } = await connection.afterChecks(
    async () => (await loadPlanChecks()).checkedSandboxRemoval(config, read, sandbox, request.force)
  );
  try {
    const report = await execute(
      transport,
      plan.script,
      { ...plan.parameters, bundle: "", actor: request.actor, runUrl: request.runUrl, nonce: newNonce() },
      io.sink,
      {
        loginShell: config.cluster.loginShell,
        timeoutSeconds: config.cluster.timeoutMinutes * 60,
        signal: io.signal
      }
    );
    return {
      kind: "sandbox",
      sandbox,
      dir: `${config.sandbox.root}/${sandbox}`,
      report,
      outputs: parseResults(report, "remove", "sandbox", io.warn),
      transport: transport.description
    };
  } finally {
    await transport.close();
  }
}
function purgeProblem(config, deployment) {
  const data = deployment.dataDir.replace(/\/+$/, "") || "/";
  const within = (path, dir) => dir === "/" || path === dir || path.startsWith(`${dir}/`);
  const kept = [
    [config.project.root, "project.root"],
    [config.project.venvStore, "the project's venv store"],
    [config.sandbox.root, "sandbox.root"],
    ...config.deployments.map((d) => [d.root, `deployments.${d.branch}.root`])
  ];
  const holds = kept.find(([path]) => within(path, data));
  const shared = [
    ...config.deployments.filter((d) => d.branch !== deployment.branch).map((d) => [d.dataDir, `deployments.${d.branch}.dataDir`]),
    [config.sandbox.dataDir, "sandbox.dataDir"]
  ].find(([path]) => within(path, data) || within(data, path));
  const why = holds ? `it holds ${holds[1]} (${holds[0]})` : shared ? `${shared[1]} (${shared[0]}) shares it` : void 0;
  if (!why) return void 0;
  return {
    where: `deployments.${deployment.branch}.dataDir`,
    message: `purge would remove ${deployment.dataDir}, but ${why}; remove without purge, and delete what is no longer needed by hand`
  };
}

// src/cli/remove-command.ts
function removeRequest(options, env) {
  const check = new FlagCheck();
  const connection = connectionRequest(options, check, env);
  const branch = check.value("branch", options.branch, checkBranchName);
  const sandbox = check.value("sandbox", options.sandbox, checkSandboxName);
  if (options.branch === void 0 === (options.sandbox === void 0)) {
    check.problems.push({
      where: "--branch / --sandbox",
      message: "give one: --branch B removes a deployment, --sandbox NAME a sandbox"
    });
  }
  if (options.sandbox !== void 0 && options.purge)
    check.problems.push({
      where: "--purge",
      message: "is for a deployment (its data and logs); a sandbox goes whole"
    });
  const repo = repoLocation(options, check, true);
  check.done();
  return {
    command: "remove",
    repo,
    target: branch ? { branch } : { sandbox },
    force: options.force === true,
    purge: options.purge === true,
    actor: options.actor ?? userInfo().username,
    runUrl: "cli",
    connection
  };
}
function removalQuestion(request) {
  if ("sandbox" in request.target) {
    return `Remove sandbox ${request.target.sandbox}: its run directories, their queued jobs${request.force ? " and running ones" : ""}, and its refs in the sandboxes' mirror?`;
  }
  const kept = request.purge ? "its data directory and logs go too" : "its data directory and logs stay";
  return `Remove the deployment of ${request.target.branch}: its scrontab block, its cron job${request.force ? " (a running one is cancelled)" : ""}, current, releases, venv references and mirror (${kept})?`;
}
var removeCommand = async (context) => {
  const { options, note } = context;
  const request = removeRequest(options, context.env);
  if (!options.yes) {
    if (!process.stdin.isTTY || !process.stderr.isTTY) {
      throw new UserError({
        where: "--yes",
        message: "is required without a terminal: removing cannot be undone, and there is no one to ask"
      });
    }
    if (!await confirm(removalQuestion(request))) {
      note("nothing was removed");
      return { exitCode: 1, json: { removed: [], cancelled: [] } };
    }
  }
  const outcome = await cancelOnSignal(
    (signal) => remove(request, {
      sink: new ConsoleLogSink(context.io.stderr, context.io.stderr),
      signal,
      warn: context.warn
    })
  );
  const what = outcome.kind === "sandbox" ? `sandbox ${outcome.sandbox}` : `the deployment of ${outcome.branch}`;
  if (!succeeded(outcome.report)) {
    note(`remove ${what}: ${failureMessage(outcome.report)}`);
    return { exitCode: 1, json: { error: failureMessage(outcome.report) } };
  }
  const { removed, cancelled } = outcome.outputs;
  note(
    `removed ${what}: ${removed.join(", ") || "nothing was there"}` + (cancelled.length > 0 ? `; cancelled job(s) ${cancelled.join(", ")}` : "")
  );
  return { exitCode: 0, json: { removed, cancelled } };
};
async function confirm(question) {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes)$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}
export {
  removalQuestion,
  removeCommand,
  removeRequest
};
