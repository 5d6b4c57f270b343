import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  deploymentStatuses,
  renderStatusText,
  statusJson
} from "./chunk-TQYPD6WO.js";
import {
  remoteRequest
} from "./chunk-F5GJ5DOL.js";
import "./chunk-ALHZLHVO.js";
import "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-LU4L74VK.js";
import "./chunk-LELRMFSV.js";
import "./chunk-3MBQ7RCC.js";
import "./chunk-TJ2K4MN2.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-E4XC3HTH.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/cli/status-command.ts
var statusCommand = async (context) => {
  const request = remoteRequest("status", context.options, context.env);
  const statuses = await cancelOnSignal(
    (signal) => deploymentStatuses(request, { sink: quietSink(context.warn), signal, warn: context.warn })
  );
  return {
    exitCode: statuses.every((s) => s.ok) ? 0 : 1,
    json: { status: statusJson(statuses) },
    text: renderStatusText(statuses)
  };
};
function quietSink(warn) {
  return { startGroup: () => {
  }, endGroup: () => {
  }, info: () => {
  }, warning: warn };
}
export {
  statusCommand
};
