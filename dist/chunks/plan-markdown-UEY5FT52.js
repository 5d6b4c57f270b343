import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-SEIWY65B.js";
import "./chunk-B4L6Q5M3.js";
import "./chunk-IID3PM2W.js";
import "./chunk-NCVN4ZJN.js";
import "./chunk-FAPM7Q7Q.js";
import "./chunk-6YEXCR2O.js";
import "./chunk-XOU5R3WP.js";
import "./chunk-RDROU2C6.js";
import "./chunk-KQQBCZHD.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
