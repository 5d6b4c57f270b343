import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  annotateProblems,
  runUrl
} from "./chunk-TBLULJG7.js";
import {
  plan
} from "./chunk-GLHYUANV.js";
import {
  context,
  getOctokit
} from "./chunk-XHFS75U2.js";
import "./chunk-6ZFR4Q67.js";
import {
  renderPlanMarkdown
} from "./chunk-3YYXL73Y.js";
import "./chunk-MR4IQTO4.js";
import "./chunk-YPOHDA3H.js";
import "./chunk-VBVHXHI5.js";
import {
  COMMENT_LIMIT,
  PLAN_COMMENT_MARKER,
  SUMMARY_LIMIT
} from "./chunk-W6O2X5YI.js";
import "./chunk-T4AKZR3M.js";
import {
  group,
  info,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-YZKI2WTI.js";
import {
  composeScript
} from "./chunk-2YT6VPHG.js";
import "./chunk-2OOWUSW5.js";
import "./chunk-IMMTGQZS.js";
import "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/github/sticky-comment.ts
async function upsertStickyComment(octokit, target, marker, body) {
  if (!body.startsWith(marker)) throw new Error("a sticky comment body must start with its marker");
  const where = { owner: target.owner, repo: target.repo };
  try {
    const existing = await findComment(octokit, target, marker);
    if (existing) {
      if (existing.body === body) return { status: "unchanged", id: existing.id, url: existing.html_url };
      const { data: data2 } = await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
      return { status: "updated", id: data2.id, url: data2.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({
      ...where,
      issue_number: target.issueNumber,
      body
    });
    return { status: "created", id: data.id, url: data.html_url };
  } catch (error) {
    const status = error.status;
    if (status === 403 || status === 404) {
      return { status: "forbidden", message: `GitHub answered ${status}: ${error.message}` };
    }
    throw error;
  }
}
async function findComment(octokit, target, marker) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => comment.body?.startsWith(marker));
    if (found) return { id: found.id, body: found.body ?? "", html_url: found.html_url };
  }
  return void 0;
}

// src/action/plan-command.ts
function actionEnvironment() {
  let repository;
  try {
    repository = context.repo;
  } catch {
    repository = void 0;
  }
  return {
    eventName: context.eventName,
    repository,
    runUrl: runUrl(repository),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    createClient: (token) => getOctokit(token)
  };
}
async function runPlan(settings, env = actionEnvironment()) {
  const request = settings.request;
  const paths = { repoDir: settings.workingDirectory, workspace: env.workspace };
  const { head, base } = await group(
    `Plan at head and at base ${request.base ?? "(none)"}`,
    () => plan(request, (message) => info(message))
  );
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
    targetBranch: settings.pullRequest?.baseRef,
    runUrl: env.runUrl
  };
  const commentNote = await group("Sticky PR comment", () => writeComment(settings, env, report));
  const scripts = head.kind === "planned" ? new Map(head.plans.map((p) => [p.branch, composeScript(p)])) : void 0;
  const summary2 = renderPlanMarkdown(report, {
    limit: SUMMARY_LIMIT - 4096,
    scripts,
    fullReportUrl: env.runUrl
  });
  await writeSummary(commentNote ? `${summary2}
${commentNote}
` : summary2);
  if (head.kind === "planned") {
    const changed = head.diff.deployments.filter((d) => d.status !== "unchanged").map((d) => d.branch);
    setOutput("changed" /* Changed */, String(head.diff.changed));
    setOutput("changed-deployments" /* ChangedDeployments */, JSON.stringify(changed));
  }
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
    fullReportUrl: env.runUrl
  });
  const result = await upsertStickyComment(
    env.createClient(settings.githubToken),
    { ...env.repository, issueNumber: number },
    PLAN_COMMENT_MARKER,
    body
  );
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
