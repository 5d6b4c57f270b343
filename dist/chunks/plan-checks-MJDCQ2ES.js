import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkScripts,
  loadTemplates,
  planInputs,
  validatePlans
} from "./chunk-XFTK2KHZ.js";
import {
  sandboxDeployment
} from "./chunk-YXBCDM6P.js";
import "./chunk-ZN7SVNSL.js";
import "./chunk-QW54H74R.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-TXP6LEHF.js";
import {
  compileTemplates,
  endLine,
  planDeployment,
  templateContext
} from "./chunk-T6Q5DOKB.js";
import {
  RENDERED_DIR
} from "./chunk-KKQ5VAXV.js";
import {
  filesPayload
} from "./chunk-E4XC3HTH.js";
import "./chunk-WL4CDPLR.js";
import "./chunk-JZ56K4AU.js";
import "./chunk-TGMH7RKH.js";
import {
  sandboxJobName
} from "./chunk-77AM224P.js";
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

// src/plan/sandbox-plan.ts
function planSandbox(config, templates, run, commit) {
  const base = templateContext(config, sandboxDeployment(config));
  const context = { ...base, sandbox: { ...base.sandbox, command: run.command } };
  const shortSha = commit.sha.slice(0, 7);
  const runName = `${commit.runId}-${shortSha}`;
  const runDir = `${run.dir}/runs/${runName}`;
  const logPath = `${runDir}/job.log`;
  const jobName = sandboxJobName({
    project: config.project.name,
    sandbox: run.sandbox,
    runId: commit.runId,
    shortSha
  });
  const files = [
    { path: "sandbox-env.sh", mode: 420, content: endLine(templates["sandbox-env.sh"](context)) },
    { path: "sandbox-job.sh", mode: 493, content: endLine(templates["sandbox-job.sh"](context)) }
  ];
  const script = templates["sandbox.sh"](context);
  return {
    runName,
    runDir,
    logPath,
    jobName,
    files,
    stagingScript: `${filesPayload(files)}${script}`,
    sbatchArgs: [
      `--partition=${run.partition}`,
      `--time=${run.timeLimit}`,
      `--job-name=${jobName}`,
      `--output=${logPath}`,
      `--chdir=${runDir}`,
      ...run.sbatch,
      `${runDir}/${RENDERED_DIR}/sandbox-job.sh`
    ],
    parameters: {
      mode: "sandbox",
      sha: commit.sha,
      branch: commit.branch,
      sandbox: run.sandbox,
      run: runName,
      force: ""
    },
    scripts: [
      { name: "sandbox script", content: script },
      ...files.map((f) => ({ name: `${RENDERED_DIR}/${f.path}`, content: f.content }))
    ]
  };
}
function planSandboxRemoval(config, templates, sandbox, force) {
  const script = templates["sandbox.sh"](templateContext(config, sandboxDeployment(config)));
  return {
    script: `${filesPayload([])}${script}`,
    parameters: { mode: "remove", sha: "", branch: "", sandbox, run: "", force: force ? "true" : "" }
  };
}

// src/operations/plan-checks.ts
async function checkedPlans(repository, deployments, warn) {
  const templates = await compileTemplates(repository.templates);
  const plans = deployments.map((deployment) => planDeployment(repository.config, deployment, templates));
  const validation = await validatePlans(plans, { shellcheck: false });
  for (const warning of validation.warnings) warn(formatProblem(warning));
  if (validation.errors.length > 0) throw new UserError(validation.errors);
  return plans;
}
async function checkedPlansAt(config, read, deployments, warn) {
  return checkedPlans({ config, templates: await loadTemplates(config.templates, read) }, deployments, warn);
}
async function checkedSandboxPlan(config, read, run, commit) {
  const templates = await compileTemplates(await loadTemplates(config.templates, read));
  const plan = planSandbox(config, templates, run, commit);
  await requireParsing(plan.scripts);
  return plan;
}
async function checkedSandboxRemoval(config, read, sandbox, force) {
  const templates = await compileTemplates(await loadTemplates(config.templates, read));
  const plan = planSandboxRemoval(config, templates, sandbox, force);
  await requireParsing([{ name: "sandbox script", content: plan.script }]);
  return plan;
}
async function requireParsing(scripts) {
  const problems = await checkScripts(scripts);
  if (problems.length > 0) throw new UserError(problems);
}
export {
  checkedPlans,
  checkedPlansAt,
  checkedSandboxPlan,
  checkedSandboxRemoval,
  planInputs
};
