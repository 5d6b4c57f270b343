import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-EYCSXAZO.js";
import "./chunk-3NV52SZW.js";
import "./chunk-FAPM7Q7Q.js";
import "./chunk-OHKKROXT.js";
import "./chunk-EFM4OBOZ.js";
import "./chunk-IID3PM2W.js";
import "./chunk-LQAKXK4E.js";
import "./chunk-ZPZUBPEO.js";
import "./chunk-ECP4B572.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-7HCDPS2C.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
