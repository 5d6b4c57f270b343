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
  runEnvironment
} from "./chunk-JV5UGA76.js";
import {
  checkJobId
} from "./chunk-UAI3N6F7.js";
import "./chunk-VBNEW65A.js";
import "./chunk-3MBQ7RCC.js";
import {
  AUTO_COMMAND,
  COMMANDS,
  DEFAULT_FAIL_ON,
  FAIL_ON_VERDICTS,
  GITHUB_DEPLOYMENT_MODES
} from "./chunk-SWQI6JLJ.js";
import {
  debug,
  getInput,
  getState,
  info,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "./chunk-NKJGWXBT.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-T4AKZR3M.js";
import {
  checkBranchName,
  checkFullSha,
  checkGitSha
} from "./chunk-ECP4B572.js";
import {
  checkHost,
  checkUnixUser,
  parsePort
} from "./chunk-QU7PBZDS.js";
import "./chunk-Q6RAD52C.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";
import "./chunk-M7CMLPS4.js";

// src/action/inputs.ts
import path from "node:path";
var readActionInput = (name) => getInput(name);
function getInputs(event, read = readActionInput, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
  const githubToken = read("github-token" /* GitHubToken */);
  const privateKey = read("ssh-private-key" /* SshPrivateKey */);
  const passphrase = read("ssh-key-passphrase" /* SshKeyPassphrase */);
  maskSecret(githubToken);
  maskSecret(privateKey);
  maskSecret(passphrase);
  const dispatched = (name) => {
    const value = event.eventName === "workflow_dispatch" ? event.payload.inputs?.[name] : void 0;
    return typeof value === "string" ? value : "";
  };
  const problems = [];
  const problem = (input, message) => problems.push({ where: `input ${input}`, message });
  const optional = (input, value, check) => {
    if (value === "") return void 0;
    const bad = check(value);
    if (bad) problem(input, bad);
    return bad ? void 0 : value;
  };
  const { command, source: commandSource } = resolveCommand(
    read("command" /* Command */) || AUTO_COMMAND,
    event,
    problem
  );
  const workingDirectoryInput = read("working-directory" /* WorkingDirectory */) || ".";
  const workingDirectory = path.resolve(workspace, workingDirectoryInput);
  if (!isInside(workspace, workingDirectory)) {
    problem(
      "working-directory" /* WorkingDirectory */,
      `"${workingDirectoryInput}" is outside the workspace; use a path inside it`
    );
  }
  const configInput = read("config" /* Config */) || DEFAULT_CONFIG_PATH;
  if (path.isAbsolute(configInput) || configInput.split(/[\\/]/).includes("..")) {
    problem(
      "config" /* Config */,
      `"${configInput}" must be a path relative to working-directory without "..", e.g. ${DEFAULT_CONFIG_PATH}`
    );
  }
  const config = path.posix.normalize(configInput.replace(/\\/g, "/"));
  const repo = { dir: workingDirectory, configPath: config };
  const comment = parseBoolean("comment" /* Comment */, read("comment" /* Comment */), true, problem);
  const githubDeployment = parseChoice(
    "github-deployment" /* GitHubDeployment */,
    read("github-deployment" /* GitHubDeployment */),
    GITHUB_DEPLOYMENT_MODES,
    problem
  );
  const port = read("ssh-port" /* SshPort */);
  const parsedPort = port === "" ? void 0 : parsePort(port);
  if (parsedPort && "problem" in parsedPort) problem("ssh-port" /* SshPort */, parsedPort.problem);
  const connection = {
    privateKey: privateKey ? { text: privateKey } : void 0,
    passphrase: passphrase ? { text: passphrase } : void 0,
    knownHosts: read("ssh-known-hosts" /* SshKnownHosts */) ? { text: read("ssh-known-hosts" /* SshKnownHosts */) } : void 0,
    host: optional("ssh-host" /* SshHost */, read("ssh-host" /* SshHost */), checkHost),
    port: parsedPort && "port" in parsedPort ? parsedPort.port : void 0,
    user: optional("ssh-user" /* SshUser */, read("ssh-user" /* SshUser */), checkUnixUser),
    names: {
      privateKey: `input ${"ssh-private-key" /* SshPrivateKey */}`,
      knownHosts: `input ${"ssh-known-hosts" /* SshKnownHosts */}`,
      passphrase: `input ${"ssh-key-passphrase" /* SshKeyPassphrase */}`
    },
    timeoutMinutes: parseInteger("timeout-minutes" /* TimeoutMinutes */, read("timeout-minutes" /* TimeoutMinutes */), 1, 24 * 60, problem)
  };
  const requester = { actor: event.actor ?? "", runUrl: event.runUrl ?? "" };
  const branchInput = read("branch" /* Branch */) || dispatched("branch") || branchOfRef(event.ref);
  const branch = optional("branch" /* Branch */, branchInput, checkBranchName);
  const needsBranch = () => {
    if (branchInput === "") problem("branch" /* Branch */, `is required for ${command} outside a branch push`);
    return branch ?? "";
  };
  const pull = pullRequestOf(event);
  let request;
  switch (command) {
    case "plan":
      request = { command, repo, head: { tree: true }, base: baseCommit(event) };
      break;
    case "deploy":
      request = {
        command,
        repo,
        branch: needsBranch(),
        // A deploy pins exactly one commit: the input's, else the event's.
        sha: optional("sha" /* Sha */, read("sha" /* Sha */) || event.sha || "", checkFullSha),
        connection,
        ...requester
      };
      if (!read("sha" /* Sha */) && !event.sha)
        problem("sha" /* Sha */, "is required: the event has no commit (GITHUB_SHA)");
      break;
    case "watch":
    case "cancel": {
      const jobId = read("job-id" /* JobId */) || dispatched("job-id");
      if (jobId === "")
        problem("job-id" /* JobId */, `is required for ${command}: the id of a sandbox job (the job-id output)`);
      else {
        const bad = checkJobId(jobId);
        if (bad) problem("job-id" /* JobId */, bad);
      }
      request = { command, repo, jobId, connection };
      break;
    }
    case "sandbox":
      request = {
        command,
        repo,
        ask: {
          // The form's ref, else the dispatched branch or commit.
          ref: read("ref" /* Ref */) || dispatched("ref") || branchOfRef(event.ref) || event.sha || "",
          sandbox: read("sandbox" /* Sandbox */) || dispatched("sandbox") || void 0,
          command: read("sandbox-command" /* SandboxCommand */) || dispatched("sandbox-command") || void 0,
          partition: read("partition" /* Partition */) || dispatched("partition") || void 0,
          timeLimit: read("time-limit" /* TimeLimit */) || dispatched("time-limit") || void 0,
          sbatch: (read("sbatch-options" /* SbatchOptions */) || dispatched("sbatch-options")).split(/\s+/).filter(Boolean),
          actor: event.actor ?? ""
        },
        names: {
          ref: `input ${"ref" /* Ref */}`,
          sandbox: `input ${"sandbox" /* Sandbox */}`,
          command: `input ${"sandbox-command" /* SandboxCommand */}`,
          partition: `input ${"partition" /* Partition */}`,
          timeLimit: `input ${"time-limit" /* TimeLimit */}`,
          sbatch: `input ${"sbatch-options" /* SbatchOptions */}`,
          actor: "actor (GITHUB_ACTOR)"
        },
        runId: /^\d{1,20}$/.test(event.runId ?? "") ? event.runId : String(Date.now()),
        wait: parseBoolean("wait" /* Wait */, read("wait" /* Wait */) || dispatched("wait"), true, problem),
        connection,
        ...requester
      };
      break;
    case "status": {
      const asked = read("branch" /* Branch */) || dispatched("branch");
      const one = optional("branch" /* Branch */, asked, checkBranchName);
      request = { command, repo, branches: one ? [one] : void 0, connection, ...requester };
      break;
    }
    case "rollback":
      request = {
        command,
        repo,
        branch: needsBranch(),
        to: optional("to" /* To */, read("to" /* To */) || dispatched("to"), checkGitSha),
        connection,
        ...requester
      };
      break;
  }
  const failOn = parseFailOn(read("fail-on" /* FailOn */) || DEFAULT_FAIL_ON, problem);
  if (problems.length > 0) throw new UserError(problems);
  return {
    command,
    commandSource,
    workingDirectory,
    config,
    githubToken,
    githubDeployment,
    comment,
    request,
    eventSha: event.sha ?? "",
    pullRequest: pull,
    failOn
  };
}
function parseFailOn(value, problem) {
  const words = value.split(/[\s,]+/).filter(Boolean);
  if (words.length === 1 && words[0] === "never") return [];
  const allowed = (word) => FAIL_ON_VERDICTS.includes(word);
  const unknown = words.filter((word) => !allowed(word));
  if (unknown.length > 0 || words.length === 0)
    problem(
      "fail-on" /* FailOn */,
      `"${value}" is not allowed; list verdicts from ${FAIL_ON_VERDICTS.join(", ")} (e.g. ${DEFAULT_FAIL_ON}), or write never`
    );
  return words.filter(allowed);
}
function branchOfRef(ref) {
  return ref?.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : "";
}
function pullRequestOf(event) {
  const pull = event.payload.pull_request;
  if (!pull || typeof pull.number !== "number") return void 0;
  return {
    number: pull.number,
    headSha: typeof pull.head?.sha === "string" ? pull.head.sha : event.sha ?? "",
    baseRef: typeof pull.base?.ref === "string" ? pull.base.ref : void 0
  };
}
function baseCommit(event) {
  const pull = event.payload.pull_request;
  const pullRequestBase = pull?.base?.sha;
  if (typeof pullRequestBase === "string" && pullRequestBase) return pullRequestBase;
  const before = event.payload.before;
  if (event.eventName === "push" && typeof before === "string" && !/^0+$/.test(before)) return before;
  return void 0;
}
function resolveCommand(value, event, problem) {
  const allowed = [AUTO_COMMAND, ...COMMANDS].join(", ");
  if (value !== AUTO_COMMAND) {
    if (isCommand(value)) return { command: value, source: "input" };
    problem("command" /* Command */, `"${value}" is not a command; use one of ${allowed}`);
    return { command: "plan", source: "input" };
  }
  const source = `auto (${event.eventName} event)`;
  switch (event.eventName) {
    case "pull_request":
    case "pull_request_target":
      return { command: "plan", source };
    case "push":
      return { command: "deploy", source };
    case "schedule":
      return { command: "status", source };
    case "workflow_dispatch": {
      const dispatched = event.payload.inputs?.command;
      if (dispatched === void 0 || dispatched === "") return { command: "sandbox", source };
      if (typeof dispatched === "string" && isCommand(dispatched)) {
        return { command: dispatched, source: `${source}, its command input` };
      }
      problem(
        "command" /* Command */,
        `auto took the workflow_dispatch input "command", but ${JSON.stringify(dispatched)} is not one of ${COMMANDS.join(", ")}`
      );
      return { command: "sandbox", source };
    }
    default:
      problem(
        "command" /* Command */,
        `auto cannot choose a command for the ${event.eventName} event (it knows pull_request, push, schedule and workflow_dispatch); set command to one of ${COMMANDS.join(", ")}`
      );
      return { command: "plan", source };
  }
}
function isCommand(value) {
  return COMMANDS.includes(value);
}
function parseBoolean(input, value, fallback, problem) {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  problem(input, `"${value}" is not a boolean; use true or false`);
  return fallback;
}
function parseChoice(input, value, choices, problem) {
  if (value === "") return choices[0];
  if (choices.includes(value)) return value;
  problem(input, `"${value}" is not allowed; use one of ${choices.join(", ")}`);
  return choices[0];
}
function parseInteger(input, value, min, max, problem) {
  if (value === "") return void 0;
  const number = Number(value);
  if (/^\d+$/.test(value) && number >= min && number <= max) return number;
  problem(input, `"${value}" is not allowed; use a whole number from ${min} to ${max}`);
  return void 0;
}
function maskSecret(value) {
  if (!value) return;
  setSecret(value);
  if (!/[\r\n]/.test(value)) return;
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().length >= 8) setSecret(line.trim());
  }
}
function isInside(parent, child) {
  const relative = path.relative(parent, child);
  return relative === "" || !relative.startsWith("..") && !path.isAbsolute(relative);
}

