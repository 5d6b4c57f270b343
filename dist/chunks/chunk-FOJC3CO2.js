import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  record,
  strictObject,
  string
} from "./chunk-JZ56K4AU.js";

// src/report/plan-record.ts
var PREFIX = "<!-- slurm-gitops:reviewed-plan v1 ";
var SUFFIX = " -->";
var hex = (length) => string().regex(length ? new RegExp(`^[0-9a-f]{${length}}$`) : /^[0-9a-f]+$/);
var recordSchema = strictObject({
  head: hex(40).optional(),
  base: hex(40).optional(),
  deployments: record(
    string().max(200),
    strictObject({ plan: hex(64), files: record(string().max(300), hex(16)) })
  )
});
function encodePlanRecord(record2) {
  const json = JSON.stringify(record2).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `${PREFIX}${json}${SUFFIX}`;
}
function decodePlanRecord(body) {
  const line = body.split("\n").find((l) => l.startsWith(PREFIX) && l.endsWith(SUFFIX));
  if (!line) return void 0;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(line.slice(PREFIX.length, -SUFFIX.length)));
    return parsed.success ? parsed.data : void 0;
  } catch {
    return void 0;
  }
}

export {
  encodePlanRecord,
  decodePlanRecord
};
