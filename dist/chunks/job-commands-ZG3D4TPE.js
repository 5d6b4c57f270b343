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
} from "./chunk-7M4RXZXJ.js";
import "./chunk-UM7HJFQM.js";
import "./chunk-VET3LPMG.js";
import "./chunk-EBNVFIXW.js";
import "./chunk-MFFFLOYC.js";
import "./chunk-GYG67XIT.js";
import "./chunk-WPQKMDVZ.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-HRYXPICL.js";
import "./chunk-KQQBCZHD.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  cancelCommand,
  watchCommand,
  watchJson
};
