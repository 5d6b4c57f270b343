import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import "./chunks/chunk-SWQI6JLJ.js";
import {
  getState,
  saveState
} from "./chunks/chunk-NKJGWXBT.js";
import "./chunks/chunk-M7CMLPS4.js";

// src/index.ts
if (getState("isPost" /* IsPost */) === "true") {
  const { runPost } = await import("./chunks/main-444VI6JK.js");
  await runPost();
} else {
  saveState("isPost" /* IsPost */, "true");
  const { run } = await import("./chunks/main-444VI6JK.js");
  await run();
}
process.exit();
