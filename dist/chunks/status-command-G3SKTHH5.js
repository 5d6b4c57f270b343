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
} from "./chunk-XPE3R5DB.js";
import {
  remoteRequest
} from "./chunk-MQDLHLXN.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-IID3PM2W.js";
import "./chunk-ZMXEZCLK.js";
import "./chunk-UYOIEC4K.js";
import "./chunk-YBEORZJU.js";
import "./chunk-NSGISG7H.js";
import {
  cancelOnSignal
} from "./chunk-GYG67XIT.js";
import "./chunk-6JOAB73B.js";
import "./chunk-QQSL7CGS.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-XOU5R3WP.js";
import "./chunk-RDROU2C6.js";
import "./chunk-KQQBCZHD.js";
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
