import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  annotateProblems,
  runUrl
} from "./chunk-IDVWIW3P.js";
import {
  plan
} from "./chunk-YGBPHGGM.js";
import "./chunk-XFTK2KHZ.js";
import {
  upsertStickyComment
} from "./chunk-ZMHBGBNY.js";
import {
  runEnvironment
} from "./chunk-JV5UGA76.js";
import "./chunk-NFCLPTYC.js";
import {
  COMMENT_LIMIT,
  PLAN_COMMENT_MARKER,
  SUMMARY_LIMIT
} from "./chunk-SWQI6JLJ.js";
import "./chunk-ZN7SVNSL.js";
import {
  group,
  info,
  isDebug,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-NKJGWXBT.js";
import "./chunk-QW54H74R.js";
import "./chunk-T4AKZR3M.js";
import "./chunk-TXP6LEHF.js";
import {
  renderPlanMarkdown
} from "./chunk-2LSH7OWX.js";
import {
  deployedByMerge
} from "./chunk-34O42TML.js";
import "./chunk-T6Q5DOKB.js";
import "./chunk-FOJC3CO2.js";
import "./chunk-WHPDAMMW.js";
import {
  escapeText
} from "./chunk-FAPM7Q7Q.js";
import "./chunk-RMOWAL2T.js";
import "./chunk-KKQ5VAXV.js";
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
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/action/plan-command.ts
import path from "node:path";
function actionEnvironment() {
  const run = runEnvironment();
  return {
    eventName: run.eventName,
    repository: run.repository,
    serverUrl: run.serverUrl,
    runUrl: runUrl(run.repository, run),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    // Loaded only when a comment is written.
    createClient: async (token) => (await import("./client-CIBDVTIV.js")).createGitHubClient(token)
  };
}
async function runPlan(settings, env = actionEnvironment()) {
  const request = settings.request;
  const paths = { repoDir: settings.workingDirectory, workspace: env.workspace };
  const { head, base } = await group(
    `Plan at head and at base ${request.base ?? "(none)"}`,
    () => plan(request, (message) => info(message))
  );
  const targetBranch = settings.pullRequest?.baseRef;
  if (head.kind === "planned") {
    await group("What the merge changes", async () => {
      for (const deployment of head.diff.deployments) {
        info(`${deployment.branch} (${deployment.environment}): ${deployment.status}`);
        for (const file of deployment.files.filter((f) => f.status !== "unchanged")) {
          info(`  ${file.status}: ${file.path}
${file.patch}`);
        }
      }
    });
  }
  const report = {
    configFile: settings.config,
    headSha: settings.pullRequest?.headSha ?? settings.eventSha,
    base,
    head,
    targetBranch,
    runUrl: env.runUrl,
    links: env.repository && {
      url: `${env.serverUrl}/${env.repository.owner}/${env.repository.repo}`,
      configPath: repositoryPath(env.workspace, settings.workingDirectory, settings.config)
    }
  };
  if (head.kind === "planned") {
    const { deployed } = deployedByMerge(head.diff, targetBranch);
    const changed = deployed.filter((d) => d.status !== "unchanged").map((d) => d.branch);
    setOutput("changed" /* Changed */, String(changed.length > 0));
    setOutput("changed-deployments" /* ChangedDeployments */, JSON.stringify(changed));
  }
  const scripts = head.kind === "planned" && isDebug() ? new Map(head.plans.map((p) => [p.branch, composeScript(p)])) : void 0;
  await writeSummary(
    renderPlanMarkdown(report, { limit: SUMMARY_LIMIT - 4096, scripts, fullReportUrl: env.runUrl })
  );
  const commentNote = await group("Sticky PR comment", () => writeComment(settings, env, report));
  if (commentNote) await writeSummary(`${commentNote}
`);
  if (head.kind === "invalid") {
    annotateProblems(head.problems, "error", paths);
    setFailed(`The configuration is invalid: ${head.problems.length} problem(s), annotated above`);
    return;
  }
  annotateProblems(head.validation.warnings, "warning", paths);
  if (head.validation.errors.length > 0) {
    annotateProblems(head.validation.errors, "error", paths);
    setFailed(`The plan has ${head.validation.errors.length} validation error(s), annotated above`);
  }
}
function repositoryPath(workspace, workingDirectory, config) {
  return path.relative(workspace, path.join(workingDirectory, config)).split(path.sep).join("/");
}
async function writeComment(settings, env, report) {
  const number = settings.pullRequest?.number;
  if (!settings.comment) {
    info("comment is false: no PR comment");
    return void 0;
  }
  if (number === void 0 || !env.repository) {
    info(`Not a pull request (${env.eventName}): no PR comment`);
    return void 0;
  }
  if (!settings.githubToken) {
    warning(
      "github-token is empty: the plan could not be posted as a PR comment (it is in the job summary)"
    );
    return "> [!WARNING]\n> No PR comment was written: the github-token input is empty.";
  }
  const body = renderPlanMarkdown(report, {
    limit: COMMENT_LIMIT,
    marker: PLAN_COMMENT_MARKER,
    planRecord: true,
    fullReportUrl: env.runUrl
  });
  let result;
  try {
    result = await upsertStickyComment(
      await env.createClient(settings.githubToken),
      { ...env.repository, issueNumber: number },
      PLAN_COMMENT_MARKER,
      body
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    warning(`The plan could not be posted as a PR comment: ${message}; it is in the job summary`);
    return `> [!WARNING]
> No PR comment was written: GitHub answered ${escapeText(message)}.`;
  }
  if (result.status === "forbidden") {
    warning(
      `The plan could not be posted as a PR comment (${result.message}). This is expected for pull requests from forks, whose token is read-only; the plan is in the job summary. Otherwise grant pull-requests: write.`
    );
    return `> [!WARNING]
> No PR comment was written: the token may not comment on this pull request (${result.message}).`;
  }
  info(`Comment ${result.status}: ${result.url}`);
  setOutput("comment-url" /* CommentUrl */, result.url);
  return void 0;
}
async function writeSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    info("GITHUB_STEP_SUMMARY is not set (not on a runner): the plan report follows\n" + markdown);
    return;
  }
  await summary.addRaw(markdown, true).write();
}
export {
  actionEnvironment,
  runPlan
};
