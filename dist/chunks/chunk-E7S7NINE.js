import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  endGroup,
  info,
  startGroup,
  warning
} from "./chunk-NKJGWXBT.js";

// src/action/action-log-sink.ts
import { randomBytes } from "node:crypto";
var ActionLogSink = class {
  token = randomBytes(16).toString("hex");
  stopped = false;
  stopCommands() {
    if (this.stopped) return;
    process.stdout.write(`::stop-commands::${this.token}
`);
    this.stopped = true;
  }
  resumeCommands() {
    if (!this.stopped) return;
    process.stdout.write(`::${this.token}::
`);
    this.stopped = false;
  }
  startGroup(title) {
    this.resumeCommands();
    startGroup(title);
  }
  endGroup() {
    this.resumeCommands();
    endGroup();
  }
  info(line) {
    this.stopCommands();
    info(line);
  }
  warning(message) {
    this.resumeCommands();
    warning(message);
  }
  /** Switches workflow commands back on; call when the remote run is over. */
  close() {
    this.resumeCommands();
  }
};

export {
  ActionLogSink
};
