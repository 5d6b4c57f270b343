#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  FLAGS,
  PASSPHRASE_VARIABLE,
  flagLabel
} from "./chunks/chunk-G7F7U2DU.js";
import {
  VERSION
} from "./chunks/chunk-UYO7SUW6.js";
import {
  userCacheDir
} from "./chunks/chunk-ZN7SVNSL.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunks/chunk-T4AKZR3M.js";
import {
  UserError,
  formatProblem
} from "./chunks/chunk-NPKQP7SB.js";
import "./chunks/chunk-M7CMLPS4.js";

// src/cli/compile-cache.ts
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import * as nodeModule from "node:module";
import path from "node:path";
var nodeEnableCompileCache = nodeModule.enableCompileCache;
function enableCompileCache2(env2 = process.env, enable = nodeEnableCompileCache ?? null, version = VERSION) {
  if (!enable) return void 0;
  try {
    const caches = userCacheDir("node-compile-cache", env2);
    const directory = path.join(caches, version);
    if (mkdirSync(directory, { recursive: true, mode: 448 }) !== void 0) {
      for (const other of readdirSync(caches))
        if (other !== version) rmSync(path.join(caches, other), { recursive: true, force: true });
    }
    enable(directory);
    return directory;
  } catch {
    return void 0;
  }
}

