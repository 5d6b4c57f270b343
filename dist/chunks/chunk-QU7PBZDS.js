import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/validate/network.ts
function show(value) {
  return JSON.stringify(value);
}
function checkHost(value) {
  if (/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/.test(value)) return null;
  return `host ${show(value)} is not a hostname or IP address; use letters, digits, dots and hyphens (e.g. login.hpc.example.edu)`;
}
var PORT_RANGE = "use a whole number from 1 to 65535";
function checkPort(value) {
  if (Number.isInteger(value) && value >= 1 && value <= 65535) return null;
  return `port ${show(value)} is not a port number; ${PORT_RANGE}`;
}
function parsePort(text) {
  const port = Number(text);
  if (/^\d+$/.test(text) && checkPort(port) === null) return { port };
  return { problem: `port ${show(text)} is not a port number; ${PORT_RANGE}` };
}
function checkUnixUser(value) {
  if (/^[a-z_][a-z0-9_-]{0,31}$/.test(value)) return null;
  return `user ${show(value)} is not a Unix user name; use up to 32 lowercase letters, digits, "_" and "-", starting with a letter or "_" (e.g. caqrn)`;
}

export {
  checkHost,
  checkPort,
  parsePort,
  checkUnixUser
};