// src/action/main.ts
var presenters = {
  plan: async () => (await import("./plan-command-LO52SBNM.js")).runPlan,
  deploy: async () => (await import("./deploy-command-D7PWUSC6.js")).runDeploymentCommand,
  rollback: async () => (await import("./deploy-command-D7PWUSC6.js")).runDeploymentCommand,
  sandbox: async () => (await import("./sandbox-command-YAKSBAY7.js")).runSandboxCommand,
  watch: async () => (await import("./sandbox-command-YAKSBAY7.js")).runWatchCommand,
  cancel: async () => (await import("./sandbox-command-YAKSBAY7.js")).runCancelCommand,
  status: async () => (await import("./status-command-Y6K2VMFD.js")).runStatusCommand
};
async function run() {
  let settings;
  try {
    settings = getInputs(eventInfo());
    info(`slurm-gitops ${settings.command} (${settings.commandSource})`);
    setOutput("command" /* Command */, settings.command);
    const present = await presenters[settings.command]();
    await present(settings);
  } catch (error) {
    fail(error, settings);
  }
}
async function runPost() {
  try {
    if (!getState("unfinishedJob" /* UnfinishedJob */)) return;
    const settings = getInputs(eventInfo());
    const { cancelUnfinishedJob } = await import("./sandbox-command-YAKSBAY7.js");
    await cancelUnfinishedJob(settings);
  } catch (error) {
    warning(`slurm-gitops post step: ${error instanceof Error ? error.message : String(error)}`);
  }
}
function eventInfo() {
  const run2 = runEnvironment();
  return { ...run2, runUrl: runUrl(void 0, run2), runId: String(run2.runId) };
}
function fail(error, settings) {
  if (error instanceof UserError) {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    annotateProblems(error.problems, "error", { repoDir: settings?.workingDirectory ?? workspace, workspace });
    setFailed(`slurm-gitops: ${error.problems.length} problem(s), see the errors above`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.stack) debug(error.stack);
  setFailed(`slurm-gitops failed: ${message}`);
}
export {
  run,
  runPost
};
