import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/render/shell-quote.ts
var SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
function shellQuote(value) {
  if (value.includes("\0")) {
    throw new Error(
      `cannot shell-quote ${JSON.stringify(value)}: a NUL byte cannot be passed through a shell`
    );
  }
  if (value === "") return "''";
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
function shellQuoteAll(values) {
  return values.map(shellQuote).join(" ");
}

export {
  shellQuote,
  shellQuoteAll
};
