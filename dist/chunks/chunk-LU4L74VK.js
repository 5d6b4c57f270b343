import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  clusterTimeZone
} from "./chunk-LELRMFSV.js";

// src/status/facts.ts
function statusFacts(results) {
  const value = (key) => results[key];
  const decoded = (key) => {
    const text = value(key);
    return text === void 0 ? void 0 : Buffer.from(text, "base64").toString("utf8");
  };
  const none = (text) => text === void 0 || text === "-" ? "" : text;
  const current = value("current");
  const files = value("release-files");
  const links = value("stable-links");
  const clock = Number(value("clock"));
  return {
    sha: none(value("sha")),
    current: current === "complete" || current === "incomplete" || current === "missing" ? current : void 0,
    release: value("release") ?? "",
    liveSinceMs: epochMs(value("live-since")),
    releaseBlock: decoded("release-block"),
    tableBlock: decoded("scrontab-block"),
    tableError: value("scrontab-error"),
    goingLive: value("golive") === void 0 ? void 0 : none(value("golive")),
    repaired: value("repaired") ?? "",
    releaseFiles: files === "verified" || files === "changed" || files === "unverifiable" ? files : void 0,
    changedFiles: parseChangedFiles(value("changed-files") ?? ""),
    staleLinks: links === void 0 ? void 0 : links === "ok" ? [] : links.split(/\s+/).filter(Boolean),
    clockMs: value("clock") !== void 0 && Number.isFinite(clock) ? clock * 1e3 : void 0,
    timeZone: clusterTimeZone(value("time-zone") ?? "", value("utc-offset") ?? ""),
    queue: rows(decoded("queue"), queuedJob),
    queueError: value("queue-error"),
    runs: rows(decoded("runs"), runRecord),
    runsError: value("runs-error")
  };
}
function parseChangedFiles(text) {
  return text.split(/\s+/).map((token) => /^(modified|missing|added):(.+)$/.exec(token)).filter((match) => match !== null).map((match) => ({ change: match[1], path: match[2] }));
}
function rows(text, read) {
  if (text === void 0) return void 0;
  return text.split("\n").filter((line) => line.trim() !== "").map((line) => read(line.split("|")));
}
function queuedJob([jobId = "", name = "", state = "", start, submit, reason = ""]) {
  return { jobId, name, state, startMs: epochMs(start), submitMs: epochMs(submit), reason };
}
function runRecord([
  jobId = "",
  name = "",
  state = "",
  exitCode = "",
  submit,
  start,
  end,
  elapsed,
  limit,
  nodes = ""
]) {
  return {
    jobId,
    name,
    state,
    exitCode,
    submitMs: epochMs(submit),
    startMs: epochMs(start),
    endMs: epochMs(end),
    elapsedSeconds: durationSeconds(elapsed),
    timeLimitSeconds: durationSeconds(limit),
    nodes
  };
}
function epochMs(text) {
  return text !== void 0 && /^\d+$/.test(text.trim()) ? Number(text.trim()) * 1e3 : void 0;
}
function durationSeconds(text) {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)(?:\.\d+)?$/.exec(text?.trim() ?? "");
  if (!match) return void 0;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

export {
  statusFacts
};
