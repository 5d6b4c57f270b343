import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  RENDERED_DIR,
  endLine,
  filesPayload,
  templateContext
} from "./chunk-LQAKXK4E.js";
import {
  sandboxJobName
} from "./chunk-ZPZUBPEO.js";

// src/config/sandbox-deployment.ts
function sandboxDeployment(config) {
  return config.deployments.find((d) => d.environment === "development") ?? config.deployments[0];
}

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

export {
  sandboxDeployment,
  planSandbox,
  planSandboxRemoval
};
