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
} from "./chunk-5ABH347W.js";
import "./chunk-MQDLHLXN.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-2VAHGP62.js";
import "./chunk-UYOIEC4K.js";
import "./chunk-YBEORZJU.js";
import "./chunk-GYG67XIT.js";
import "./chunk-QQSL7CGS.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-RDROU2C6.js";
import "./chunk-KQQBCZHD.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  cancelCommand,
  watchCommand,
  watchJson
};
