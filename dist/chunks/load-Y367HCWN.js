import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  parseConfig,
  readConfig,
  validateConfig
} from "./chunk-QW54H74R.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-T4AKZR3M.js";
import "./chunk-TXP6LEHF.js";
import "./chunk-WL4CDPLR.js";
import "./chunk-JZ56K4AU.js";
import "./chunk-TGMH7RKH.js";
import "./chunk-77AM224P.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  DEFAULT_CONFIG_PATH,
  parseConfig,
  readConfig,
  validateConfig
};
