import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-AKMNFYX2.js";
import "./chunk-P3MKN4IV.js";
import "./chunk-FAPM7Q7Q.js";
import "./chunk-2YGB72MW.js";
import "./chunk-KGJCK2UO.js";
import "./chunk-IID3PM2W.js";
import "./chunk-OTKACETV.js";
import "./chunk-NMJWXLEI.js";
import "./chunk-UWB5F3KE.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
