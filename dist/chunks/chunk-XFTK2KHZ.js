import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  userCacheDir
} from "./chunk-ZN7SVNSL.js";
import {
  readConfig
} from "./chunk-QW54H74R.js";
import {
  DISABLED_PREFIX,
  planDeployments
} from "./chunk-T6Q5DOKB.js";
import {
  RENDERED_DIR
} from "./chunk-KKQ5VAXV.js";
import {
  STEP_FILES,
  TEMPLATE_NAMES
} from "./chunk-WL4CDPLR.js";
import {
  checkSbatchOptions
} from "./chunk-TGMH7RKH.js";
import {
  SLURM_CRON_NICKNAMES,
  checkSlurmCron
} from "./chunk-4MDP3VV4.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/render/templates.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function isTemplateName(name) {
  return TEMPLATE_NAMES.includes(name);
}
var shippedFile = (name) => isTemplateName(name) ? `${name}.hbs` : name;
function defaultTemplatesDir() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const candidate = path.join(dir, "deploy-templates");
    if (existsSync(path.join(candidate, "deploy.sh.hbs"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("deploy-templates/ not found beside the slurm-gitops installation");
    dir = parent;
  }
}
async function loadTemplates(overrides, readRepoFile, defaultsDir = defaultTemplatesDir()) {
  const entries = await Promise.all(
    [...TEMPLATE_NAMES, ...STEP_FILES].map(async (name) => {
      const override = overrides[name];
      if (override) {
        const where = `templates.${name}`;
        const text2 = await readRepoFile(override).catch((error) => {
          if (!(error instanceof UserError)) throw error;
          throw new UserError({
            where,
            message: `the override file ${override} ${error.problems[0]?.message}`
          });
        });
        if (text2 === void 0) {
          throw new UserError({
            where,
            message: `the override file ${override} does not exist in the repository; fix the path or remove the key to use the default`
          });
        }
        return [name, { name, file: override, text: text2 }];
      }
      const file = shippedFile(name);
      const text = readFileSync(path.join(defaultsDir, file), "utf8");
      return [name, { name, file: `deploy-templates/${file}`, text }];
    })
  );
  return Object.fromEntries(entries);
}

// src/plan/plan-repository.ts
async function loadRepository(read, configPath) {
  const config = await readConfig(read, configPath);
  return { config, templates: await loadTemplates(config.templates, read) };
}
async function planRepository(read, configPath, branches) {
  const { config, templates } = await loadRepository(read, configPath);
  const inputs = await planInputs(read, config);
  const plans = (await planDeployments(config, templates, branches)).map((plan) => ({ ...plan, inputs }));
  return { config, plans };
}
async function planInputs(read, config) {
  const requirements = await read(config.project.requirements);
  return requirements === void 0 ? [] : [{ path: config.project.requirements, mode: 420, content: requirements }];
}

// src/plan/validate.ts
import { availableParallelism } from "node:os";

// src/validate/bash-syntax.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";
var DRIVER = `pids=()
for f; do bash -n "$f" 2>"$f.err" & pids+=("$!"); done
i=0
for pid in "\${pids[@]}"; do wait "$pid" || printf '%s\\0' "$i"; i=$((i + 1)); done`;
var parsed = /* @__PURE__ */ new Set();
var hashOf = (content) => createHash("sha256").update(content).digest("hex");
async function bashSyntaxErrors(contents, bash = "bash") {
  const results = contents.map(() => null);
  const pending = contents.map((content, index) => ({ content, index, hash: hashOf(content) })).filter((script) => !parsed.has(script.hash));
  if (pending.length === 0) return results;
  const dir = await mkdtemp(path2.join(tmpdir(), "slurm-gitops-bash-n-"));
  try {
    const files = pending.map((_, i) => path2.join(dir, `${i}.sh`));
    await Promise.all(pending.map((script, i) => writeFile(files[i], script.content, { mode: 384 })));
    const failed = new Set((await runDriver(bash, files)).split("\0").filter(Boolean).map(Number));
    for (const [i, script] of pending.entries()) {
      if (!failed.has(i)) {
        parsed.add(script.hash);
        continue;
      }
      const messages = (await readFile(`${files[i]}.err`, "utf8")).split(`${files[i]}: `).join("").trim();
      results[script.index] = messages || "bash -n failed without a message";
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function runDriver(bash, files) {
  return new Promise((resolve, reject) => {
    const child = spawn(bash, ["-c", DRIVER, "bash", ...files], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (error) => reject(new Error(`cannot run bash to check the scripts: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString("utf8"));
      else {
        const why = Buffer.concat(stderr).toString("utf8").trim();
        reject(new Error(`checking the scripts with bash -n failed (exit ${code}): ${why}`));
      }
    });
  });
}

// src/validate/shellcheck.ts
import { createHash as createHash2 } from "node:crypto";
import { spawn as spawn2, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync as readFileSync2, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path3 from "node:path";
var ARGS = ["--shell=bash", "--format=json1", "--severity=warning", "-"];
var MAX_ENTRIES = 300;
var KEEP_ENTRIES = 200;
function findShellcheck(cacheDir = userCacheDir("shellcheck")) {
  const probe = spawnSync("shellcheck", ["--version"], { encoding: "utf8" });
  if (probe.status !== 0) return void 0;
  const version = probe.stdout;
  return {
    version,
    async check(content) {
      const key = createHash2("sha256").update(`${version}\0${ARGS.join(" ")}\0${content}`).digest("hex");
      const remembered = readEntry(cacheDir, key);
      if (remembered) return remembered;
      const findings = await runShellcheck(content);
      if (findings) writeEntry(cacheDir, key, findings);
      return findings ?? [];
    }
  };
}
function readEntry(dir, key) {
  try {
    const entry = JSON.parse(readFileSync2(path3.join(dir, `${key}.json`), "utf8"));
    return isFindings(entry) ? entry : void 0;
  } catch {
    return void 0;
  }
}
function isFindings(value) {
  return Array.isArray(value) && value.every((f) => {
    const finding = f;
    return typeof finding?.level === "string" && typeof finding.text === "string";
  });
}
function writeEntry(dir, key, findings) {
  try {
    mkdirSync(dir, { recursive: true, mode: 448 });
    const temporary = path3.join(dir, `.${key}.${process.pid}`);
    writeFileSync(temporary, JSON.stringify(findings));
    renameSync(temporary, path3.join(dir, `${key}.json`));
    pruneEntries(dir);
  } catch {
  }
}
function pruneEntries(dir) {
  const entries = readdirSync(dir).filter((name) => name.endsWith(".json"));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((name) => ({ name, mtime: statSync(path3.join(dir, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(KEEP_ENTRIES)) rmSync(path3.join(dir, name), { force: true });
}
function runShellcheck(content) {
  return new Promise((resolve) => {
    const child = spawn2("shellcheck", ARGS, { stdio: ["pipe", "pipe", "ignore"] });
    const stdout = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.on("error", () => resolve(void 0));
    child.stdin.on("error", () => void 0);
    child.on("close", () => {
      try {
        const report = JSON.parse(Buffer.concat(stdout).toString("utf8"));
        resolve(
          report.comments.map((c) => ({
            level: c.level,
            text: `shellcheck SC${c.code} line ${c.line}: ${c.message}`
          }))
        );
      } catch {
        resolve(void 0);
      }
    });
    child.stdin.end(content);
  });
}

// src/plan/validate.ts
async function validatePlans(plans, options = {}) {
  const result = { errors: [], warnings: [], checks: ["bash -n", "scrontab rules"] };
  const shellcheck = options.shellcheck === false ? void 0 : findShellcheck();
  if (shellcheck) result.checks.push("shellcheck");
  const scriptsOf = (plan) => [
    { name: "deploy script", content: plan.script },
    ...plan.files.filter((f) => f.path.endsWith(".sh")).map((f) => ({ name: `${RENDERED_DIR}/${f.path}`, content: f.content }))
  ].map((script) => ({ where: `${plan.branch}: ${script.name}`, content: script.content }));
  const perPlan = plans.map(scriptsOf);
  const scripts = perPlan.flat();
  const syntax = await bashSyntaxErrors(scripts.map((s) => s.content));
  const findings = shellcheck ? await inParallel(
    scripts,
    (script, i) => syntax[i] ? Promise.resolve([]) : shellcheck.check(script.content)
  ) : scripts.map(() => []);
  let index = 0;
  for (const [p, plan] of plans.entries()) {
    for (const script of perPlan[p]) {
      const error = syntax[index];
      if (error) result.errors.push({ where: script.where, message: `bash -n: ${error}` });
      for (const finding of findings[index]) {
        ;
        (finding.level === "error" ? result.errors : result.warnings).push({
          where: script.where,
          message: finding.text
        });
      }
      index++;
    }
    result.errors.push(...checkScrontabBlock(plan));
  }
  return result;
}
async function checkScripts(scripts) {
  const syntax = await bashSyntaxErrors(scripts.map((script) => script.content));
  return scripts.flatMap((script, i) => {
    const error = syntax[i];
    return error ? [{ where: script.name, message: `bash -n: ${error}` }] : [];
  });
}
async function inParallel(items, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), items.length) }, worker));
  return results;
}
function checkScrontabBlock(plan) {
  const where = `${plan.branch}: ${RENDERED_DIR}/scrontab`;
  const lines = plan.scrontabBlock.replace(/\n$/, "").split("\n");
  const problems = [];
  const problem = (line, message) => problems.push({ where: `${where} line ${line}`, message });
  const [first, last] = [lines[0] ?? "", lines[lines.length - 1] ?? ""];
  if (!/^# >>> slurm-gitops .+ >>>$/.test(first) || !/^# <<< slurm-gitops .+ <<<$/.test(last)) {
    problem(1, "the block must start and end with its {{markers.begin}} / {{markers.end}} lines");
  }
  lines.forEach((entry, index) => {
    const number = index + 1;
    const line = entry.startsWith(DISABLED_PREFIX) ? entry.slice(DISABLED_PREFIX.length) : entry;
    if (line.startsWith("#SCRON")) {
      const options = line.slice("#SCRON".length).trim().split(/\s+/).filter(Boolean);
      const bad2 = checkSbatchOptions(options, "scron", { rendered: true });
      if (bad2) problem(number, bad2);
      return;
    }
    if (line.trim() === "" || line.startsWith("#")) return;
    const fields = line.trim().split(/\s+/);
    const specLength = SLURM_CRON_NICKNAMES.includes(fields[0].toLowerCase()) ? 1 : 5;
    if (fields.length <= specLength) {
      problem(number, `"${line}" has a schedule but no command`);
      return;
    }
    const bad = checkSlurmCron(fields.slice(0, specLength).join(" "));
    if (bad) problem(number, bad);
  });
  return problems;
}

export {
  loadTemplates,
  planRepository,
  planInputs,
  validatePlans,
  checkScripts
};
