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
  requireDeployments,
  runParams,
  runScript
} from "./chunk-ALHZLHVO.js";
import {
  LogStream,
  WatchConnection,
  followJob,
  formatWatchEvent,
  formatWatchOutcome
} from "./chunk-JUJG4NQL.js";
import {
  nodeList
} from "./chunk-UAI3N6F7.js";
import {
  slurmTimestamp
} from "./chunk-VBNEW65A.js";
import "./chunk-PYPIXDYX.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal,
  startRun
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-LELRMFSV.js";
import {
  cronRunResult,
  parseExitCode,
  parseJobState
} from "./chunk-3MBQ7RCC.js";
import {
  failureMessage,
  succeeded
} from "./chunk-TJ2K4MN2.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-E4XC3HTH.js";
import "./chunk-77AM224P.js";
import {
  checkBranchName,
  checkJobName
} from "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/logs/scheduled-runs.ts
function parseRunRows(text) {
  const runs = [];
  for (const line of text.split("\n")) {
    const fields = line.split("|");
    if (fields.length < 9 || !/^\d+$/.test(fields[0] ?? "")) continue;
    const [jobId, state, exit, submit, start, end, elapsed, node] = fields;
    const run = {
      jobId,
      state: parseJobState(state ?? ""),
      elapsed: elapsed ?? "",
      name: fields.slice(8).join("|")
    };
    const exitStatus = parseExitCode(exit ?? "");
    if (exitStatus) run.exit = exitStatus;
    const times = { submitTime: submit, startTime: start, endTime: end };
    for (const [key, value] of Object.entries(times)) {
      const timestamp = slurmTimestamp(value);
      if (timestamp) run[key] = timestamp;
    }
    const nodes = nodeList(node);
    if (nodes) run.node = nodes;
    runs.push(run);
  }
  return runs;
}
var HEADER = /^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})[^\]]*\] [^:]*: job (\d+)(?: run (\d+))? /;
function parseRunHeaders(text) {
  const headers = [];
  for (const line of text.split("\n")) {
    const [offset, end, ...rest] = line.split("	");
    const header = rest.join("	");
    const match = HEADER.exec(header);
    if (!match || !/^\d+$/.test(offset ?? "") || !/^\d+$/.test(end ?? "")) continue;
    headers.push({
      offset: Number(offset),
      end: Number(end),
      jobId: match[2],
      time: match[1],
      ...match[3] ? { run: Number(match[3]) } : {},
      header
    });
  }
  return headers;
}
function matchRunOutputs(runs, headers) {
  const taken = /* @__PURE__ */ new Set();
  return runs.map((run) => {
    const start = run.startTime;
    if (start === void 0) return run;
    const header = headers.find(
      (h) => !taken.has(h) && h.jobId === run.jobId && h.time >= start && (run.endTime === void 0 || h.time <= run.endTime)
    );
    if (!header) return run;
    taken.add(header);
    const { offset, end, header: line } = header;
    return { ...run, output: { offset, end, header: line, ...header.run ? { run: header.run } : {} } };
  });
}
function parseRunChoice(text) {
  const match = /^([1-9][0-9]{0,9})(?::([1-9][0-9]{0,5}))?$/.exec(text);
  if (!match) {
    return {
      problem: `${JSON.stringify(text)} is not a run: give a job id (its latest run, e.g. 528) or a job id and run (528:2)`
    };
  }
  return { jobId: match[1], ...match[2] ? { run: Number(match[2]) } : {} };
}
function runLabel(run) {
  return run.output?.run ? `${run.jobId}:${run.output.run}` : run.jobId;
}
function chooseRun(runs, choice, job) {
  const candidates = choice ? runs.filter((run2) => run2.jobId === choice.jobId) : runs;
  const run = choice?.run === void 0 ? candidates[candidates.length - 1] : candidates.find((candidate) => candidate.output?.run === choice.run);
  if (run) return { run };
  if (!choice) return { problem: `job ${job} has no runs in Slurm's accounting yet` };
  const which = choice.run === void 0 ? `job id ${choice.jobId}` : `run ${choice.run} of job id ${choice.jobId}`;
  return {
    problem: candidates.length === 0 ? `${which} is not among the listed runs of job ${job}; list more with --runs, or check the id` : `${which} is not among the listed runs of job ${job} (listed: ${candidates.map(runLabel).join(", ")}); list more with --runs`
  };
}

