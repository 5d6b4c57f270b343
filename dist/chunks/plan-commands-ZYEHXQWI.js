import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planRequest
} from "./chunk-F5GJ5DOL.js";
import {
  plan
} from "./chunk-YGBPHGGM.js";
import "./chunk-XFTK2KHZ.js";
import "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-3MBQ7RCC.js";
import "./chunk-G7F7U2DU.js";
import "./chunk-ZN7SVNSL.js";
import "./chunk-QW54H74R.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-TXP6LEHF.js";
import "./chunk-34O42TML.js";
import "./chunk-T6Q5DOKB.js";
import "./chunk-RMOWAL2T.js";
import {
  RENDERED_DIR
} from "./chunk-KKQ5VAXV.js";
import {
  composeScript
} from "./chunk-E4XC3HTH.js";
import "./chunk-IID3PM2W.js";
import "./chunk-WL4CDPLR.js";
import "./chunk-JZ56K4AU.js";
import "./chunk-TGMH7RKH.js";
import "./chunk-77AM224P.js";
import "./chunk-ECP4B572.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-HOUED5BR.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
import {
  UserError,
  formatProblem
} from "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/cli/plan-commands.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
async function planFromOptions(context) {
  const request = planRequest(context.options);
  const comparison = await plan(request);
  if (comparison.head.kind === "invalid") throw new UserError(comparison.head.problems);
  return { request, comparison, head: comparison.head };
}
var planCommand = async (context) => {
  const { options, format } = context;
  const { request, comparison, head } = await planFromOptions(context);
  const { plans, validation } = head;
  if (options.out) await writePlanFiles(options.out, plans);
  let text;
  if (format === "markdown") {
    const { planMarkdown } = await import("./plan-markdown-GOIHXRYB.js");
    text = planMarkdown(plans, validation);
  } else if (format === "text") {
    const sha = "sha" in request.head ? request.head.sha : void 0;
    text = planText(plans, validation, sha, options.out);
    if (request.base) text += `
${diffText(comparison)}`;
  }
  return {
    exitCode: validation.errors.length > 0 ? 2 : 0,
    json: {
      sha: "sha" in request.head ? request.head.sha : null,
      base: request.base ?? null,
      deployments: plans,
      checks: validation.checks,
      ...request.base ? { diff: head.diff } : {},
      ...options.out ? { out: path.resolve(options.out) } : {}
    },
    text,
    problems: validation.errors,
    warnings: validation.warnings
  };
};
var validateCommand = async (context) => {
  const { request, head } = await planFromOptions(context);
  const { plans, validation } = head;
  const lines = validation.warnings.map((problem) => `warning: ${formatProblem(problem)}`);
  if (validation.errors.length === 0) {
    lines.push(
      `${request.repo.configPath}: valid (${plans.length} deployment(s); checks: ${validation.checks.join(", ")})`
    );
  }
  return {
    exitCode: validation.errors.length > 0 ? 2 : 0,
    json: {
      config: request.repo.configPath,
      deployments: plans.map((p) => p.branch),
      checks: validation.checks
    },
    text: lines.length > 0 ? lines.join("\n") : void 0,
    problems: validation.errors,
    warnings: validation.warnings
  };
};
function diffText(comparison) {
  if (comparison.head.kind !== "planned") return "";
  const lines = [
    `compared with ${comparison.base.kind === "none" ? "nothing" : comparison.base.sha} (${comparison.base.kind})`
  ];
  for (const deployment of comparison.head.diff.deployments) {
    lines.push(`${deployment.branch} (${deployment.environment}): ${deployment.status}`);
    for (const file of deployment.files.filter((f) => f.status !== "unchanged")) {
      lines.push(`  ${file.status}: ${file.path}`, file.patch);
    }
  }
  return lines.join("\n");
}
async function writePlanFiles(out, plans) {
  for (const plan2 of plans) {
    const dir = path.join(out, plan2.branch);
    for (const file of plan2.files) {
      const target = path.join(dir, RENDERED_DIR, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content, { mode: file.mode });
    }
    await writeFile(path.join(dir, "deploy.sh"), composeScript(plan2), { mode: 493 });
  }
}
function planText(plans, validation, sha, out) {
  const lines = [];
  for (const plan2 of plans) {
    lines.push(`deployment ${plan2.branch} \u2192 ${plan2.environment} at ${plan2.root}`);
    lines.push(`  deploys: ${sha ?? "the head of the branch at deploy time"}`);
    lines.push(`  writes into releases/<sha>/${RENDERED_DIR}/:`);
    for (const file of plan2.files) {
      lines.push(`    ${file.mode.toString(8)} ${file.path} (${file.content.split("\n").length - 1} lines)`);
    }
    lines.push(`  runs: deploy script, ${plan2.script.split("\n").length} lines`);
    lines.push("  scrontab block:");
    for (const line of plan2.scrontabBlock.trimEnd().split("\n")) lines.push(`    ${line}`);
    lines.push("");
  }
  lines.push(`checks: ${validation.checks.join(", ")}`);
  for (const problem of validation.warnings) lines.push(`warning: ${formatProblem(problem)}`);
  lines.push(validation.errors.length === 0 ? "plan is valid" : `${validation.errors.length} error(s)`);
  if (out) lines.push(`rendered files written to ${path.resolve(out)}`);
  return lines.join("\n");
}
export {
  planCommand,
  validateCommand,
  writePlanFiles
};
