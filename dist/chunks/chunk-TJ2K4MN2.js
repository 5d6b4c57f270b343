import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  shellQuote
} from "./chunk-Q6RAD52C.js";

// src/exec/markers.ts
import { randomBytes } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
function newNonce() {
  return randomBytes(16).toString("hex");
}
function isValidNonce(nonce) {
  return /^[0-9a-f]{32}$/.test(nonce);
}
function markerPrefix(nonce) {
  return `::sg-${nonce}::`;
}
var MAX_LINE_CHARS = 64 * 1024;
function parseLine(line, nonce) {
  const prefix = markerPrefix(nonce);
  if (!line.startsWith(prefix)) return { kind: "line", text: line };
  const rest = line.slice(prefix.length);
  const space = rest.indexOf(" ");
  const verb = space === -1 ? rest : rest.slice(0, space);
  const args = space === -1 ? "" : rest.slice(space + 1);
  switch (verb) {
    case "begin":
      if (args.trim() !== "") return { kind: "begin", step: args.trim() };
      break;
    case "end": {
      const m = /^(.+?) (-?\d+) (\d+)$/.exec(args.trim());
      if (m) return { kind: "end", step: m[1], exitCode: Number(m[2]), durationMs: Number(m[3]) };
      break;
    }
    case "result": {
      const eq = args.indexOf("=");
      if (eq > 0) return { kind: "result", key: args.slice(0, eq).trim(), value: args.slice(eq + 1) };
      break;
    }
    case "warning":
      if (args.trim() !== "") return { kind: "warning", text: args.trim() };
      break;
    case "exit":
      if (/^-?\d+$/.test(args.trim())) return { kind: "exit", exitCode: Number(args.trim()) };
      break;
  }
  return { kind: "line", text: line };
}
var MarkerParser = class {
  constructor(nonce) {
    this.nonce = nonce;
  }
  nonce;
  decoder = new StringDecoder("utf8");
  pending = "";
  push(chunk) {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    const events = [];
    let newline;
    while ((newline = this.pending.indexOf("\n")) !== -1) {
      events.push(this.lineEvent(this.pending.slice(0, newline)));
      this.pending = this.pending.slice(newline + 1);
    }
    if (this.pending.length > MAX_LINE_CHARS) {
      events.push(this.lineEvent(this.pending));
      this.pending = "";
    }
    return events;
  }
  end() {
    this.pending += this.decoder.end();
    const events = this.pending === "" ? [] : [this.lineEvent(this.pending)];
    this.pending = "";
    return events;
  }
  lineEvent(line) {
    return parseLine(line.endsWith("\r") ? line.slice(0, -1) : line, this.nonce);
  }
};

