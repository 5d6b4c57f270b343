import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  sandbox
} from "./chunk-FFGM4M3P.js";
import {
  cancel,
  formatWatchEvent,
  formatWatchOutcome,
  watch
} from "./chunk-JUJG4NQL.js";
import "./chunk-UAI3N6F7.js";
import {
  formatDuration
} from "./chunk-VBNEW65A.js";
import "./chunk-PYPIXDYX.js";
import "./chunk-YXBCDM6P.js";
import {
  ActionLogSink
} from "./chunk-E7S7NINE.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-3MBQ7RCC.js";
import {
  failureMessage
} from "./chunk-TJ2K4MN2.js";
import "./chunk-SWQI6JLJ.js";
import {
  getState,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-NKJGWXBT.js";
import "./chunk-TGMH7RKH.js";
import "./chunk-77AM224P.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/action/sandbox-command.ts
import { tmpdir } from "node:os";
import path from "node:path";

// src/sandbox/output-lines.ts
import { StringDecoder } from "node:string_decoder";
var OutputLines = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  decoder = new StringDecoder("utf8");
  pending = "";
  /** Feeds one chunk; calls onLine for every line it completes. */
  write(chunk) {
    this.pending += this.decoder.write(chunk);
    let newline;
    while ((newline = this.pending.indexOf("\n")) !== -1) {
      this.onLine(this.pending.slice(0, newline).replace(/\r$/, ""));
      this.pending = this.pending.slice(newline + 1);
    }
  }
  /** The last, unterminated line, if any. */
  end() {
    this.pending += this.decoder.end();
    if (this.pending !== "") this.onLine(this.pending);
    this.pending = "";
  }
};

