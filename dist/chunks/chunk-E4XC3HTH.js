import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  shellQuote
} from "./chunk-Q6RAD52C.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/plan/payload.ts
function filesPayload(files) {
  const inDir = (file) => `"$dir"/${shellQuote(file)}`;
  const lines = ["sg_write_files() {", "  local dir=$1"];
  const dirs = [...new Set(files.map((f) => f.path.split("/").slice(0, -1).join("/")).filter(Boolean))];
  if (dirs.length > 0) lines.push(`  mkdir -p ${dirs.map(inDir).join(" ")}`);
  for (const file of files) {
    if (file.content.includes("\0"))
      throw new UserError({
        where: file.path,
        message: "holds a NUL byte, which no shell script can carry: remove it from its template"
      });
    lines.push(`  printf '%s' >${inDir(file.path)} ${shellQuote(file.content)}`);
  }
  for (const mode of [...new Set(files.map((f) => f.mode))]) {
    const paths2 = files.filter((f) => f.mode === mode).map((f) => inDir(f.path));
    lines.push(`  chmod ${mode.toString(8)} ${paths2.join(" ")}`);
  }
  lines.push("}");
  const paths = files.map((f) => f.path).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  lines.push(`SG_RENDERED_PATHS=(${paths.map(shellQuote).join(" ")})`);
  return `${lines.join("\n")}
`;
}
function composeScript(plan) {
  return `${filesPayload(plan.files)}${plan.script}`;
}

export {
  filesPayload,
  composeScript
};
