import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  deploy,
  rollback
} from "./chunk-SZYG2ZGU.js";
import {
  ActionLogSink
} from "./chunk-SVQSG2M6.js";
import {
  failureMessage,
  succeeded
} from "./chunk-QGU23YFL.js";
import {
  cancelOnSignal
} from "./chunk-AZZN4DSZ.js";
import "./chunk-YPOHDA3H.js";
import "./chunk-VBVHXHI5.js";
import "./chunk-W6O2X5YI.js";
import "./chunk-T4AKZR3M.js";
import {
  info,
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-YZKI2WTI.js";
import "./chunk-2YT6VPHG.js";
import "./chunk-2OOWUSW5.js";
import "./chunk-IMMTGQZS.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/github/deployments.ts
var GitHubDeployment = class _GitHubDeployment {
  constructor(octokit, target, id) {
    this.octokit = octokit;
    this.target = target;
    this.id = id;
  }
  octokit;
  target;
  id;
  /** Creates the deployment and marks it in progress; on any API refusal, warns and records nothing. */
  static async start(octokit, target) {
    let id;
    try {
      const response = await octokit.rest.repos.createDeployment({
        owner: target.owner,
        repo: target.repo,
        ref: target.sha,
        environment: target.environment,
        description: target.description,
        auto_merge: false,
        required_contexts: [],
        production_environment: target.environment === "production",
        transient_environment: false
      });
      id = "id" in response.data ? response.data.id : void 0;
    } catch (error) {
      warning(
        `could not record a GitHub deployment for ${target.environment} (${describe(error)}); give the workflow \`permissions: deployments: write\` to see deploys under Environments`
      );
    }
    const deployment = new _GitHubDeployment(octokit, target, id);
    await deployment.setState("in_progress");
    return deployment;
  }
  async setState(state) {
    if (this.id === void 0) return;
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        owner: this.target.owner,
        repo: this.target.repo,
        deployment_id: this.id,
        state,
        log_url: this.target.runUrl,
        description: `${state.replace("_", " ")}: ${this.target.description}`.slice(0, 140),
        auto_inactive: state === "success"
      });
    } catch (error) {
      warning(`could not set the GitHub deployment status to ${state} (${describe(error)})`);
    }
  }
};
function describe(error) {
  const status = error.status;
  const message = error instanceof Error ? error.message : String(error);
  return status ? `HTTP ${status}: ${message}` : message;
}

// src/report/deploy-summary.ts
var short = (sha) => sha ? sha.slice(0, 12) : "\u2014";
function deploySummary(outcome) {
  const { plan, report, outputs, mode } = outcome;
  const ok = succeeded(report);
  const result = !ok ? "failed" : outputs.skipped ? "skipped" : "succeeded";
  const heading = `slurm-gitops ${mode}: ${plan.branch} \u2192 ${plan.environment} ${result}`;
  const rows = [
    ["Commit", short(outputs.sha)],
    ["Previous commit", short(outputs.previousSha)],
    ["Code", outputs.sha && outputs.sha === outputs.previousSha ? "unchanged (same commit)" : "changed"],
    ["Venv", outputs.venv || "\u2014"],
    ["Env scripts", outputs.envScripts || "\u2014"],
    ["scrontab", outputs.scrontab || "\u2014"],
    ["Release", outputs.release || "\u2014"],
    ["Connection", `${outcome.transport}: ${outcome.stats.connections} connection(s)`]
  ];
  const steps = report.steps.map(
    (step) => `| ${step.name} | ${step.exitCode === 0 ? "ok" : `exit ${step.exitCode}`} | ${(step.durationMs / 1e3).toFixed(1)} s |`
  ).join("\n");
  const sections = [
    { title: "Steps", body: `| step | result | time |
| --- | --- | --- |
${steps}` },
    { title: "scrontab block", body: `\`\`\`
${outputs.scrontabBlock || plan.scrontabBlock}\`\`\`` }
  ];
  const notes = [
    ...outputs.skipped ? [`**Skipped:** ${outputs.skipped}`] : [],
    ...outputs.repaired ? [`**Repaired first:** ${outputs.repaired}`] : [],
    ...report.warnings.map((warning2) => `**Warning:** ${warning2}`)
  ];
  if (notes.length > 0) sections.unshift({ title: "Notes", body: notes.map((note) => `- ${note}`).join("\n") });
  if (!ok) sections.unshift({ title: "Failure", body: `\`\`\`
${failureMessage(report)}
\`\`\`` });
  return { heading, rows, sections };
}

// src/action/deploy-command.ts
function runDeploymentCommand(settings) {
  return cancelOnSignal((signal) => deploymentCommand(settings, signal));
}
async function deploymentCommand(settings, signal) {
  const request = settings.request;
  let octokit;
  const record = async (sha, environment) => {
    if (!settings.githubToken) return void 0;
    const { context, getOctokit } = await import("./github-WEQFMBHD.js");
    octokit ??= getOctokit(settings.githubToken);
    return GitHubDeployment.start(octokit, {
      ...context.repo,
      sha,
      environment,
      description: `slurm-gitops ${request.command} of ${request.branch}`,
      runUrl: request.runUrl
    });
  };
  let githubDeployment;
  const sink = new ActionLogSink();
  let outcome;
  try {
    const io = {
      sink,
      signal,
      warn: (message) => sink.warning(message),
      log: (message) => info(message),
      onStart: async (start) => {
        githubDeployment = await record(start.sha, start.environment);
      }
    };
    outcome = request.command === "deploy" ? await deploy(request, io) : await rollback(request, io);
  } catch (error) {
    await githubDeployment?.setState("failure");
    throw error;
  } finally {
    sink.close();
  }
  if (outcome.kind === "no-deployment") {
    notice(
      `branch ${outcome.branch} has no deployment in ${settings.config}: nothing to ${request.command}`
    );
    return;
  }
  const { outputs, report } = outcome;
  setOutput("sha" /* Sha */, outputs.sha);
  setOutput("previous-sha" /* PreviousSha */, outputs.previousSha);
  setOutput("release" /* Release */, outputs.release);
  setOutput("environment" /* Environment */, outputs.environment);
  setOutput("venv" /* Venv */, outputs.venv);
  setOutput("scrontab" /* Scrontab */, outputs.scrontab);
  setOutput("skipped" /* Skipped */, outputs.skipped);
  await writeSummary(outcome);
  const ok = succeeded(report);
  const restored = outputs.sha || outputs.targetSha;
  if (!githubDeployment && restored) githubDeployment = await record(restored, outputs.environment);
  await githubDeployment?.setState(!ok ? "failure" : outputs.skipped ? "inactive" : "success");
  if (outputs.skipped) notice(`slurm-gitops ${request.command} of ${request.branch}: ${outputs.skipped}`);
  if (!ok) setFailed(`slurm-gitops ${request.command} of ${request.branch}: ${failureMessage(report)}`);
}
async function writeSummary(outcome) {
  const table = deploySummary(outcome);
  const summary2 = summary.addHeading(table.heading, 2).addTable([
    [
      { data: "What", header: true },
      { data: "Now", header: true }
    ],
    ...table.rows
  ]);
  for (const section of table.sections)
    summary2.addHeading(section.title, 3).addRaw(`
${section.body}
`, true);
  await summary2.write();
}
export {
  runDeploymentCommand
};
