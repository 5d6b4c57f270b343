import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/transport/types.ts
var TransportError = class extends Error {
  kind;
  constructor(kind, message) {
    super(message);
    this.name = "TransportError";
    this.kind = kind;
  }
};

export {
  TransportError
};
