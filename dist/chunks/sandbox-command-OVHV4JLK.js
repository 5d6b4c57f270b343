import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  watchJson
} from "./chunk-RZJLJPIJ.js";
import {
  sandbox
} from "./chunk-4IQTTAOV.js";
import {
  formatWatchEvent,
  formatWatchOutcome
} from "./chunk-5E6XZROY.js";
import "./chunk-W3RDKD4G.js";
import "./chunk-PYPIXDYX.js";
import {
  ConsoleLogSink
} from "./chunk-SE76YJRP.js";
import {
  failureMessage
} from "./chunk-K6PC2DI3.js";
import {
  cancelOnSignal
} from "./chunk-BEDVZGGL.js";
import {
  sandboxRequest
} from "./chunk-UCGBJMGF.js";
import "./chunk-ZFECGE24.js";
import "./chunk-YBEORZJU.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-YU2UOH5A.js";
import "./chunk-GITBT6ZC.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-LQAKXK4E.js";
import "./chunk-ZPZUBPEO.js";
import "./chunk-ECP4B572.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-7HCDPS2C.js";
import "./chunk-4MDP3VV4.js";
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
