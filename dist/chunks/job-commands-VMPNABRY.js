import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  cancelCommand,
  watchCommand,
  watchJson
} from "./chunk-N7UVR6J2.js";
import "./chunk-F5GJ5DOL.js";
import "./chunk-JUJG4NQL.js";
import "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-PYPIXDYX.js";
import "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-3MBQ7RCC.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-77AM224P.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  cancelCommand,
  watchCommand,
  watchJson
};
