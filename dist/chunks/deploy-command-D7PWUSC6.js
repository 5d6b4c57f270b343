import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  deploy,
  rollback
} from "./chunk-ALHZLHVO.js";
import {
  runEnvironment
} from "./chunk-JV5UGA76.js";
import {
  ActionLogSink
} from "./chunk-E7S7NINE.js";
import "./chunk-CEJYYI6L.js";
import {
  cancelOnSignal
} from "./chunk-5CNL2LPR.js";
import "./chunk-NFCLPTYC.js";
import "./chunk-LELRMFSV.js";
import {
  failureMessage,
  succeeded
} from "./chunk-TJ2K4MN2.js";
import {
  PLAN_COMMENT_MARKER
} from "./chunk-SWQI6JLJ.js";
import {
  info,
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-NKJGWXBT.js";
import {
  compareFingerprints,
  planFingerprint
} from "./chunk-WHPDAMMW.js";
import {
  code,
  escapeText
} from "./chunk-FAPM7Q7Q.js";
import "./chunk-RMOWAL2T.js";
import "./chunk-KKQ5VAXV.js";
import "./chunk-E4XC3HTH.js";
import "./chunk-FDVLX437.js";
import "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import "./chunk-4MDP3VV4.js";
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

// src/plan/plan-review.ts
function judgeReview(lookup, branch, deployed) {
  if (lookup.kind !== "found") return lookup;
  const reviewed = lookup.record.deployments[branch];
  if (!reviewed) return { kind: "not-planned", pull: lookup.pull };
  const changes = compareFingerprints(reviewed, deployed);
  return changes.same ? { kind: "reviewed", pull: lookup.pull, record: lookup.record } : { kind: "differs", pull: lookup.pull, record: lookup.record, changes };
}
function reviewAllowsDeploy(review, required) {
  return !required || review.kind === "reviewed";
}

// src/report/deploy-summary.ts
var short = (sha) => sha ? sha.slice(0, 12) : "\u2014";
function deploySummary(outcome, review) {
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
    ...report.warnings.map((warning2) => `**Warning:** ${warning2}`),
    ...cronNotes(outcome)
  ];
  if (notes.length > 0) sections.unshift({ title: "Notes", body: notes.map((note) => `- ${note}`).join("\n") });
  if (!ok) sections.unshift({ title: "Failure", body: `\`\`\`
${failureMessage(report)}
\`\`\`` });
  return { heading, lead: review, rows, sections };
}
function refusedSummary(branch, start, review) {
  return {
    heading: `slurm-gitops deploy: ${branch} \u2192 ${start.environment} refused`,
    lead: review,
    rows: [
      ["Commit", short(start.sha)],
      ["Cluster", "nothing ran on it: nothing changed"]
    ],
    sections: []
  };
}
function cronNotes({ outputs }) {
  if (outputs.scrontab !== "changed") return [];
  const named = outputs.cronResubmitted.filter((name) => name !== "-");
  const unnamed = outputs.cronResubmitted.length - named.length;
  const entries = [
    ...named.map((name) => `\`${name}\``),
    ...unnamed > 0 ? [`${unnamed} ${unnamed === 1 ? "entry" : "entries"} without a job name`] : []
  ];
  const notes = [
    `**scrontab reinstalled:** Slurm dropped every cron job of the service account and submitted each entry again, with a new job id: ${entries.join(", ") || "none (the table has no entries now)"}.`
  ];
  for (const job of outputs.cronRunning) {
    notes.push(
      `**Running during the install:** \`${job.name}\` (job ${job.jobId}, since ${job.start}) finishes as a one-off run; its entry next runs at its next scheduled time.`
    );
  }
  return notes;
}

// src/report/review-note.ts
function reviewNote(review, options) {
  const pr = (markdown) => "pull" in review ? markdown ? `[#${review.pull.number}](${review.pull.url})` : `#${review.pull.number}` : "";
  const refused = options.required && review.kind !== "reviewed";
  const icon = review.kind === "reviewed" ? "\u2705" : refused || review.kind === "differs" ? "\u26A0\uFE0F" : "\u2139\uFE0F";
  const say = (sentence) => {
    const suffix = refused ? " requireReviewedPlan is set: nothing was deployed." : "";
    return { text: `${sentence(false)}${suffix}`, markdown: `${icon} ${sentence(true)}${suffix}` };
  };
  switch (review.kind) {
    case "reviewed":
      return say((md) => `Deployed exactly the plan reviewed in ${pr(md)}.`);
    case "differs": {
      const { changed, added, removed } = review.changes;
      const what = (md) => {
        const list = (paths) => paths.map((p) => md ? code(p) : p).join(", ");
        const parts = [
          changed.length > 0 ? `changed ${list(changed)}` : "",
          added.length > 0 ? `new ${list(added)}` : "",
          removed.length > 0 ? `gone ${list(removed)}` : ""
        ].filter(Boolean);
        return parts.length > 0 ? parts.join("; ") : "the plan as a whole";
      };
      const rendered = review.record.head ? ` (rendered at head ${review.record.head.slice(0, 7)})` : "";
      return say(
        (md) => `${refused ? "Refused: this plan differs" : "Differs"} from the plan reviewed in ${pr(md)}${rendered}: ${what(md)}. The base moved after the review, or the merge combined changes that were reviewed apart.`
      );
    }
    case "not-planned":
      return say(
        (md) => `Not the reviewed plan: the plan comment of ${pr(md)} shows no plan for this deployment.`
      );
    case "no-record":
      return say(
        (md) => `No reviewed plan: ${pr(md)} has no plan comment (a fork's pull request, comment: false, or the plan check did not run).`
      );
    case "no-pull-request":
      return say(
        () => "No reviewed plan: no pull request into this branch was merged as this commit (a direct push)."
      );
    case "unchecked":
      return say(
        (md) => `The reviewed plan was not checked: ${md ? escapeText(review.reason) : review.reason}.`
      );
  }
}

