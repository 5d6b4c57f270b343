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
} from "./chunk-RZJLJPIJ.js";
import "./chunk-5E6XZROY.js";
import "./chunk-PYPIXDYX.js";
import "./chunk-BEDVZGGL.js";
import "./chunk-UCGBJMGF.js";
import "./chunk-ZFECGE24.js";
import "./chunk-YBEORZJU.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-GITBT6ZC.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-ZPZUBPEO.js";
import "./chunk-ECP4B572.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  cancelCommand,
  watchCommand,
  watchJson
};
