import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  watchJson
} from "./chunk-N7UVR6J2.js";
import {
  ConsoleLogSink
} from "./chunk-SE76YJRP.js";
import {
  sandboxRequest
} from "./chunk-F5GJ5DOL.js";
import {
  sandbox
} from "./chunk-FFGM4M3P.js";
import {
  formatWatchEvent,
  formatWatchOutcome
} from "./chunk-JUJG4NQL.js";
import "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-PYPIXDYX.js";
import "./chunk-YXBCDM6P.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-3MBQ7RCC.js";
import {
  failureMessage
} from "./chunk-TJ2K4MN2.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-TGMH7RKH.js";
import "./chunk-77AM224P.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/cli/sandbox-command.ts
function sandboxJson(outcome) {
  const { run, sha, plan } = outcome;
  return {
    outcome: outcome.kind,
    ref: run.ref,
    sha,
    sandbox: run.sandbox,
    partition: run.partition,
    timeLimit: run.timeLimit,
    runDir: plan.runDir,
    logPath: plan.logPath,
    ...outcome.kind === "staging-failed" ? { error: failureMessage(outcome.report) } : {},
    ...outcome.kind === "submitted" ? { jobId: outcome.job.jobId } : {},
    ...outcome.kind === "watched" ? { jobId: outcome.job.jobId, job: watchJson(outcome.watch) } : {}
  };
}
var sandboxCommand = async (context) => {
  const request = sandboxRequest(context.options, context.env);
  const outcome = await cancelOnSignal(
    (signal) => sandbox(request, {
      sink: new ConsoleLogSink(context.io.stderr, context.io.stderr),
      onOutput: (chunk) => context.stream.write(chunk),
      onEvent: (event) => context.note(formatWatchEvent(event).text),
      onSubmitted: (job) => context.note(`submitted job ${job.jobId}; its log: ${job.logPath}`),
      signal,
      warn: context.warn,
      log: context.note
    })
  );
  const json = sandboxJson(outcome);
  switch (outcome.kind) {
    case "staging-failed":
      context.note(
        `staging ${outcome.sha} in sandbox ${outcome.run.sandbox} failed: ${failureMessage(outcome.report)}`
      );
      return { exitCode: 1, json };
    case "submitted":
      context.note(
        `job ${outcome.job.jobId} runs ${outcome.sha} in ${outcome.plan.runDir}; follow it: slurm-gitops watch ${outcome.job.jobId}`
      );
      return { exitCode: 0, json };
    case "watched":
      context.note(formatWatchOutcome(outcome.watch));
      return { exitCode: outcome.watch.succeeded ? 0 : 1, json };
  }
};
export {
  sandboxCommand
};
