import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  comparableFiles
} from "./chunk-RMOWAL2T.js";

// src/plan/plan-fingerprint.ts
import { createHash } from "node:crypto";
var FILE_HASH_LENGTH = 16;
function planFingerprint(plan) {
  const whole = createHash("sha256");
  const files = {};
  for (const file of comparableFiles(plan)) {
    const entry = `${file.path}\0${file.mode.toString(8)}\0${file.content}\0`;
    whole.update(entry);
    files[file.path] = createHash("sha256").update(`${file.mode.toString(8)}\0${file.content}`).digest("hex").slice(0, FILE_HASH_LENGTH);
  }
  return { plan: whole.digest("hex"), files };
}
function compareFingerprints(reviewed, deployed) {
  const changed = [];
  const added = [];
  for (const [path, hash] of Object.entries(deployed.files)) {
    const before = reviewed.files[path];
    if (before === void 0) added.push(path);
    else if (before !== hash) changed.push(path);
  }
  const removed = Object.keys(reviewed.files).filter((path) => !(path in deployed.files));
  return { same: reviewed.plan === deployed.plan, changed, added, removed };
}

export {
  planFingerprint,
  compareFingerprints
};
