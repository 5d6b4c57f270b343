import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/errors/user-error.ts
var UserError = class extends Error {
  problems;
  constructor(problems) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "UserError";
    this.problems = list;
  }
};
function formatProblem(problem) {
  return `${formatLocation(problem.location)}${problem.where}: ${problem.message}`;
}
function formatLocation(location) {
  if (!location) return "";
  const { file, line, column } = location;
  if (!line) return `${file}: `;
  return column ? `${file}:${line}:${column}: ` : `${file}:${line}: `;
}
function formatPath(path) {
  return path.reduce((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, "");
}

export {
  UserError,
  formatProblem,
  formatPath
};
