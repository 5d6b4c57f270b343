import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  jobRequest
} from "./chunk-F5GJ5DOL.js";
import {
  cancel,
  formatWatchEvent,
  formatWatchOutcome,
  watch
} from "./chunk-JUJG4NQL.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";

// src/cli/job-commands.ts
function watchJson(outcome) {
  return Object.fromEntries(Object.entries(outcome).filter(([key]) => key !== "transport"));
}
var watchCommand = async (context) => {
  const request = jobRequest("watch", context.options, context.args, context.env);
  const outcome = await cancelOnSignal(
    (signal) => watch(request, {
      onOutput: (chunk) => context.stream.write(chunk),
      onEvent: (event) => context.note(formatWatchEvent(event).text),
      signal,
      warn: context.warn
    })
  );
  context.note(formatWatchOutcome(outcome));
  return { exitCode: outcome.succeeded ? 0 : 1, json: { job: watchJson(outcome) } };
};
var cancelCommand = async (context) => {
  const request = jobRequest("cancel", context.options, context.args, context.env);
  const outcome = await cancel(request, { warn: context.warn });
  context.note(outcome.message);
  return { exitCode: outcome.confirmed ? 0 : 1, json: { cancel: outcome } };
};

export {
  watchJson,
  watchCommand,
  cancelCommand
};
