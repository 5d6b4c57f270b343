import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/action/constants.ts
var COMMANDS = ["plan", "deploy", "rollback", "sandbox", "watch", "cancel", "status"];
var AUTO_COMMAND = "auto";
var GITHUB_DEPLOYMENT_MODES = ["off", "create"];
var FAIL_ON_VERDICTS = ["out-of-sync", "degraded", "unknown"];
var DEFAULT_FAIL_ON = "out-of-sync,degraded";
var PLAN_COMMENT_MARKER = "<!-- slurm-gitops:plan -->";
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;

export {
  COMMANDS,
  AUTO_COMMAND,
  GITHUB_DEPLOYMENT_MODES,
  FAIL_ON_VERDICTS,
  DEFAULT_FAIL_ON,
  PLAN_COMMENT_MARKER,
  COMMENT_LIMIT,
  SUMMARY_LIMIT
};
