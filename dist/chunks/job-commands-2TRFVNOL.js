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
} from "./chunk-DDTQUOUH.js";
import "./chunk-3Z3Y2H7Q.js";
import "./chunk-EJ5QDP5D.js";
import "./chunk-RELA2LKI.js";
import "./chunk-C5PCB4UU.js";
import "./chunk-AZZN4DSZ.js";
import "./chunk-IPDSN3UA.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-JHRBLRYT.js";
import "./chunk-IMMTGQZS.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  cancelCommand,
  watchCommand,
  watchJson
};
