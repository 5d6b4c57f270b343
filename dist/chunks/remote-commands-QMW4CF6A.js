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
  deploy,
  rollback,
  status
} from "./chunk-PH6ICPF2.js";
import {
  failureMessage,
  succeeded
} from "./chunk-K6PC2DI3.js";
import {
  cancelOnSignal
} from "./chunk-BEDVZGGL.js";
import {
  remoteRequest
} from "./chunk-4GQY36CN.js";
import "./chunk-BHFVYZGO.js";
import "./chunk-YBEORZJU.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-WW2QYEWD.js";
import "./chunk-WPHCUN7Z.js";
import "./chunk-HWVTLGPC.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-3BUGSDV7.js";
import "./chunk-RUDEEVBO.js";
import "./chunk-ECP4B572.js";
import "./chunk-7HCDPS2C.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-Q6RAD52C.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-M7CMLPS4.js";

// src/cli/remote-commands.ts
async function carryOut(request, io) {
  switch (request.command) {
    case "deploy":
      return [await deploy(request, io)];
    case "rollback":
      return [await rollback(request, io)];
    case "status":
      return status(request, io);
  }
}
function runJson(run) {
  const { report } = run;
  return {
    branch: run.branch,
    ok: succeeded(report),
    ...run.outputs,
    durationMs: report.durationMs,
    steps: report.steps.map(({ name, exitCode, durationMs, completed }) => ({
      name,
      exitCode,
      durationMs,
      completed
    })),
    ...succeeded(report) ? {} : { error: failureMessage(report) },
    transport: run.transport
  };
}
function remoteCommand(command) {
  return async (context) => {
    const request = remoteRequest(command, context.options, context.env);
    const outcomes = await cancelOnSignal(
      (signal) => carryOut(request, {
        sink: new ConsoleLogSink(context.stream, context.io.stderr),
        signal,
        warn: context.warn,
        log: context.note
      })
    );
    const runs = [];
    for (const outcome of outcomes) {
      if (outcome.kind === "no-deployment") throw new UserError(outcome.problem);
      runs.push(outcome);
    }
    const lines = [];
    for (const { report, outputs, branch } of runs) {
      if (!succeeded(report)) {
        context.io.stderr.write(`slurm-gitops ${command} ${branch}: ${failureMessage(report)}
`);
      } else if (outputs.skipped) {
        lines.push(`${command} of ${branch} \u2192 ${outputs.environment}: skipped: ${outputs.skipped}`);
      } else if (command !== "status") {
        lines.push(
          `${command} of ${branch} \u2192 ${outputs.environment}: ${outputs.sha} (was ${outputs.previousSha || "nothing"}), venv ${outputs.venv || "unchanged"}, scrontab ${outputs.scrontab}, release ${outputs.release}`
        );
      }
    }
    return {
      exitCode: runs.every((run) => succeeded(run.report)) ? 0 : 1,
      json: { deployments: runs.map(runJson) },
      text: lines.length > 0 ? lines.join("\n") : void 0
    };
  };
}
var deployCommand = remoteCommand("deploy");
var rollbackCommand = remoteCommand("rollback");
export {
  deployCommand,
  rollbackCommand
};
