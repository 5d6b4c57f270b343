import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  shellQuote
} from "./chunk-KQQBCZHD.js";

// src/sandbox/slurm-time.ts
var TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
function slurmTimestamp(text) {
  const trimmed = text?.trim() ?? "";
  return TIMESTAMP.test(trimmed) ? trimmed : void 0;
}
function secondsBetween(from, to) {
  if (from === void 0 || to === void 0) return void 0;
  const a = asUtcSeconds(from);
  const b = asUtcSeconds(to);
  return a === void 0 || b === void 0 ? void 0 : b - a;
}
function asUtcSeconds(timestamp) {
  const m = TIMESTAMP.exec(timestamp);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1e3;
}
function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const pad = (n) => String(n).padStart(2, "0");
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor(s % 3600 / 60))}m`;
  return `${Math.floor(s / 86400)}d ${pad(Math.floor(s % 86400 / 3600))}h`;
}

// src/sandbox/job-state.ts
var FINAL_STATES = /* @__PURE__ */ new Set([
  "BOOT_FAIL",
  "CANCELLED",
  "COMPLETED",
  "DEADLINE",
  "FAILED",
  "NODE_FAIL",
  "OUT_OF_MEMORY",
  "PREEMPTED",
  "TIMEOUT",
  // a federated sibling started elsewhere: this cluster's copy will never run
  "REVOKED"
]);
function parseJobState(text) {
  const trimmed = text.trim();
  const match = /^([A-Z_]*)\+?(?:\s+by\s+(\S+))?/.exec(trimmed);
  const name = match?.[1] ?? "";
  const cancelledBy = match?.[2];
  return cancelledBy === void 0 ? { name, text: trimmed } : { name, text: trimmed, cancelledBy };
}
function isFinalState(state) {
  const name = typeof state === "string" ? parseJobState(state).name : state.name;
  return FINAL_STATES.has(name);
}
function parseExitCode(text) {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (!match) return void 0;
  return { code: Number(match[1]), signal: Number(match[2]) };
}
var SIGNAL_NAMES = {
  1: "SIGHUP",
  2: "SIGINT",
  6: "SIGABRT",
  9: "SIGKILL",
  11: "SIGSEGV",
  15: "SIGTERM"
};
function signalName(signal) {
  return SIGNAL_NAMES[signal] ?? `signal ${signal}`;
}
var STATE_MEANING = {
  FAILED: "the job script exited non-zero",
  TIMEOUT: "the job reached its time limit",
  CANCELLED: "the job was cancelled",
  OUT_OF_MEMORY: "the job ran out of memory",
  NODE_FAIL: "a node of the job failed",
  PREEMPTED: "the job was preempted",
  BOOT_FAIL: "a node of the job failed to boot",
  DEADLINE: "the job missed its deadline",
  REVOKED: "the job was revoked by its federation"
};
function jobResult(state, exit) {
  const exitText = exit ? `${exit.code}:${exit.signal}` : void 0;
  if (state.name === "COMPLETED" && (!exit || exit.code === 0 && exit.signal === 0)) {
    return { succeeded: true, summary: "COMPLETED", message: "COMPLETED: the job script exited with code 0" };
  }
  const showExit = exitText !== void 0 && (state.name === "FAILED" || state.name === "COMPLETED");
  const summary = showExit ? `${state.text} ${exitText}` : state.text || "UNKNOWN";
  const reasons = [];
  if (exit && exit.signal !== 0) reasons.push(`the job script was killed by ${signalName(exit.signal)}`);
  else if (exit && exit.code !== 0) reasons.push(`the job script exited with code ${exit.code}`);
  const meaning = STATE_MEANING[state.name];
  if (meaning && !(state.name === "FAILED" && reasons.length > 0)) reasons.unshift(meaning);
  if (state.name === "CANCELLED" && state.cancelledBy)
    reasons[0] = `the job was cancelled by uid ${state.cancelledBy}`;
  if (!isFinalState(state)) reasons.unshift("the job has not finished");
  return {
    succeeded: false,
    summary,
    message: reasons.length > 0 ? `${summary}: ${reasons.join("; ")}` : summary
  };
}
function cronRunResult(state, exit) {
  if (state.name !== "REQUEUED") return { ...jobResult(state, exit), over: isFinalState(state) };
  if (!exit)
    return {
      over: true,
      succeeded: false,
      summary: "REQUEUED",
      message: "REQUEUED: the run ended; its exit code is unknown"
    };
  const requeued = "requeued for its next run";
  if (exit.code === 0 && exit.signal === 0) {
    return {
      over: true,
      succeeded: true,
      summary: "COMPLETED",
      message: `COMPLETED: the run exited with code 0 (${requeued})`
    };
  }
  const how = exit.signal !== 0 ? `the run was killed by ${signalName(exit.signal)}${exit.signal === 15 ? " (its time limit, or a cancel)" : ""}` : `the run exited with code ${exit.code}`;
  const summary = exit.signal !== 0 ? `KILLED ${exit.code}:${exit.signal}` : `FAILED ${exit.code}:${exit.signal}`;
  return { over: true, succeeded: false, summary, message: `${summary}: ${how} (${requeued})` };
}

// src/sandbox/slurm-queries.ts
function checkJobId(value) {
  if (/^[1-9][0-9]{0,9}$/.test(value)) return null;
  return `job id ${JSON.stringify(value)} is not a Slurm job id; use the number sbatch printed, e.g. 12345`;
}
function jobIdWord(jobId) {
  const problem = checkJobId(jobId);
  if (problem) throw new Error(problem);
  return jobId;
}
var SQUEUE_FIELDS = ["%i", "%T", "%r", "%V", "%S", "%N", "%u", "%l", "%j"];
function squeueCommand(jobId) {
  return `squeue -h -j ${jobIdWord(jobId)} -o ${shellQuote(SQUEUE_FIELDS.join("|"))}`;
}
function parseSqueue(jobId, result) {
  if (result.code !== 0) {
    if (/Invalid job id/i.test(result.stderr)) return { kind: "unlisted" };
    return { kind: "error", message: failure("squeue", result) };
  }
  for (const line of result.stdout.split("\n")) {
    const fields = line.split("|");
    if (fields.length < SQUEUE_FIELDS.length || fields[0] !== jobId) continue;
    const [id, state, reason, submit, start, node, user, timeLimit] = fields;
    return {
      kind: "listed",
      entry: {
        jobId: id,
        state: parseJobState(state),
        reason,
        ...optional("submitTime", slurmTimestamp(submit)),
        ...optional("startTime", slurmTimestamp(start)),
        ...optional("node", nodeList(node)),
        user,
        timeLimit,
        name: fields.slice(SQUEUE_FIELDS.length - 1).join("|")
      }
    };
  }
  return { kind: "unlisted" };
}
var SACCT_FIELDS = [
  "JobID",
  "State",
  "ExitCode",
  "Submit",
  "Start",
  "End",
  "NodeList",
  "User",
  "Reason",
  "Timelimit",
  "JobName"
];
function sacctCommand(jobId, startTime, options = {}) {
  const since = startTime === void 0 ? "" : ` --starttime ${shellQuote(checkedTimestamp(startTime))}`;
  const every = options.everyRun ? " -D" : "";
  return `sacct -X${every} -n -P -j ${jobIdWord(jobId)}${since} -o ${SACCT_FIELDS.join(",")}`;
}
function checkedTimestamp(value) {
  const timestamp = slurmTimestamp(value);
  if (timestamp === void 0) throw new Error(`${JSON.stringify(value)} is not a Slurm timestamp`);
  return timestamp;
}
function parseSacct(jobId, result, notBefore, pick = "latest") {
  if (result.code !== 0) return { kind: "error", message: failure("sacct", result) };
  let best;
  for (const line of result.stdout.split("\n")) {
    const fields = line.split("|");
    if (fields.length < SACCT_FIELDS.length || fields[0] !== jobId) continue;
    const [id, state, exit, submit, start, end, node, user, reason, timeLimit] = fields;
    const record = {
      jobId: id,
      state: parseJobState(state),
      ...optional("exit", parseExitCode(exit)),
      ...optional("submitTime", slurmTimestamp(submit)),
      ...optional("startTime", slurmTimestamp(start)),
      ...optional("endTime", slurmTimestamp(end)),
      ...optional("node", nodeList(node)),
      user,
      reason,
      timeLimit,
      name: fields.slice(SACCT_FIELDS.length - 1).join("|")
    };
    if (notBefore !== void 0 && (record.submitTime ?? "") < notBefore) continue;
    const later = (record.submitTime ?? "") >= (best?.submitTime ?? "");
    if (!best || (pick === "latest" ? later : !later)) best = record;
  }
  return best ? { kind: "recorded", record: best } : { kind: "unrecorded" };
}
function scancelCommand(jobId) {
  return `scancel ${jobIdWord(jobId)}`;
}
function scontrolShowJobCommand(jobId) {
  return `scontrol show job -o ${jobIdWord(jobId)}`;
}
function parseScontrolShowJob(jobId, result) {
  if (result.code !== 0) {
    if (/Invalid job id/i.test(result.stderr)) return { kind: "unlisted" };
    return { kind: "error", message: failure("scontrol", result) };
  }
  for (const line of result.stdout.split("\n")) {
    const fields = {};
    let last;
    for (const word of line.trim().split(/ +/)) {
      const eq = word.indexOf("=");
      if (eq > 0 && /^[A-Za-z][A-Za-z0-9_:/]*$/.test(word.slice(0, eq))) {
        last = word.slice(0, eq);
        fields[last] = word.slice(eq + 1);
      } else if (last !== void 0 && word !== "") {
        fields[last] += ` ${word}`;
      }
    }
    if (fields.JobId === jobId) return { kind: "listed", fields };
  }
  return { kind: "unlisted" };
}
function userName(userId) {
  return userId.replace(/\(\d+\)$/, "");
}
function nodeList(text) {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" || trimmed === "None assigned" || trimmed === "(null)" ? void 0 : trimmed;
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function failure(command, result) {
  const text = (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-3).join(" / ");
  const status = result.code === null ? "was interrupted" : `exited ${result.code}`;
  return `${command} ${status}${text ? `: ${text}` : ""}`;
}

export {
  parseJobState,
  isFinalState,
  parseExitCode,
  jobResult,
  cronRunResult,
  slurmTimestamp,
  secondsBetween,
  formatDuration,
  checkJobId,
  squeueCommand,
  parseSqueue,
  sacctCommand,
  parseSacct,
  scancelCommand,
  scontrolShowJobCommand,
  parseScontrolShowJob,
  userName
};
