import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-I5MCVAR2.js";
import "./chunk-KECFKRZ7.js";
import "./chunk-VBSQYLB5.js";
import "./chunk-Q4DL3ZLJ.js";
import "./chunk-2YT6VPHG.js";
import "./chunk-JHRBLRYT.js";
import "./chunk-IMMTGQZS.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
