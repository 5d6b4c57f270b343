import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  SCRIPT_PATH,
  comparableFiles
} from "./chunk-RMOWAL2T.js";
import {
  createTwoFilesPatch
} from "./chunk-IID3PM2W.js";

// src/plan/plan-diff.ts
function diffPlans(head, base) {
  const baseByBranch = new Map((base ?? []).map((plan) => [plan.branch, plan]));
  const deployments = head.map((plan) => {
    const before = baseByBranch.get(plan.branch);
    baseByBranch.delete(plan.branch);
    return diffDeployment(before, plan);
  });
  for (const removed of baseByBranch.values()) deployments.push(diffDeployment(removed, void 0));
  return { deployments, changed: deployments.some((d) => d.status !== "unchanged") };
}
function deployedByMerge(diff, targetBranch) {
  if (targetBranch === void 0) return { deployed: diff.deployments, others: [] };
  return {
    deployed: diff.deployments.filter((d) => d.branch === targetBranch),
    others: diff.deployments.filter((d) => d.branch !== targetBranch)
  };
}
function diffDeployment(base, head) {
  const plan = head ?? base;
  const baseFiles = new Map(comparableFiles(base).map((file) => [file.path, file]));
  const files = [];
  for (const file of comparableFiles(head)) {
    files.push(diffFile(file.path, baseFiles.get(file.path), file));
    baseFiles.delete(file.path);
  }
  for (const file of baseFiles.values()) files.push(diffFile(file.path, file, void 0));
  files.sort((a, b) => Number(a.path === SCRIPT_PATH) - Number(b.path === SCRIPT_PATH));
  const status = !base ? "added" : !head ? "removed" : files.every((f) => f.status === "unchanged") && base.root === head.root && base.environment === head.environment ? "unchanged" : "changed";
  return { branch: plan.branch, environment: plan.environment, root: plan.root, status, files };
}
function diffFile(path, base, head) {
  const status = !base ? "added" : !head ? "removed" : base.content === head.content && base.mode === head.mode ? "unchanged" : "changed";
  if (status === "unchanged") return { path, status, patch: "" };
  const patch = createTwoFilesPatch(
    base ? `a/${path}` : "/dev/null",
    head ? `b/${path}` : "/dev/null",
    base?.content ?? "",
    head?.content ?? "",
    void 0,
    void 0,
    { context: 3 }
  );
  const change = { path, status, patch: stripIndexLine(patch) };
  if (base && head && base.mode !== head.mode) change.modeChange = `${mode(base)} \u2192 ${mode(head)}`;
  return change;
}
var mode = (file) => file.mode.toString(8);
function stripIndexLine(patch) {
  return patch.replace(/^=+\n/, "");
}

export {
  diffPlans,
  deployedByMerge
};
