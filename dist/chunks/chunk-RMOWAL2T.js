import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  RENDERED_DIR
} from "./chunk-KKQ5VAXV.js";

// src/plan/comparable-files.ts
var SCRIPT_PATH = "deploy script";
function comparableFiles(plan) {
  if (!plan) return [];
  return [
    ...plan.files.map((file) => ({ ...file, path: `${RENDERED_DIR}/${file.path}` })),
    // The requirements decide the venv: a dependency change shows in the plan.
    ...plan.inputs.map((file) => ({ ...file, path: `${file.path}${INPUT_SUFFIX}` })),
    { path: SCRIPT_PATH, mode: 0, content: withoutFingerprint(plan) }
  ];
}
var INPUT_SUFFIX = " (venv)";
var FINGERPRINT_PLACEHOLDER = "<fingerprint of the rendered files>";
function withoutFingerprint(plan) {
  return plan.fingerprint ? plan.script.split(plan.fingerprint).join(FINGERPRINT_PLACEHOLDER) : plan.script;
}

export {
  SCRIPT_PATH,
  comparableFiles,
  INPUT_SUFFIX
};
