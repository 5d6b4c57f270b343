import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  context,
  getOctokit
} from "./chunk-XHFS75U2.js";
import "./chunk-6ZFR4Q67.js";
import "./chunk-M7CMLPS4.js";
export {
  context,
  getOctokit
};
