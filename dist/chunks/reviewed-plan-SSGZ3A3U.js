import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  findComment
} from "./chunk-ZMHBGBNY.js";
import {
  decodePlanRecord
} from "./chunk-FOJC3CO2.js";
import "./chunk-JZ56K4AU.js";
import "./chunk-M7CMLPS4.js";

// src/github/reviewed-plan.ts
async function findReviewedPlan(octokit, target) {
  try {
    const { data: pulls } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.sha,
      per_page: 100
    });
    const merged = pulls.filter((p) => p.merged_at && p.base.ref === target.branch);
    const pull = merged.find((p) => p.merge_commit_sha === target.sha) ?? merged[0];
    if (!pull) return { kind: "no-pull-request" };
    const ref = { number: pull.number, url: pull.html_url, headSha: pull.head.sha };
    const comment = await findComment(
      octokit,
      { owner: target.owner, repo: target.repo, issueNumber: pull.number },
      target.marker
    );
    const record = comment ? decodePlanRecord(comment.body) : void 0;
    return record ? { kind: "found", pull: ref, record } : { kind: "no-record", pull: ref };
  } catch (error) {
    const status = error.status;
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "unchecked",
      reason: `GitHub answered ${status ? `HTTP ${status}: ` : ""}${message}` + (status === 403 || status === 404 ? " (give the workflow `permissions: pull-requests: read`)" : "")
    };
  }
}
export {
  findReviewedPlan
};