// src/exec/executor.ts
var NO_COMPLETION = "the remote script ended without reporting completion (connection lost?)";
function runVariableName(field) {
  return "SG_" + field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
function buildStdin(script, params) {
  const preamble = Object.entries(params).sort(([a], [b]) => a.localeCompare(b)).map(([field, value]) => {
    if (typeof value !== "string") throw new Error(`run parameter ${field} must be a string`);
    return `readonly ${runVariableName(field)}=${shellQuote(value)}
`;
  }).join("");
  return `${preamble}{
${script}
} </dev/null
`;
}
var Tail = class {
  constructor(size) {
    this.size = size;
  }
  size;
  lines = [];
  push(line) {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }
  get value() {
    return [...this.lines];
  }
};
async function execute(transport, script, params, sink, opts) {
  if (!isValidNonce(params.nonce)) {
    throw new Error("the run nonce must be 32 lowercase hex characters; use newNonce()");
  }
  const started = Date.now();
  const tailLines = opts.tailLines ?? 30;
  const steps = [];
  const results = {};
  const warnings = [];
  const overallTail = new Tail(tailLines);
  const openSteps = /* @__PURE__ */ new Map();
  let currentGroup;
  let exitMarker;
  let timedOut = false;
  let cancelled = false;
  let problem;
  if (opts.signal?.aborted) {
    return {
      exitCode: 130,
      steps,
      results,
      warnings,
      timedOut,
      cancelled: true,
      completed: false,
      problem: "the run was cancelled before the script started",
      durationMs: 0,
      tail: []
    };
  }
  const abort = new AbortController();
  const detach = new AbortController();
  let exitGraceTimer;
  let detached = false;
  const timer = setTimeout(() => {
    timedOut = true;
    sink.warning(`the remote script timed out after ${opts.timeoutSeconds} s; stopping it (TERM, then KILL)`);
    abort.abort();
  }, opts.timeoutSeconds * 1e3);
  const onCancel = () => {
    if (timedOut || exitMarker !== void 0) return;
    cancelled = true;
    sink.warning("the run was cancelled; stopping the remote script (TERM, then KILL)");
    abort.abort();
  };
  opts.signal?.addEventListener("abort", onCancel, { once: true });
  const closeGroup = () => {
    if (currentGroup !== void 0) sink.endGroup();
    currentGroup = void 0;
  };
  const handle = (event) => {
    switch (event.kind) {
      case "line": {
        overallTail.push(event.text);
        const step = currentGroup !== void 0 ? openSteps.get(currentGroup) : void 0;
        step?.tail.push(event.text);
        sink.info(event.text);
        break;
      }
      case "begin":
        closeGroup();
        openSteps.set(event.step, { started: Date.now(), tail: new Tail(tailLines) });
        sink.startGroup(event.step);
        currentGroup = event.step;
        break;
      case "end": {
        const open = openSteps.get(event.step);
        openSteps.delete(event.step);
        steps.push({
          name: event.step,
          exitCode: event.exitCode,
          durationMs: event.durationMs,
          tail: open?.tail.value ?? [],
          completed: true
        });
        if (currentGroup === event.step) closeGroup();
        break;
      }
      case "result":
        results[event.key] = event.value;
        break;
      case "warning":
        warnings.push(event.text);
        sink.warning(event.text);
        break;
      case "exit":
        exitMarker = event.exitCode;
        clearTimeout(timer);
        exitGraceTimer ??= setTimeout(() => {
          detached = true;
          detach.abort();
        }, opts.exitGraceMs ?? 2e3);
        break;
    }
  };
  const parser = new MarkerParser(params.nonce);
  let result = { exitCode: null, signal: null };
  try {
    result = await transport.runScript({
      stdin: buildStdin(script, params),
      loginShell: opts.loginShell,
      onOutput: (chunk) => parser.push(chunk).forEach(handle),
      signal: abort.signal,
      detach: detach.signal
    });
  } catch (err) {
    problem = `could not run the script on ${transport.description}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    clearTimeout(timer);
    clearTimeout(exitGraceTimer);
    opts.signal?.removeEventListener("abort", onCancel);
  }
  parser.end().forEach(handle);
  closeGroup();
  if (detached && !cancelled && !timedOut) {
    sink.warning(
      "the script finished, but a background process it started still holds its output open; not waiting for it (redirect its output, e.g. `nohup cmd >log 2>&1 &`, to silence this)"
    );
  }
  let exitCode;
  if (timedOut) {
    exitCode = 124;
    problem ??= `the remote script timed out after ${opts.timeoutSeconds} s and was stopped`;
  } else if (cancelled) {
    exitCode = 130;
    problem ??= "the run was cancelled and the remote script was stopped";
  } else if (exitMarker !== void 0) {
    exitCode = exitMarker !== 0 ? exitMarker : result.exitCode ?? 0;
  } else {
    exitCode = result.exitCode !== null && result.exitCode !== 0 ? result.exitCode : 255;
    problem ??= NO_COMPLETION;
  }
  for (const [name, open] of openSteps) {
    steps.push({
      name,
      exitCode: exitCode === 0 ? 255 : exitCode,
      durationMs: Date.now() - open.started,
      tail: open.tail.value,
      completed: false
    });
  }
  const failedStep = steps.find((s) => s.exitCode !== 0);
  if (failedStep && exitCode === 0) {
    sink.warning(
      `the script reported success, but step "${failedStep.name}" failed; treating the run as failed`
    );
    exitCode = failedStep.exitCode;
  }
  return {
    exitCode,
    steps,
    results,
    warnings,
    ...failedStep ? { failedStep } : {},
    timedOut,
    cancelled,
    completed: exitMarker !== void 0,
    ...problem !== void 0 ? { problem } : {},
    durationMs: Date.now() - started,
    tail: overallTail.value
  };
}
function succeeded(report) {
  return report.exitCode === 0 && report.completed && !report.timedOut && !report.cancelled;
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}
function withTail(text, tail) {
  return tail.length > 0 ? `${text}:
${tail.join("\n")}` : text;
}
function failureMessage(report) {
  if (succeeded(report)) return "";
  const step = report.failedStep;
  if (report.problem !== void 0) {
    const where = step ? ` during step "${step.name}" (after ${seconds(step.durationMs)})` : "";
    const code = report.timedOut || report.cancelled ? "" : ` (exit code ${report.exitCode})`;
    return withTail(`${report.problem}${code}${where}`, step?.tail ?? report.tail);
  }
  if (step) {
    return withTail(
      `step "${step.name}" failed with exit code ${step.exitCode} after ${seconds(step.durationMs)}`,
      step.tail
    );
  }
  return withTail(`the remote script failed with exit code ${report.exitCode}`, report.tail);
}

export {
  newNonce,
  execute,
  succeeded,
  failureMessage
};
