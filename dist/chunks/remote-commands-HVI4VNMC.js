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
  remoteRequest
} from "./chunk-F5GJ5DOL.js";
import {
  deploy,
  rollback
} from "./chunk-ALHZLHVO.js";
import "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-LELRMFSV.js";
import "./chunk-3MBQ7RCC.js";
import {
  failureMessage,
  succeeded
} from "./chunk-TJ2K4MN2.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-E4XC3HTH.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/cli/remote-commands.ts
function carryOut(request, io) {
  return request.command === "deploy" ? deploy(request, io) : rollback(request, io);
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
    const outcome = await cancelOnSignal(
      (signal) => carryOut(request, {
        sink: new ConsoleLogSink(context.stream, context.io.stderr),
        signal,
        warn: context.warn,
        log: context.note
      })
    );
    if (outcome.kind === "no-deployment") throw new UserError(outcome.problem);
    const { report, outputs, branch } = outcome;
    let text;
    if (!succeeded(report)) {
      context.io.stderr.write(`slurm-gitops ${command} ${branch}: ${failureMessage(report)}
`);
    } else if (outputs.skipped) {
      text = `${command} of ${branch} \u2192 ${outputs.environment}: skipped: ${outputs.skipped}`;
    } else {
      text = `${command} of ${branch} \u2192 ${outputs.environment}: ${outputs.sha} (was ${outputs.previousSha || "nothing"}), venv ${outputs.venv || "unchanged"}, scrontab ${outputs.scrontab}, release ${outputs.release}`;
    }
    return {
      exitCode: succeeded(report) ? 0 : 1,
      json: { deployments: [runJson(outcome)] },
      text
    };
  };
}
var deployCommand = remoteCommand("deploy");
var rollbackCommand = remoteCommand("rollback");
export {
  deployCommand,
  rollbackCommand
};
