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
} from "./chunk-Z5Q72MRT.js";
import "./chunk-S2FNHHPG.js";
import "./chunk-WN62XRSB.js";
import "./chunk-CB5X53PT.js";
import "./chunk-YBEORZJU.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-PYPIXDYX.js";
import "./chunk-BEDVZGGL.js";
import "./chunk-5D6KF63Y.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-5OU57XYV.js";
import "./chunk-UWB5F3KE.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-M7CMLPS4.js";
export {
  cancelCommand,
  watchCommand,
  watchJson
};