// src/cli/command-table.ts
var EVERY_COMMAND_FLAGS = ["format", "help"];
var REPOSITORY = { config: {}, repo: {} };
var CONNECTION = {
  identity: {},
  "known-hosts": {},
  host: {},
  port: {},
  user: {},
  local: {}
};
var TEXT_OR_JSON = ["text", "json"];
var KEY = "--identity ~/.ssh/caqrn_deploy --known-hosts ~/.ssh/cluster_known_hosts";
var COMMAND_TABLE = {
  plan: {
    summary: "Render what a deploy would write and run, and check it (no connection)",
    details: "Renders every deployment from the working tree (or the commit --sha) and checks the scripts and the scrontab lines as the cluster would. With --base it also shows what changes, as the PR check does.",
    flags: {
      ...REPOSITORY,
      branch: { help: "only this deployment, by its branch (default: all)" },
      sha: { help: "render this commit instead of the working tree" },
      base: {},
      out: {}
    },
    formats: ["text", "markdown", "json"],
    examples: [
      'slurm-gitops plan --base "$(git merge-base HEAD origin/main)"',
      "slurm-gitops plan --branch main --out /tmp/plan"
    ],
    load: () => import("./chunks/plan-commands-ZYEHXQWI.js").then((module) => module.planCommand)
  },
  validate: {
    summary: "Check the config and templates (no connection)",
    flags: {
      ...REPOSITORY,
      branch: { help: "only this deployment, by its branch (default: all)" },
      sha: { help: "check this commit instead of the working tree" }
    },
    formats: TEXT_OR_JSON,
    examples: ["slurm-gitops validate --config .github/slurm-gitops.yml"],
    load: () => import("./chunks/plan-commands-ZYEHXQWI.js").then((module) => module.validateCommand)
  },
  deploy: {
    summary: "Deploy a branch's commit to its deployment",
    details: "The remote script's steps are shown as they run; the last line says what is live.",
    flags: {
      ...REPOSITORY,
      branch: { required: true, help: "the deployment to deploy, by its branch", example: "--branch main" },
      sha: { help: "the full commit to deploy (default: the tip of the local branch)" },
      actor: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops deploy --branch main ${KEY}`],
    load: () => import("./chunks/remote-commands-HVI4VNMC.js").then((module) => module.deployCommand)
  },
  rollback: {
    summary: "Switch a deployment back to a kept release",
    flags: {
      ...REPOSITORY,
      branch: {
        required: true,
        help: "the deployment to roll back, by its branch",
        example: "--branch main"
      },
      to: {},
      actor: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops rollback --branch main --to 3f2c1ab ${KEY}`],
    load: () => import("./chunks/remote-commands-HVI4VNMC.js").then((module) => module.rollbackCommand)
  },
  status: {
    summary: "Show what is deployed, its history and the scheduled jobs",
    flags: {
      ...REPOSITORY,
      branch: { help: "only this deployment, by its branch (default: all)" },
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops status ${KEY}`],
    load: () => import("./chunks/status-command-RZOSMP7H.js").then((module) => module.statusCommand)
  },
  sandbox: {
    summary: "Run a ref as a test job on the sandbox partition and follow it to its end",
    details: "Stages the ref in your sandbox, submits it and streams the job's log on stdout (on stderr with --format json); the staging steps and notes go to stderr. Exit code 0 only for a job that COMPLETED with exit code 0; Ctrl-C cancels the job.",
    flags: {
      ...REPOSITORY,
      ref: { required: true, example: "--ref feature/new-filter" },
      sandbox: {},
      command: {},
      partition: {},
      time: {},
      sbatch: {},
      "no-wait": {},
      actor: { help: "whose run this is: names the sandbox (default: your user name)" },
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops sandbox --ref feature/new-filter --time 00:20:00 --sbatch=--mem=4G ${KEY}`],
    load: () => import("./chunks/sandbox-command-SWZCPZ47.js").then((module) => module.sandboxCommand)
  },
  watch: {
    summary: "Follow a sandbox test job to its end, streaming its log",
    details: "The job's log goes to stdout as it is written (to stderr with --format json), Slurm's state to stderr. Only a sandbox job of this project is followed; Ctrl-C cancels it.",
    operand: { name: "JOBID", help: "the Slurm job id of a sandbox test job (sandbox prints it)" },
    flags: { ...REPOSITORY, ...CONNECTION },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops watch 4242 ${KEY}`],
    load: () => import("./chunks/job-commands-VMPNABRY.js").then((module) => module.watchCommand)
  },
  cancel: {
    summary: "Cancel a sandbox test job, by its id only",
    details: "A scheduled job or a colleague's job is refused, named for what it is.",
    operand: { name: "JOBID", help: "the Slurm job id of a sandbox test job (sandbox prints it)" },
    flags: { ...REPOSITORY, ...CONNECTION },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops cancel 4242 ${KEY}`],
    load: () => import("./chunks/job-commands-VMPNABRY.js").then((module) => module.cancelCommand)
  },
  logs: {
    summary: "The last runs of a scheduled job and the output of the latest (or of --run JOBID[:RUN])",
    details: "The run's output goes to stdout as it is in the job's log file; the runs table and notes to stderr. With --follow, a run in progress is followed to its end; Ctrl-C stops following and leaves the job alone.",
    flags: {
      ...REPOSITORY,
      branch: { required: true, example: "main" },
      job: {},
      runs: {},
      run: {},
      follow: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops logs --branch main --runs 3 ${KEY}`],
    load: () => import("./chunks/logs-command-Z25WXL2T.js").then((module) => module.logsCommand)
  },
  remove: {
    summary: "Remove a deployment (its schedule, jobs and code; data and logs only with --purge) or a sandbox",
    details: "Asks on a terminal; without one it refuses unless --yes. Refuses while one of its jobs runs, unless --force.",
    flags: {
      ...REPOSITORY,
      branch: { help: "the deployment to remove, by its branch" },
      sandbox: { help: "the sandbox to remove" },
      yes: {},
      force: {},
      purge: {},
      actor: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops remove --branch develop --yes ${KEY}`],
    load: () => import("./chunks/remove-command-FFKCWBFK.js").then((module) => module.removeCommand)
  }
};
function commandSpec(name) {
  return Object.hasOwn(COMMAND_TABLE, name) ? COMMAND_TABLE[name] : void 0;
}
function acceptedFlags(rules) {
  return [...Object.keys(rules.flags), ...EVERY_COMMAND_FLAGS];
}

