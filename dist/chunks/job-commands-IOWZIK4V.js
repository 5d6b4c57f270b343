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
} from "./chunk-YLFPE3JV.js";
import "./chunk-7PATJ6BS.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-76CH42AW.js";
import "./chunk-6XQHT7QZ.js";
import "./chunk-GYG67XIT.js";
import "./chunk-DRA3AVJW.js";
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
