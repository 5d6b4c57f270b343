import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-PDE5UWQ4.js";
import "./chunk-II6XKC4C.js";
import "./chunk-DSV3DVWD.js";
import "./chunk-OXQ3WO35.js";
import "./chunk-XOU5R3WP.js";
import "./chunk-HRYXPICL.js";
import "./chunk-KQQBCZHD.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
