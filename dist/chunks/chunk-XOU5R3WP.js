import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  shellQuote
} from "./chunk-KQQBCZHD.js";

// src/plan/payload.ts
import { createHash } from "node:crypto";
function filesPayload(files) {
  const lines = ["sg_write_files() {", "  local dir=$1"];
  const dirs = [...new Set(files.map((f) => f.path.split("/").slice(0, -1).join("/")).filter(Boolean))];
  for (const dir of dirs) lines.push(`  mkdir -p "$dir"/${shellQuote(dir)}`);
  for (const file of files) {
    const delimiter = heredocDelimiter(file.content);
    const target = `"$dir"/${shellQuote(file.path)}`;
    lines.push(`  cat >${target} <<'${delimiter}'`, file.content + delimiter);
    lines.push(`  chmod ${file.mode.toString(8)} ${target}`);
  }
  lines.push("}");
  return `${lines.join("\n")}
`;
}
function composeScript(plan) {
  return `${filesPayload(plan.files)}${plan.script}`;
}
function heredocDelimiter(content) {
  const lines = new Set(content.split("\n"));
  let delimiter = `SG_EOF_${createHash("sha256").update(content).digest("hex").slice(0, 12)}`;
  while (lines.has(delimiter)) delimiter += "_";
  return delimiter;
}

export {
  filesPayload,
  composeScript
};