// src/action/deploy-command.ts
function runDeploymentCommand(settings) {
  return cancelOnSignal((signal) => deploymentCommand(settings, signal));
}
var ReviewRefused = class extends Error {
  constructor(review, start) {
    super("the plan is not the reviewed plan");
    this.review = review;
    this.start = start;
  }
  review;
  start;
};
async function deploymentCommand(settings, signal) {
  const request = settings.request;
  let client;
  const gitHub = () => client ??= settings.githubToken ? loadGitHub(settings.githubToken) : Promise.resolve(void 0);
  const record = async (sha, environment) => {
    const found = settings.githubDeployment === "create" ? await gitHub() : void 0;
    if (!found) return void 0;
    return GitHubDeployment.start(found.octokit, {
      ...found.repository,
      sha,
      environment,
      description: `slurm-gitops ${request.command} of ${request.branch}`,
      runUrl: request.runUrl
    });
  };
  let githubDeployment;
  let review;
  let reviewLogged = false;
  const sink = new ActionLogSink();
  let outcome;
  try {
    const io = {
      sink,
      signal,
      warn: (message) => sink.warning(message),
      log: (message) => info(message),
      onStart: async (start) => {
        review = checkReview(gitHub, request.branch, start);
        if (start.deployment.requireReviewedPlan) {
          const found = await review;
          info(reviewNote(found, { required: true }).text);
          reviewLogged = true;
          if (!reviewAllowsDeploy(found, true)) throw new ReviewRefused(found, start);
        }
        githubDeployment = await record(start.sha, start.environment);
      }
    };
    outcome = request.command === "deploy" ? await deploy(request, io) : await rollback(request, io);
  } catch (error) {
    if (error instanceof ReviewRefused) {
      const note2 = reviewNote(error.review, { required: true });
      await writeSummary(refusedSummary(request.branch, error.start, note2.markdown));
      setFailed(
        `slurm-gitops deploy of ${request.branch} refused before anything ran on the cluster: ${note2.text}`
      );
      return;
    }
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
  const note = review && reviewNote(await review, { required: false });
  if (note && !reviewLogged) info(note.text);
  await writeSummary(deploySummary(outcome, note?.markdown));
  const ok = succeeded(report);
  const restored = outputs.sha || outputs.targetSha;
  if (!githubDeployment && restored) githubDeployment = await record(restored, outputs.environment);
  await githubDeployment?.setState(!ok ? "failure" : outputs.skipped ? "inactive" : "success");
  if (outputs.skipped) notice(`slurm-gitops ${request.command} of ${request.branch}: ${outputs.skipped}`);
  if (!ok) setFailed(`slurm-gitops ${request.command} of ${request.branch}: ${failureMessage(report)}`);
}
async function loadGitHub(token) {
  const { repository } = runEnvironment();
  if (!repository)
    throw new Error("GITHUB_REPOSITORY is not set (owner/repo): GitHub cannot be asked about this run");
  const { createGitHubClient } = await import("./client-CIBDVTIV.js");
  return { repository, octokit: await createGitHubClient(token) };
}
async function checkReview(gitHub, branch, start) {
  try {
    const deployed = planFingerprint(start.plan);
    const found = await gitHub();
    const { findReviewedPlan } = await import("./reviewed-plan-SSGZ3A3U.js");
    const lookup = found ? await findReviewedPlan(found.octokit, {
      ...found.repository,
      sha: start.sha,
      branch,
      marker: PLAN_COMMENT_MARKER
    }) : { kind: "unchecked", reason: "the github-token input is empty" };
    return judgeReview(lookup, branch, deployed);
  } catch (error) {
    return { kind: "unchecked", reason: error instanceof Error ? error.message : String(error) };
  }
}
async function writeSummary(table) {
  const summary2 = summary.addHeading(table.heading, 2);
  if (table.lead) summary2.addRaw(`
${table.lead}
`, true);
  if (table.rows.length > 0) {
    summary2.addTable([
      [
        { data: "What", header: true },
        { data: "Now", header: true }
      ],
      ...table.rows
    ]);
  }
  for (const section of table.sections)
    summary2.addHeading(section.title, 3).addRaw(`
${section.body}
`, true);
  await summary2.write();
}
export {
  runDeploymentCommand
};
