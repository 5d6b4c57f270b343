import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/sandbox/slurm-time.ts
var TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
function slurmTimestamp(text) {
  const trimmed = text?.trim() ?? "";
  return TIMESTAMP.test(trimmed) ? trimmed : void 0;
}
function secondsBetween(from, to) {
  if (from === void 0 || to === void 0) return void 0;
  const a = asUtcSeconds(from);
  const b = asUtcSeconds(to);
  return a === void 0 || b === void 0 ? void 0 : b - a;
}
function asUtcSeconds(timestamp) {
  const m = TIMESTAMP.exec(timestamp);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1e3;
}
function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const pad = (n) => String(n).padStart(2, "0");
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor(s % 3600 / 60))}m`;
  return `${Math.floor(s / 86400)}d ${pad(Math.floor(s % 86400 / 3600))}h`;
}

export {
  slurmTimestamp,
  secondsBetween,
  formatDuration
};
