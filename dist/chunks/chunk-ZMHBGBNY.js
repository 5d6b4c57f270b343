import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

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
    const found = page.data.find((comment) => comment.body?.startsWith(marker) && comment.user?.type === "Bot");
    if (found) return { id: found.id, body: found.body ?? "", html_url: found.html_url };
  }
  return void 0;
}

export {
  upsertStickyComment,
  findComment
};
