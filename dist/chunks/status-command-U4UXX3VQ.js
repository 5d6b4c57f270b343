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
} from "./chunk-GGOMMLCU.js";
import "./chunk-4U53DJDP.js";
import "./chunk-K6PC2DI3.js";
import {
  cancelOnSignal
} from "./chunk-BEDVZGGL.js";
import {
  remoteRequest
} from "./chunk-UCGBJMGF.js";
import "./chunk-ZFECGE24.js";
import "./chunk-YBEORZJU.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-HX4TIH2L.js";
import "./chunk-YU2UOH5A.js";
import "./chunk-GITBT6ZC.js";
import "./chunk-T4AKZR3M.js";
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
