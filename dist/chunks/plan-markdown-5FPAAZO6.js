import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-WML6RBK5.js";
import "./chunk-WUISKNHW.js";
import "./chunk-IID3PM2W.js";
import "./chunk-PWZX4AEY.js";
import "./chunk-FAPM7Q7Q.js";
import "./chunk-LDMK3LMK.js";
import "./chunk-52CWS7GZ.js";
import "./chunk-5OU57XYV.js";
import "./chunk-UWB5F3KE.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
