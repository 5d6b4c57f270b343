import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  planRepository,
  validatePlans
} from "./chunk-XFTK2KHZ.js";
import {
  readerAt,
  resolveRef
} from "./chunk-NFCLPTYC.js";
import {
  diffPlans
} from "./chunk-34O42TML.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/plan/compare.ts
async function comparePlans(options) {
  const log = options.log ?? (() => {
  });
  const head = await planAt(options.head, options.configPath, options.branches, log);
  const { state: base, plans: basePlans } = await planBase(options, log);
  if (head.kind === "invalid") return { head, base };
  const validation = await validatePlans(head.plans);
  log(
    `Checks: ${validation.checks.join(", ")}; ${validation.errors.length} errors, ${validation.warnings.length} warnings`
  );
  return {
    head: { kind: "planned", diff: diffPlans(head.plans, basePlans), validation, plans: head.plans },
    base
  };
}
async function planAt(read, configPath, branches, log) {
  try {
    const { plans } = await planRepository(read, configPath, branches);
    log(`Planned ${plans.map((p) => `${p.branch} \u2192 ${p.environment}`).join(", ")}`);
    return { kind: "planned", plans };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    for (const problem of error.problems) log(`invalid: ${problem.where}: ${problem.message}`);
    return { kind: "invalid", problems: error.problems };
  }
}
async function planBase(options, log) {
  if (!options.base) {
    log("No base commit to compare with (not a pull request, or a new branch)");
    return { state: { kind: "none" } };
  }
  const { sha, read } = options.base;
  if (await read(options.configPath) === void 0) {
    log(`${options.configPath} did not exist at ${sha}: everything is new`);
    return { state: { kind: "absent", sha } };
  }
  const plan2 = await planAt(read, options.configPath, options.branches, log);
  if (plan2.kind === "invalid") return { state: { kind: "invalid", sha, problems: plan2.problems } };
  return { state: { kind: "planned", sha }, plans: plan2.plans };
}

// src/operations/plan.ts
async function plan(request, log) {
  const baseSha = request.base && !/^[0-9a-f]{40}$/.test(request.base) ? (await resolveRef(request.repo.dir, request.base, "--base", log)).sha : request.base;
  const base = baseSha ? { sha: baseSha, read: await readerAt(request.repo, { sha: baseSha }, log) } : void 0;
  return comparePlans({
    head: await readerAt(request.repo, request.head, log),
    base,
    configPath: request.repo.configPath,
    branches: request.branches,
    log
  });
}

export {
  plan
};