// src/cli/help.ts
function topUsage() {
  const names = Object.keys(COMMAND_TABLE);
  const width = Math.max(...names.map((name) => name.length)) + 2;
  return [
    "Usage: slurm-gitops <command> [flags]",
    "",
    "Commands:",
    ...names.map((name) => `  ${name.padEnd(width)}${COMMAND_TABLE[name].summary}`),
    "",
    "Run 'slurm-gitops <command> --help' for its flags and an example; 'slurm-gitops --version' for the version.",
    `The config is read from ${DEFAULT_CONFIG_PATH} unless --config says otherwise.`,
    ""
  ].join("\n");
}
function commandHelp(name, spec) {
  const flags = acceptedFlags(spec);
  const rows = flags.map((flag) => [flagColumn(flag, spec), flagHelp(flag, spec)]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [`Usage: ${usageLine(name, spec)}`, "", `${spec.summary}.`];
  if (spec.details) lines.push(...wrap(spec.details, 100));
  lines.push("");
  if (spec.operand)
    lines.push("Argument:", `  ${spec.operand.name.padEnd(width - 2)}${spec.operand.help}`, "");
  lines.push("Flags:", ...rows.map(([label, help]) => `  ${label.padEnd(width)}${help}`), "");
  if (flags.includes("identity")) {
    lines.push(
      "Environment:",
      `  ${PASSPHRASE_VARIABLE}  the passphrase of an encrypted --identity key (never a flag: ps shows flags)`,
      ""
    );
  }
  lines.push(spec.examples.length === 1 ? "Example:" : "Examples:", ...spec.examples.map((e) => `  ${e}`), "");
  return lines.join("\n");
}
function usageLine(name, spec) {
  const required = Object.entries(spec.flags).filter(([, use]) => use.required).map(([flag]) => `--${flag} ${FLAGS[flag].value ?? ""}`.trimEnd());
  return ["slurm-gitops", name, ...required, ...spec.operand ? [spec.operand.name] : [], "[flags]"].join(
    " "
  );
}
function flagColumn(flag, spec) {
  return flag === "format" ? flagLabel(flag).replace("FORMAT", spec.formats.join("|")) : flagLabel(flag);
}
function flagHelp(flag, spec) {
  const use = spec.flags[flag];
  const help = use?.help ?? FLAGS[flag].help;
  return use?.required ? `${help} (required)` : help;
}
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// src/cli/parse-command-line.ts
import { parseArgs } from "node:util";
var PARSE_OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, spec]) => [
    name,
    {
      type: spec.type,
      ...spec.short ? { short: spec.short } : {},
      ...spec.multiple ? { multiple: true } : {}
    }
  ])
);
function parseCommandLine(command, rules, argv) {
  const { tokens } = parseArgs({
    args: argv,
    options: PARSE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  const accepted = acceptedFlags(rules);
  const takes = `${command} takes ${accepted.map((name) => `--${name}`).join(", ")}`;
  const problems = [];
  const options = {};
  const args = [];
  for (const token of tokens) {
    if (token.kind === "positional") args.push(token.value);
    if (token.kind !== "option") continue;
    const name = token.name;
    const where = token.rawName;
    if (!Object.hasOwn(FLAGS, name)) {
      problems.push({ where, message: `is not a flag of slurm-gitops${unknownFlagHint(name)}; ${takes}` });
      continue;
    }
    const flag = name;
    const spec = FLAGS[flag];
    if (!accepted.includes(flag)) {
      problems.push({ where: `--${flag}`, message: `does not apply to ${command}; ${takes}` });
      continue;
    }
    if (spec.type === "boolean") {
      if (token.value !== void 0)
        problems.push({ where, message: `takes no value (got "${token.value}")` });
      else options[flag] = true;
      continue;
    }
    const value = token.value;
    if (value === void 0) {
      problems.push({ where, message: `needs a value: --${flag} ${spec.value ?? "VALUE"}` });
      continue;
    }
    if (!token.inlineValue && value.startsWith("-") && value !== "-") {
      problems.push({
        where,
        message: `needs a value, but "${value}" looks like a flag; write --${flag}=${value} if it is the value`
      });
      continue;
    }
    if (spec.multiple) options[flag] = [...options[flag] ?? [], value];
    else if (options[flag] !== void 0) problems.push({ where: `--${flag}`, message: "is given twice" });
    else options[flag] = value;
  }
  for (const [flag, use] of Object.entries(rules.flags)) {
    if (use.required && options[flag] === void 0 && !problems.some((p) => p.where === `--${flag}`)) {
      problems.push({ where: `--${flag}`, message: `is required (e.g. ${use.example ?? `--${flag} VALUE`})` });
    }
  }
  problems.push(...operandProblems(command, rules, args));
  const format = options.format ?? "text";
  const formatKnown = rules.formats.includes(format);
  if (!formatKnown) {
    problems.push({ where: "--format", message: `"${format}" is not one of ${rules.formats.join(", ")}` });
  }
  return {
    options,
    args,
    format: formatKnown ? format : "text",
    help: options.help === true,
    problems
  };
}
function operandProblems(command, rules, args) {
  const operand = rules.operand;
  if (!operand) {
    return args.length === 0 ? [] : [{ where: args.join(" "), message: `is not a flag; ${command} takes no other arguments` }];
  }
  if (args.length === 0) {
    return [{ where: operand.name, message: `is required: slurm-gitops ${command} ${operand.name}` }];
  }
  if (args.length > 1) {
    return [{ where: args.slice(1).join(" "), message: `${command} takes one ${operand.name}` }];
  }
  return [];
}
function unknownFlagHint(name) {
  if (/passphrase|password/i.test(name)) {
    return ` (a key's passphrase is read from the environment variable ${PASSPHRASE_VARIABLE}: a flag's value is shown by ps)`;
  }
  return "";
}

// src/cli/result-output.ts
var JSON_RESULT_VERSION = 1;
function problemJson(problem) {
  const { where, message, location } = problem;
  return { message, where, ...location };
}
function writeResult(io, format, command, result, warnings) {
  if (format === "json") {
    writeJson(io, command, result.exitCode, {
      ...result.json,
      warnings: [...warnings, ...(result.warnings ?? []).map(problemJson)],
      problems: (result.problems ?? []).map(problemJson)
    });
  } else {
    if (result.text !== void 0) io.stdout.write(`${result.text}
`);
    writeProblemLines(io, command, result.problems ?? []);
  }
  return result.exitCode;
}
function writeProblems(io, format, command, problems, { warnings = [], hint } = {}) {
  if (format === "json") writeJson(io, command, 2, { warnings, problems: problems.map(problemJson) });
  else {
    writeProblemLines(io, command, problems);
    if (hint) io.stderr.write(`${hint}
`);
  }
  return 2;
}
function writeFailure(io, format, command, error, warnings) {
  const message = error instanceof Error ? error.message : String(error);
  const kind = error?.kind;
  if (format === "json") {
    writeJson(io, command, 1, {
      warnings,
      problems: [],
      error: { message, ...typeof kind === "string" ? { kind } : {} }
    });
  } else io.stderr.write(`slurm-gitops ${command}: ${message}
`);
  return 1;
}
function writeProblemLines(io, command, problems) {
  for (const problem of problems) io.stderr.write(`slurm-gitops ${command}: ${formatProblem(problem)}
`);
}
function writeJson(io, command, exitCode, fields) {
  const result = { version: JSON_RESULT_VERSION, ok: exitCode === 0, command, ...fields };
  io.stdout.write(`${JSON.stringify(result, null, 2)}
`);
}

// src/cli/run-command.ts
async function runCommand(command, spec, line, io, env2) {
  const warnings = [];
  const context = {
    command,
    options: line.options,
    args: line.args,
    format: line.format,
    io,
    stream: line.format === "json" ? io.stderr : io.stdout,
    note: (text) => io.stderr.write(`slurm-gitops: ${text}
`),
    warn: (text) => {
      warnings.push({ message: text });
      io.stderr.write(`slurm-gitops: warning: ${text}
`);
    },
    env: env2
  };
  try {
    const run = await spec.load();
    return writeResult(io, line.format, command, await run(context), warnings);
  } catch (error) {
    if (error instanceof UserError)
      return writeProblems(io, line.format, command, error.problems, { warnings });
    return writeFailure(io, line.format, command, error, warnings);
  }
}

// src/cli/main.ts
var PROCESS_IO = { stdout: process.stdout, stderr: process.stderr };
var ANY_COMMAND = {
  flags: Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, {}])),
  formats: ["text", "markdown", "json"]
};
async function main(argv, io = PROCESS_IO, env2 = process.env) {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-V") {
    io.stdout.write(`${VERSION}
`);
    return 0;
  }
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    const asked = command === "help" && rest[0] !== void 0 ? commandSpec(rest[0]) : void 0;
    if (asked) io.stdout.write(commandHelp(rest[0], asked));
    else (command === void 0 ? io.stderr : io.stdout).write(topUsage());
    return command === void 0 ? 2 : 0;
  }
  const spec = commandSpec(command);
  const line = parseCommandLine(command, spec ?? ANY_COMMAND, rest);
  if (!spec) {
    const commands = Object.keys(COMMAND_TABLE).join(", ");
    const problem = { where: command, message: `is not a command; the commands are ${commands}` };
    return writeProblems(io, line.format, command, [problem], { hint: "Run 'slurm-gitops --help'." });
  }
  if (line.help) {
    io.stdout.write(commandHelp(command, spec));
    return 0;
  }
  if (line.problems.length > 0) {
    const hint = `Run 'slurm-gitops ${command} --help' for its flags.`;
    return writeProblems(io, line.format, command, line.problems, { hint });
  }
  return runCommand(command, spec, line, io, env2);
}

// src/cli/index.ts
enableCompileCache2();
var env = { ...process.env };
delete process.env[PASSPHRASE_VARIABLE];
function exitAfterOutput(code) {
  let open = 2;
  const flushed = () => {
    open -= 1;
    if (open === 0) process.exit(code);
  };
  process.stdout.write("", flushed);
  process.stderr.write("", flushed);
}
main(process.argv.slice(2), void 0, env).then(exitAfterOutput, (error) => {
  console.error(error);
  exitAfterOutput(1);
});
