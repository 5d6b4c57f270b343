import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  diffPlans
} from "./chunk-MR4IQTO4.js";
import {
  composeScript
} from "./chunk-2YT6VPHG.js";
import {
  formatProblem
} from "./chunk-NPKQP7SB.js";

// src/report/plan-markdown.ts
var MAX_LISTED_PROBLEMS = 50;
function planMarkdown(plans, validation) {
  const report = {
    base: { kind: "none" },
    head: { kind: "planned", diff: diffPlans(plans, void 0), validation, plans }
  };
  return renderPlanMarkdown(report, {
    limit: Number.POSITIVE_INFINITY,
    scripts: new Map(plans.map((plan) => [plan.branch, composeScript(plan)]))
  });
}
function renderPlanMarkdown(report, options) {
  const fixed = [];
  if (options.marker) fixed.push(options.marker);
  fixed.push("### slurm-gitops plan", statusLine(report));
  const commits = commitsLine(report);
  if (commits) fixed.push(commits);
  const baseNote = baseNoteOf(report.base);
  if (baseNote) fixed.push(baseNote);
  const optional = [];
  if (report.head.kind === "invalid") {
    fixed.push(
      `Nothing was planned: the config or a template at head is invalid. Fix ${plural(report.head.problems.length, "problem")}:`,
      problemList(report.head.problems)
    );
  } else {
    const { diff, validation } = report.head;
    fixed.push(deploymentTable(diff, report.targetBranch), validationSection(validation));
    for (const deployment of diff.deployments) {
      const changed = deployment.files.filter((f) => f.status !== "unchanged");
      if (changed.length === 0) continue;
      optional.push({ text: `#### ${deploymentTitle(deployment)}` });
      for (const file of changed) optional.push(fileSection(file));
    }
    for (const [branch, script] of options.scripts ?? []) {
      optional.push(
        codeSection(
          `Complete script for <code>${escapeHtml(branch)}</code>, as sent to the cluster`,
          script,
          "bash"
        )
      );
    }
  }
  const footer = report.runUrl ? `<sub>[Workflow run](${report.runUrl}) \xB7 slurm-gitops</sub>` : "<sub>slurm-gitops</sub>";
  return fit(fixed, optional, footer, options);
}
function fit(fixed, optional, footer, options) {
  const join = (parts2) => `${parts2.join("\n\n")}
`;
  const pointerFor = (omitted) => `> [!NOTE]
> ${plural(omitted, "more section")} did not fit here` + (options.fullReportUrl ? `: the full plan is in the [job summary](${options.fullReportUrl}).` : ".");
  const reserve = bytes(pointerFor(optional.length)) + bytes(footer) + 16;
  let parts = [...fixed];
  if (bytes(join(parts)) + reserve > options.limit) {
    parts = [cutText(join(parts), options.limit - reserve), "\u2026 (cut)"];
  }
  let used = bytes(join(parts));
  let index = 0;
  for (; index < optional.length; index++) {
    const section = optional[index];
    const size = bytes(section.text) + 2;
    if (used + size + reserve <= options.limit) {
      parts.push(section.text);
      used += size;
      continue;
    }
    const partial = section.cut?.(options.limit - used - reserve - 2);
    if (partial) {
      parts.push(partial);
      used += bytes(partial) + 2;
      index++;
    }
    break;
  }
  if (index < optional.length) parts.push(pointerFor(optional.length - index));
  parts.push(footer);
  return join(parts);
}
function statusLine(report) {
  if (report.head.kind === "invalid") return "\u274C **The plan failed**: the configuration is invalid.";
  const { diff, validation } = report.head;
  const changed = diff.deployments.filter((d) => d.status !== "unchanged").length;
  const effect = report.base.kind === "none" ? `${plural(diff.deployments.length, "deployment")} planned` : changed === 0 ? "merging changes nothing that gets deployed" : `merging changes ${changed} of ${plural(diff.deployments.length, "deployment")}`;
  if (validation.errors.length > 0) {
    return `\u274C **The plan has ${plural(validation.errors.length, "error")}**; ${effect}.`;
  }
  const warnings = validation.warnings.length > 0 ? ` (${plural(validation.warnings.length, "warning")})` : "";
  return `\u2705 **The plan is valid**${warnings}; ${effect}.`;
}
function commitsLine(report) {
  const parts = [];
  if (report.configFile) parts.push(`Config \`${report.configFile}\``);
  if (report.base.kind !== "none") parts.push(`base \`${short(report.base.sha)}\``);
  if (report.headSha) parts.push(`head \`${short(report.headSha)}\``);
  return parts.length > 0 ? parts.join(" \xB7 ") : void 0;
}
function baseNoteOf(base) {
  switch (base.kind) {
    case "absent":
      return `The config did not exist at the base \`${short(base.sha)}\`: every file and script below is new.`;
    case "invalid":
      return `The config at the base \`${short(base.sha)}\` is invalid, so there is nothing to compare with and everything below is shown as added:

${problemList(base.problems)}`;
    case "none":
      return "There is no base commit to compare with: every file and script below is shown as added.";
    case "planned":
      return void 0;
  }
}
function deploymentTable(diff, targetBranch) {
  const rows = diff.deployments.map((d) => {
    const files = d.files.filter((f) => f.path !== "deploy script");
    const script = d.files.find((f) => f.path === "deploy script");
    const count = (status) => files.filter((f) => f.status === status).length;
    const branch = `\`${d.branch}\`${d.branch === targetBranch ? " (PR target)" : ""}`;
    return [
      branch,
      d.environment,
      `\`${d.root}\``,
      STATUS_LABEL[d.status],
      String(count("changed")),
      String(count("added")),
      String(count("removed")),
      String(count("unchanged")),
      script ? STATUS_LABEL[script.status] : "\u2014"
    ];
  });
  const header = [
    "Deployment",
    "Environment",
    "Root",
    "Status",
    "Changed",
    "Added",
    "Removed",
    "Unchanged",
    "Script"
  ];
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.map(escapeCell).join(" | ")} |`).join("\n");
}
var STATUS_LABEL = {
  added: "\u{1F195} added",
  removed: "\u{1F5D1}\uFE0F removed",
  changed: "\u270F\uFE0F changed",
  unchanged: "unchanged"
};
function validationSection(validation) {
  const checks = [...validation.checks];
  if (!checks.includes("shellcheck")) checks.push("shellcheck (not installed, skipped)");
  const lines = [`**Validation** \u2014 checks: ${checks.join(", ")}.`];
  if (validation.errors.length === 0 && validation.warnings.length === 0) lines.push("", "No problems found.");
  if (validation.errors.length > 0) lines.push("", `Errors:`, "", problemList(validation.errors));
  if (validation.warnings.length > 0) lines.push("", `Warnings:`, "", problemList(validation.warnings));
  return lines.join("\n");
}
function problemList(problems) {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `- ${escapeText(formatProblem(p))}`);
  if (problems.length > shown.length) shown.push(`- \u2026 and ${problems.length - shown.length} more`);
  return shown.join("\n");
}
function deploymentTitle(d) {
  return `\`${d.branch}\` \u2192 ${escapeText(d.environment)} (\`${d.root}\`)`;
}
function fileSection(file) {
  const added = file.patch.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++")).length;
  const removed = file.patch.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---")).length;
  const mode = file.modeChange ? `, mode ${file.modeChange}` : "";
  const title = `<code>${escapeHtml(file.path)}</code> \u2014 ${file.status} (+${added} \u2212${removed}${mode})`;
  return codeSection(title, file.patch, "diff");
}
function codeSection(title, content, language) {
  const tick = fenceFor(content);
  const open = `<details><summary>${title}</summary>

${tick}${language}
`;
  const close = `${tick}

</details>`;
  const body = content.endsWith("\n") ? content : `${content}
`;
  return {
    text: `${open}${body}${close}`,
    cut: (budget) => {
      const note = `\u2026 (cut here; the rest is in the job summary)
`;
      const room = budget - bytes(open) - bytes(close) - bytes(note);
      if (room < 200) return void 0;
      return `${open}${cutText(body, room)}${note}${close}`;
    }
  };
}
function fenceFor(content) {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(longest + 1);
}
function cutText(text, budget) {
  if (bytes(text) <= budget) return text;
  let used = 0;
  const kept = [];
  for (const line of text.split("\n")) {
    const size = bytes(line) + 1;
    if (used + size > budget) break;
    kept.push(line);
    used += size;
  }
  return kept.length > 0 ? `${kept.join("\n")}
` : "";
}
var bytes = (text) => Buffer.byteLength(text, "utf8");
var short = (sha) => sha.slice(0, 7);
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeText(text) {
  return text.replace(/[\\`*_[\]<>|~#!]/g, "\\$&").replace(/\n/g, " ");
}
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export {
  planMarkdown,
  renderPlanMarkdown
};
