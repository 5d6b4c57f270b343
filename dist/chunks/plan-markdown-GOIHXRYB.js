import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planMarkdown,
  renderPlanMarkdown
} from "./chunk-2LSH7OWX.js";
import "./chunk-34O42TML.js";
import "./chunk-T6Q5DOKB.js";
import "./chunk-FOJC3CO2.js";
import "./chunk-WHPDAMMW.js";
import "./chunk-FAPM7Q7Q.js";
import "./chunk-RMOWAL2T.js";
import "./chunk-KKQ5VAXV.js";
import "./chunk-E4XC3HTH.js";
import "./chunk-IID3PM2W.js";
import "./chunk-WL4CDPLR.js";
import "./chunk-JZ56K4AU.js";
import "./chunk-TGMH7RKH.js";
import "./chunk-77AM224P.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-HOUED5BR.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";
export {
  planMarkdown,
  renderPlanMarkdown
};