// src/logs/format-runs.ts
function formatRunsTable(runs) {
  const rows = runs.map((run) => [
    runLabel(run),
    cronRunResult(run.state, run.exit).summary,
    run.startTime ?? "-",
    run.endTime ?? "-",
    run.elapsed || "-",
    run.node ?? "-"
  ]);
  const header = ["run", "result", "start", "end", "elapsed", "node"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  return [header, ...rows].map(
    (row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()
  );
}
function formatShownRun(run, logPath, shown) {
  const what = `the output of run ${runLabel(run)} (started ${run.startTime ?? "?"})`;
  const range = `bytes ${shown.from}-${shown.to} of ${logPath}`;
  return shown.skipped > 0 ? `${what}, its last ${shown.to - shown.from} bytes (${range}; its first ${shown.skipped} bytes are left out)` : `${what}, ${range}`;
}

// src/operations/logs.ts
var MAX_SHOWN_BYTES = 4 * 1024 * 1024;
async function logs(request, io) {
  const start = await startRun(request.repo, { tree: true }, request.connection, io, [request.branch]);
  const { config } = start;
  const deployment = (await requireDeployments(start, [request.branch]))[0];
  const connection = await start.connection();
  const { checked, transport } = await connection.afterChecks(async () => {
    const job2 = jobOf(deployment, request.job);
    const [plan2] = await start.plans([deployment], io.warn);
    return { job: job2, plan: plan2 };
  });
  const { job, plan } = checked;
  let current = transport;
  try {
    const run = await runScript(
      config,
      request.connection,
      transport,
      {
        plan,
        params: {
          ...runParams({ actor: "", runUrl: "" }, "logs"),
          job: job.name,
          runs: String(request.runs),
          jobId: request.run?.jobId ?? ""
        }
      },
      io
    );
    if (!succeeded(run.report)) return { kind: "failed", run };
    const { logs: file } = run.outputs;
    const runs = matchRunOutputs(parseRunRows(file.runs), parseRunHeaders(file.headers));
    const base = { job: job.name, environment: plan.environment, logPath: file.path, runs };
    const listed = (listing) => {
      io.onListing?.(listing);
      return { kind: "listed", run, listing };
    };
    const choice = chooseRun(runs, request.run, job.name);
    if ("problem" in choice) return listed({ ...base, note: choice.problem });
    const chosen = choice.run;
    const output = chosen.output;
    if (request.follow && !cronRunResult(chosen.state, chosen.exit).over) {
      io.onListing?.({ ...base, chosen, following: true });
      const connect = () => connection.connect();
      const followed = await followJob(
        config,
        { transport, connect },
        {
          jobId: chosen.jobId,
          submittedAfter: chosen.submitTime,
          logPath: file.path,
          // A run that has not written its first line yet writes it at the end of the file.
          logOffset: output?.offset ?? Math.max(0, file.size),
          follow: "run"
        },
        io
      );
      current = followed.transport;
      return { kind: "listed", run, listing: { ...base, chosen, following: true }, followed };
    }
    if (!output) {
      const note2 = file.size < 0 ? `${file.path} does not exist` : `the first line of job ${chosen.jobId}'s run started ${chosen.startTime ?? "?"} is not in ${file.path} (the run has written nothing yet, or the file was rotated)`;
      return listed({ ...base, chosen, note: note2 });
    }
    const from = Math.max(output.offset, output.end - MAX_SHOWN_BYTES);
    const shown = { from, to: output.end, skipped: from - output.offset };
    const note = request.follow ? `the run is over: nothing to follow` : void 0;
    const outcome = listed({ ...base, chosen, shown, ...note ? { note } : {} });
    const stream = new LogStream(
      new WatchConnection(transport, { loginShell: false }),
      file.path,
      io.onOutput,
      { offset: from, end: output.end, onProblem: io.warn }
    );
    await stream.drain(6e4);
    return outcome;
  } finally {
    await current.close();
  }
}
function jobOf(deployment, name) {
  const names = deployment.jobs.map((job) => job.name);
  if (name !== void 0) {
    const job = deployment.jobs.find((j) => j.name === name);
    if (job) return job;
    throw new UserError({
      where: "job",
      message: `the deployment of ${deployment.branch} has no job "${name}" (its jobs: ${names.join(", ") || "none"})`
    });
  }
  const [only, ...more] = deployment.jobs;
  if (only && more.length === 0) return only;
  throw new UserError({
    where: "job",
    message: only ? `is required: the deployment of ${deployment.branch} has several jobs (${names.join(", ")})` : `the deployment of ${deployment.branch} has no scheduled jobs`
  });
}

// src/cli/logs-command.ts
var DEFAULT_RUNS = 5;
var MAX_RUNS = 100;
function logsRequest(options, env) {
  const check = new FlagCheck();
  const connection = connectionRequest(options, check, env);
  const branch = check.value("branch", options.branch, checkBranchName);
  const job = check.value("job", options.job, checkJobName);
  const runs = check.value(
    "runs",
    options.runs,
    (text) => /^[1-9][0-9]*$/.test(text) && Number(text) <= MAX_RUNS ? null : `must be a number from 1 to ${MAX_RUNS}`
  );
  const choice = options.run === void 0 ? void 0 : parseRunChoice(options.run);
  if (choice && "problem" in choice) check.problems.push({ where: "--run", message: choice.problem });
  const repo = repoLocation(options, check, true);
  check.done();
  return {
    command: "logs",
    repo,
    branch,
    ...job ? { job } : {},
    runs: runs === void 0 ? DEFAULT_RUNS : Number(runs),
    ...choice && !("problem" in choice) ? { run: choice } : {},
    follow: options.follow === true,
    connection
  };
}
var logsCommand = async (context) => {
  const request = logsRequest(context.options, context.env);
  let shown;
  const outcome = await cancelOnSignal(
    (signal) => logs(request, {
      sink: new ConsoleLogSink(context.io.stderr, context.io.stderr),
      onListing: (listing2) => {
        shown = listing2;
        present(listing2, context);
      },
      onOutput: (chunk) => context.stream.write(chunk),
      onEvent: (event) => context.note(formatWatchEvent(event).text),
      signal,
      warn: context.warn
    })
  );
  if (outcome.kind === "failed") {
    context.note(`logs of ${request.branch}: ${failureMessage(outcome.run.report)}`);
    return { exitCode: 1, json: { error: failureMessage(outcome.run.report) } };
  }
  const listing = outcome.listing ?? shown;
  const json = { runs: listing?.runs ?? [], job: listing?.job, logPath: listing?.logPath };
  if (outcome.followed) {
    context.note(formatWatchOutcome(outcome.followed));
    return { exitCode: outcome.followed.succeeded ? 0 : 1, json };
  }
  const ok = outcome.listing.shown || outcome.listing.runs.length === 0 && !request.run;
  return { exitCode: ok ? 0 : 1, json };
};
function present(listing, { note, io }) {
  const title = `job ${listing.job} of ${listing.environment}`;
  if (listing.runs.length === 0) note(`${title}: no runs in Slurm's accounting yet`);
  else {
    const count = listing.runs.length === 1 ? "its last run" : `its last ${listing.runs.length} runs`;
    note(`${title}: ${count} (output file ${listing.logPath})`);
    for (const line of formatRunsTable(listing.runs)) io.stderr.write(`  ${line}
`);
  }
  const { chosen, shown } = listing;
  if (chosen && shown) note(formatShownRun(chosen, listing.logPath, shown));
  if (chosen && listing.following)
    note(
      `following run ${runLabel(chosen)} (started ${chosen.startTime ?? "?"}) to its end; Ctrl-C stops following, the job runs on`
    );
  if (listing.note) note(listing.note);
}
export {
  logsCommand,
  logsRequest
};