// src/action/sandbox-command.ts
async function runSandboxCommand(settings) {
  const request = settings.request;
  const sink = new ActionLogSink();
  const lines = new OutputLines((line) => sink.info(line));
  let outcome;
  try {
    outcome = await cancelOnSignal(
      (signal) => sandbox(request, {
        sink,
        onOutput: (chunk) => lines.write(chunk),
        onEvent: (event) => logEvent(sink, event),
        onSubmitted: (job) => {
          saveState("unfinishedJob" /* UnfinishedJob */, job.jobId);
          setOutput("job-id" /* JobId */, job.jobId);
          info(`submitted job ${job.jobId}; its log: ${job.logPath}`);
        },
        signal,
        warn: (message) => sink.warning(message),
        log: (message) => info(message),
        collectTo: path.join(process.env.RUNNER_TEMP || tmpdir(), `slurm-gitops-sandbox-${request.runId}`)
      })
    );
    lines.end();
  } finally {
    sink.close();
  }
  setOutput("sha" /* Sha */, outcome.sha);
  if (outcome.kind === "staging-failed") {
    setFailed(`slurm-gitops sandbox: staging ${outcome.sha} failed: ${failureMessage(outcome.report)}`);
    return;
  }
  setOutput("log-path" /* LogPath */, outcome.plan.logPath);
  setOutput("run-dir" /* RunDir */, outcome.plan.runDir);
  if (outcome.kind === "submitted") {
    saveState("unfinishedJob" /* UnfinishedJob */, "");
    notice(
      `job ${outcome.job.jobId} submitted; follow it with command: watch or slurm-gitops watch ${outcome.job.jobId}`
    );
    await writeSummary(outcome);
    return;
  }
  const { watch: watch2 } = outcome;
  if (watch2.ending !== "connection-lost" && watch2.ending !== "unknown")
    saveState("unfinishedJob" /* UnfinishedJob */, "");
  setWatchOutputs(watch2);
  if (outcome.collected) {
    setOutput("artifact-dir" /* ArtifactDir */, outcome.collected.dir);
    info(`collected ${outcome.collected.files.join(", ") || "nothing"} into ${outcome.collected.dir}`);
    for (const file of outcome.collected.leftOut) {
      warning(`${file.path} (${file.bytes} bytes) left out: over sandbox.collect.maxMegabytes`);
    }
  }
  await writeSummary(outcome);
  if (!watch2.succeeded) setFailed(`slurm-gitops sandbox: ${formatWatchOutcome(watch2)}`);
  else info(formatWatchOutcome(watch2));
}
async function runWatchCommand(settings) {
  const request = settings.request;
  const sink = new ActionLogSink();
  const lines = new OutputLines((line) => sink.info(line));
  const watch2 = await cancelOnSignal(
    (signal) => watch(request, {
      onOutput: (chunk) => lines.write(chunk),
      onEvent: (event) => logEvent(sink, event),
      signal,
      warn: (m) => sink.warning(m)
    })
  ).finally(() => {
    lines.end();
    sink.close();
  });
  setWatchOutputs(watch2);
  setOutput("job-id" /* JobId */, watch2.jobId);
  setOutput("log-path" /* LogPath */, watch2.logPath);
  if (!watch2.succeeded) setFailed(`slurm-gitops watch: ${formatWatchOutcome(watch2)}`);
  else info(formatWatchOutcome(watch2));
}
async function runCancelCommand(settings) {
  const outcome = await cancel(settings.request, { warn: (message) => warning(message) });
  setOutput("job-id" /* JobId */, outcome.jobId);
  if (outcome.confirmed) info(outcome.message);
  else setFailed(`slurm-gitops cancel: ${outcome.message}`);
}
function logEvent(sink, event) {
  const { level, text } = formatWatchEvent(event);
  if (level === "warning") sink.warning(text);
  else info(text);
}
function setWatchOutputs(watch2) {
  setOutput("state" /* State */, watch2.state?.name ?? "");
  setOutput("exit-code" /* ExitCode */, watch2.exitCode === void 0 ? "" : String(watch2.exitCode));
  setOutput("slurm-queries" /* SlurmQueries */, String(watch2.slurmQueries));
}
async function cancelUnfinishedJob(settings) {
  const jobId = getState("unfinishedJob" /* UnfinishedJob */);
  if (!jobId) return;
  const request = settings.request;
  info(`the main step did not see job ${jobId} finish (cancelled or killed): cancelling it`);
  const outcome = await cancel(
    { command: "cancel", repo: request.repo, jobId, connection: request.connection },
    { warn: (message) => warning(message) }
  );
  if (outcome.confirmed) info(outcome.message);
  else warning(outcome.message);
}
async function writeSummary(outcome) {
  const watch2 = outcome.kind === "watched" ? outcome.watch : void 0;
  const rows = [
    ["Ref", `${outcome.run.ref} (${outcome.sha.slice(0, 12)})`],
    ["Sandbox", outcome.run.sandbox],
    ["Partition", outcome.run.partition],
    ["Job", outcome.job.jobId],
    ["Node", watch2?.node ?? "\u2014"],
    ["Queued for", watch2?.queuedSeconds === void 0 ? "\u2014" : formatDuration(watch2.queuedSeconds)],
    ["Ran for", watch2?.ranSeconds === void 0 ? "\u2014" : formatDuration(watch2.ranSeconds)],
    ["State", watch2 ? watch2.summary : "submitted (not watched)"],
    ["Exit code", watch2?.exitCode === void 0 ? "\u2014" : String(watch2.exitCode)],
    ["Slurm queries", watch2 ? String(watch2.slurmQueries) : "1"],
    ["Log", outcome.plan.logPath]
  ];
  const heading = watch2 ? `slurm-gitops sandbox: ${outcome.run.sandbox} ${watch2.succeeded ? "succeeded" : "failed"} (${watch2.summary})` : `slurm-gitops sandbox: job ${outcome.job.jobId} submitted`;
  await summary.addHeading(heading, 2).addTable([
    [
      { data: "What", header: true },
      { data: "Now", header: true }
    ],
    ...rows
  ]).write();
}
export {
  cancelUnfinishedJob,
  runCancelCommand,
  runSandboxCommand,
  runWatchCommand
};
