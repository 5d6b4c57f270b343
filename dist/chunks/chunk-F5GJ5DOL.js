import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkJobId
} from "./chunk-UAI3N6F7.js";
import {
  PASSPHRASE_VARIABLE
} from "./chunk-G7F7U2DU.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-T4AKZR3M.js";
import {
  checkBranchName,
  checkCommitOrBranch,
  checkFullSha,
  checkGitSha
} from "./chunk-ECP4B572.js";
import {
  checkHost,
  checkUnixUser,
  parsePort
} from "./chunk-QU7PBZDS.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/cli/options.ts
import { statSync } from "node:fs";
import { homedir, userInfo } from "node:os";
import path from "node:path";
var FlagCheck = class {
  problems = [];
  value(flag, value, check) {
    if (value === void 0) return void 0;
    const problem = check(value);
    if (problem) this.problems.push({ where: flag === "JOBID" ? flag : `--${flag}`, message: problem });
    return problem ? void 0 : value;
  }
  done() {
    if (this.problems.length > 0) throw new UserError(this.problems);
  }
};
function repoLocation(options, check, readsWorkingTree) {
  const given = options.config ?? DEFAULT_CONFIG_PATH;
  const config = path.resolve(given);
  const kind = fileKind(config);
  if (kind === "directory") {
    const inside = path.join(given, DEFAULT_CONFIG_PATH);
    const advice = fileKind(path.resolve(inside)) === "file" ? `; did you mean --config ${inside}?` : ` (e.g. ${inside})`;
    check.problems.push({
      where: "--config",
      message: `${given} is a directory; it takes the YAML config file${advice}`
    });
  } else if (kind === "missing" && readsWorkingTree) {
    check.problems.push({
      where: "--config",
      message: `${config} does not exist; pass the config file with --config (default ${DEFAULT_CONFIG_PATH})`
    });
  }
  const dir = options.repo ? path.resolve(options.repo) : path.basename(path.dirname(config)) === ".github" ? path.dirname(path.dirname(config)) : process.cwd();
  return { dir, configPath: path.relative(dir, config) };
}
function fileKind(file) {
  try {
    return statSync(file).isDirectory() ? "directory" : "file";
  } catch {
    return "missing";
  }
}
function planRequest(options) {
  const check = new FlagCheck();
  const sha = check.value("sha", options.sha, checkGitSha);
  const base = check.value("base", options.base, checkCommitOrBranch);
  const branch = options.branch === "all" ? void 0 : check.value("branch", options.branch, checkBranchName);
  const repo = repoLocation(options, check, options.sha === void 0);
  check.done();
  return {
    command: "plan",
    repo,
    head: sha ? { sha } : { tree: true },
    base,
    branches: branch ? [branch] : void 0
  };
}
function remoteRequest(command, options, env) {
  const check = new FlagCheck();
  const branch = check.value("branch", options.branch, checkBranchName);
  const connection = connectionRequest(options, check, env);
  const requester = { actor: options.actor ?? userInfo().username, runUrl: "cli" };
  const repo = repoLocation(options, check, command !== "deploy");
  if (command === "deploy") {
    const sha = check.value("sha", options.sha, checkFullSha);
    check.done();
    return { command, repo, branch, sha, connection, ...requester };
  }
  if (command === "rollback") {
    const to = check.value("to", options.to, checkGitSha);
    check.done();
    return { command, repo, branch, to, connection, ...requester };
  }
  check.done();
  return { command, repo, branches: branch ? [branch] : void 0, connection, ...requester };
}
function jobRequest(command, options, args, env) {
  const check = new FlagCheck();
  const connection = connectionRequest(options, check, env);
  const jobId = check.value("JOBID", args[0], checkJobId);
  const repo = repoLocation(options, check, true);
  check.done();
  return { command, repo, jobId, connection };
}
function sandboxRequest(options, env, now = /* @__PURE__ */ new Date()) {
  const check = new FlagCheck();
  const connection = connectionRequest(options, check, env);
  const repo = repoLocation(options, check, true);
  check.done();
  return {
    command: "sandbox",
    repo,
    ask: {
      ref: options.ref,
      sandbox: options.sandbox,
      command: options.command,
      partition: options.partition,
      timeLimit: options.time,
      sbatch: options.sbatch,
      actor: options.actor ?? userInfo().username
    },
    names: {
      ref: "--ref",
      sandbox: "--sandbox",
      command: "--command",
      partition: "--partition",
      timeLimit: "--time",
      sbatch: "--sbatch",
      actor: "--actor"
    },
    // A UTC time names a run from a terminal (a workflow's run id does in the action).
    runId: now.toISOString().replace(/[-:T]/g, "").slice(0, 14),
    wait: !options["no-wait"],
    actor: options.actor ?? userInfo().username,
    runUrl: "cli",
    connection
  };
}
function connectionRequest(options, check, env) {
  const port = check.value("port", options.port, (text) => {
    const parsed = parsePort(text);
    return "problem" in parsed ? parsed.problem : null;
  });
  const passphrase = env[PASSPHRASE_VARIABLE];
  return {
    local: options.local,
    host: check.value("host", options.host, checkHost),
    port: port === void 0 ? void 0 : Number(port),
    user: check.value("user", options.user, checkUnixUser),
    privateKey: options.identity ? { file: options.identity } : void 0,
    passphrase: passphrase ? { text: passphrase } : void 0,
    knownHosts: { file: options["known-hosts"] ?? path.join(homedir(), ".ssh/known_hosts") },
    names: {
      privateKey: "--identity",
      knownHosts: "--known-hosts",
      passphrase: `environment variable ${PASSPHRASE_VARIABLE}`
    }
  };
}

export {
  FlagCheck,
  repoLocation,
  planRequest,
  remoteRequest,
  jobRequest,
  sandboxRequest,
  connectionRequest
};
