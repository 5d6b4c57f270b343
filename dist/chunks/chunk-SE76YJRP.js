import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/exec/log-sink.ts
var ConsoleLogSink = class {
  constructor(out = process.stdout, err = process.stderr) {
    this.out = out;
    this.err = err;
  }
  out;
  err;
  inGroup = false;
  startGroup(title) {
    this.out.write(`\u25B6 ${title}
`);
    this.inGroup = true;
  }
  endGroup() {
    this.inGroup = false;
  }
  info(line) {
    this.out.write(this.inGroup ? `  ${line}
` : `${line}
`);
  }
  warning(msg) {
    this.err.write(`warning: ${msg}
`);
  }
};

export {
  ConsoleLogSink
};
