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
} from "./chunk-Q7YCAXZS.js";
import {
  remoteRequest
} from "./chunk-WN62XRSB.js";
import "./chunk-CB5X53PT.js";
import "./chunk-YBEORZJU.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-IID3PM2W.js";
import "./chunk-TXNANAJC.js";
import "./chunk-XAWKM6ZC.js";
import {
  cancelOnSignal
} from "./chunk-BEDVZGGL.js";
import "./chunk-IKJHFC47.js";
import "./chunk-3X5YAYSW.js";
import "./chunk-5D6KF63Y.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-52CWS7GZ.js";
import "./chunk-5OU57XYV.js";
import "./chunk-UWB5F3KE.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-QU7PBZDS.js";
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
