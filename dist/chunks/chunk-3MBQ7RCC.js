import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

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
var ACTIVE_STATES = /* @__PURE__ */ new Set([
  "PENDING",
  "CONFIGURING",
  "RUNNING",
  "COMPLETING",
  "SUSPENDED",
  "STOPPED",
  "REQUEUED",
  "REQUEUE_HOLD",
  "REQUEUE_FED",
  "SPECIAL_EXIT",
  "RESV_DEL_HOLD",
  "RESIZING",
  "SIGNALING",
  "STAGE_OUT",
  "POWER_UP_NODE",
  "UPDATE_DB",
  "LAUNCH_FAILED",
  "RECONFIG_FAIL"
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
function isActiveState(state) {
  const name = typeof state === "string" ? parseJobState(state).name : state.name;
  return ACTIVE_STATES.has(name);
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

export {
  parseJobState,
  isFinalState,
  isActiveState,
  parseExitCode,
  jobResult,
  cronRunResult
};
