import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-VD2ZTZES.js";
import "./chunk-LYOIW6W5.js";
import "./chunk-IID3PM2W.js";
import "./chunk-AR3CCN74.js";
import "./chunk-FAPM7Q7Q.js";
import "./chunk-6GBJ7CKH.js";
import "./chunk-SUL7XD5K.js";
import "./chunk-FJ7M6GUJ.js";
import "./chunk-UWB5F3KE.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
