import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  slurmTimestamp
} from "./chunk-VBNEW65A.js";
import {
  parseExitCode,
  parseJobState
} from "./chunk-3MBQ7RCC.js";
import {
  shellQuote
} from "./chunk-Q6RAD52C.js";

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
  checkJobId,
  squeueCommand,
  parseSqueue,
  sacctCommand,
  parseSacct,
  scancelCommand,
  scontrolShowJobCommand,
  parseScontrolShowJob,
  userName,
  nodeList
};
