import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkSandboxName
} from "./chunk-ECP4B572.js";

// src/validate/time-limit.ts
var FORMS = '"minutes", "minutes:seconds", "hours:minutes:seconds" or "days-hours[:minutes[:seconds]]", e.g. "90", "1:30:00", "2-00:00:00"';
var UNLIMITED = /* @__PURE__ */ new Set(["unlimited", "infinite"]);
function checkTimeLimit(value, options = {}) {
  if (UNLIMITED.has(value.toLowerCase())) {
    return options.allowUnlimited ? null : `time ${JSON.stringify(value)} is not allowed here; a job needs a finite time limit: ${FORMS}`;
  }
  const parts = parse(value);
  if (typeof parts === "string") return parts;
  if (toSeconds(parts) === 0) {
    return `time ${JSON.stringify(value)} is zero, which Slurm reads as no limit at all; give a positive time: ${FORMS}`;
  }
  return null;
}
function timeLimitMinutes(value) {
  if (UNLIMITED.has(value.toLowerCase())) return Infinity;
  const parts = parse(value);
  if (typeof parts === "string") throw new Error(parts);
  return Math.ceil(toSeconds(parts) / 60);
}
function toSeconds(p) {
  return ((p.days * 24 + p.hours) * 60 + p.minutes) * 60 + p.seconds;
}
function parse(value) {
  const bad = `time ${JSON.stringify(value)} is not a Slurm time limit; use ${FORMS}`;
  if (!/^[0-9:-]+$/.test(value)) return bad;
  const dash = value.split("-");
  if (dash.length > 2) return bad;
  const [daysText, clock] = dash.length === 2 ? dash : [void 0, dash[0]];
  const fields = clock.split(":");
  if (daysText !== void 0 && !/^\d+$/.test(daysText) || fields.some((f) => !/^\d+$/.test(f))) return bad;
  const n = fields.map(Number);
  let parts;
  if (daysText !== void 0) {
    if (n.length > 3) return bad;
    const [hours = 0, minutes = 0, seconds = 0] = n;
    parts = { days: Number(daysText), hours, minutes, seconds };
  } else if (n.length === 1) {
    parts = { days: 0, hours: 0, minutes: n[0], seconds: 0 };
  } else if (n.length === 2) {
    parts = { days: 0, hours: 0, minutes: n[0], seconds: n[1] };
  } else if (n.length === 3) {
    parts = { days: 0, hours: n[0], minutes: n[1], seconds: n[2] };
  } else {
    return bad;
  }
  const leading = daysText !== void 0 ? "days" : n.length === 3 ? "hours" : "minutes";
  const limits = [
    ["hours", 23],
    ["minutes", 59],
    ["seconds", 59]
  ];
  for (const [unit, max] of limits) {
    if (unit !== leading && parts[unit] > max) {
      return `time ${JSON.stringify(value)} has ${parts[unit]} ${unit}; ${unit} after the first part must be 0-${max} (${FORMS})`;
    }
  }
  return parts;
}

// src/sandbox/job-name.ts
var SANDBOX_ENVIRONMENT = "sandbox";
var RUN_ID = /^[0-9]{1,20}$/;
var SHORT_SHA = /^[0-9a-f]{7,12}$/;
function sandboxJobName(run) {
  const problem = checkSandboxName(run.sandbox) ?? (RUN_ID.test(run.runId) ? null : `run id ${JSON.stringify(run.runId)} must be 1-20 digits`) ?? (SHORT_SHA.test(run.shortSha) ? null : `short sha ${JSON.stringify(run.shortSha)} must be 7-12 hex digits`);
  if (problem) throw new Error(problem);
  return `${sandboxJobPrefix(run.project)}${run.sandbox}-${run.runId}-${run.shortSha}`;
}
function sandboxJobPrefix(project) {
  return `${project}-${SANDBOX_ENVIRONMENT}-`;
}
function parseSandboxJobName(project, name) {
  const prefix = sandboxJobPrefix(project);
  if (!name.startsWith(prefix)) return void 0;
  const match = /^(.+)-([0-9]{1,20})-([0-9a-f]{7,12})$/.exec(name.slice(prefix.length));
  if (!match) return void 0;
  const [, sandbox, runId, shortSha] = match;
  if (checkSandboxName(sandbox)) return void 0;
  return { project, sandbox, runId, shortSha };
}

export {
  checkTimeLimit,
  timeLimitMinutes,
  SANDBOX_ENVIRONMENT,
  sandboxJobName,
  sandboxJobPrefix,
  parseSandboxJobName
};
