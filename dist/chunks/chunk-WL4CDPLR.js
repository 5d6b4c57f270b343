import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  _enum,
  array,
  boolean,
  number,
  partialRecord,
  record,
  strictObject,
  string
} from "./chunk-JZ56K4AU.js";
import {
  checkSbatchOptions
} from "./chunk-TGMH7RKH.js";
import {
  SANDBOX_ENVIRONMENT,
  checkTimeLimit,
  timeLimitMinutes
} from "./chunk-77AM224P.js";
import {
  checkAbsolutePath,
  checkBranchName,
  checkEnvVarName,
  checkEnvironmentName,
  checkGitHubActor,
  checkJobName,
  checkPartitionName,
  checkSandboxName
} from "./chunk-ECP4B572.js";
import {
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  DEFAULT_SSH_PORT,
  MAX_CONNECT_TIMEOUT_SECONDS
} from "./chunk-FDVLX437.js";
import {
  checkHost,
  checkPort,
  checkUnixUser
} from "./chunk-QU7PBZDS.js";
import {
  checkSlurmCron
} from "./chunk-4MDP3VV4.js";

// src/validate/time-zone.ts
var IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;
var canonicalZones;
function listedZones() {
  canonicalZones ??= /* @__PURE__ */ new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return canonicalZones;
}
function checkTimeZone(value) {
  const allowed = 'use an IANA time zone name such as "Europe/Berlin", "America/Chicago" or "UTC"';
  if (!IANA_NAME.test(value)) return `time zone ${JSON.stringify(value)} is not an IANA name; ${allowed}`;
  if (listedZones().has(value)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return null;
  } catch {
    return `time zone ${JSON.stringify(value)} is unknown; ${allowed} (the controller's: timedatectl on the cluster)`;
  }
}

// src/config/schema.ts
function checked(check) {
  return string().superRefine((value, ctx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
var PROJECT_NAME = /^[a-z][a-z0-9_-]{0,39}$/;
var PYTHON_PACKAGE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
var REPOSITORY = /^(https:\/\/|ssh:\/\/|file:\/\/|git@|\/)[A-Za-z0-9@:/._~+-]+$/;
var RELATIVE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_./@+-]+$/;
var PIP_ARG = /^[A-Za-z0-9_./:=@+,%-]+$/;
var host = checked(checkHost);
var port = number().superRefine((value, ctx) => {
  const problem = checkPort(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
var user = checked(checkUnixUser);
var positiveInt = (max) => number().int().min(1).max(max);
var jumpHost = strictObject({
  host,
  port: port.default(DEFAULT_SSH_PORT),
  user
});
var partitionLimits = strictObject({
  maxTime: checked((value) => checkTimeLimit(value, { allowUnlimited: true }))
});
var cluster = strictObject({
  host,
  port: port.default(DEFAULT_SSH_PORT),
  user,
  /** Run the script under `bash -l` so site profiles set PATH and `module`. */
  loginShell: boolean().default(true),
  jump: jumpHost.optional(),
  connectTimeoutSeconds: positiveInt(MAX_CONNECT_TIMEOUT_SECONDS).default(DEFAULT_CONNECT_TIMEOUT_SECONDS),
  /** Overall limit for one remote run; past it the remote process group is killed. */
  timeoutMinutes: positiveInt(24 * 60).default(30),
  /** Known partitions and their limits, so the plan can check job times before anything runs. */
  partitions: record(checked(checkPartitionName), partitionLimits).optional(),
  /** The controller's time zone (IANA name): schedules run in it; the plan shows next runs in it. */
  timezone: checked(checkTimeZone).optional()
});
var project = strictObject({
  name: string().regex(PROJECT_NAME, 'must be lowercase letters, digits, "_" or "-", starting with a letter, at most 40'),
  root: checked(checkAbsolutePath),
  repository: string().regex(REPOSITORY, "must be an https://, ssh://, file:// or git@host:path URL, or an absolute path"),
  /** `fetch`: the cluster fetches from `repository`; `bundle`: the runner sends the commit over SSH. */
  source: _enum(["fetch", "bundle"]).default("fetch"),
  python: string().regex(
    /^[A-Za-z0-9_./+-]+$/,
    "must be a command name or absolute path such as python3 or /usr/bin/python3.11"
  ).default("python3"),
  requirements: string().regex(RELATIVE_PATH, 'must be a path relative to the repository root, without ".."').default("requirements.txt"),
  pipArgs: array(string().regex(PIP_ARG, "must be one pip argument without spaces or shell characters")).default([]),
  keepReleases: number().int().min(2).max(100).default(5),
  modules: array(string().regex(/^[A-Za-z0-9][A-Za-z0-9_./+-]*$/, "must be a module name such as python/3.11")).default([]),
  package: string().regex(PYTHON_PACKAGE, "must be a Python import name such as caqrn").optional(),
  /** Run in the new venv before switching; default: import the project package. */
  smokeCommand: string().min(1).optional(),
  /** The smoke command is stopped after this long, and the deploy fails. */
  smokeTimeoutSeconds: positiveInt(3600).default(300),
  envPrefix: checked(checkEnvVarName).optional(),
  /** How long a deploy waits for another deploy of the same deployment to finish. */
  lockTimeoutSeconds: positiveInt(3600).default(300)
});
var job = strictObject({
  name: checked(checkJobName),
  schedule: checked(checkSlurmCron),
  time: checked((value) => checkTimeLimit(value)),
  command: string().trim().min(1, "must be a shell command, e.g. python -m caqrn.pipeline"),
  sbatch: array(string()).default([]).superRefine((options, ctx) => {
    const problem = checkSbatchOptions(options, "scron");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /**
   * false: the entry is in the block, commented out as Slurm itself disables one (`#DISABLED: `), so the job stays
   * off across deploys. A managed entry disabled on the cluster (scancel of the cron job) is re-enabled by the
   * next deploy, with a warning: git is the source of truth.
   */
  enabled: boolean().default(true)
});
var deployment = strictObject({
  environment: checked(checkEnvironmentName),
  partition: checked(checkPartitionName),
  dataDir: checked(checkAbsolutePath),
  /** Defaults to `<project.root>/<environment>`. */
  root: checked(checkAbsolutePath).optional(),
  jobs: array(job).default([]),
  /**
   * Deploy only the plan a pull request showed: a push whose plan differs from the one in the sticky comment of
   * the pull request merged into it (or that no pull request reviewed) fails before anything runs on the cluster.
   */
  requireReviewedPlan: boolean().default(false)
});
var sandboxSbatchOptionName = string().superRefine((name, ctx) => {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    ctx.addIssue({
      code: "custom",
      message: `${JSON.stringify(name)} is not an sbatch option name; write the long name without dashes, e.g. "mem" or "cpus-per-task"`
    });
    return;
  }
  const problem = checkSbatchOptions([`--${name}`], "sbatch");
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
var COLLECT_GLOB = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_./*?@+,{}[\]-]+$/;
var sandbox = strictObject({
  partition: checked(checkPartitionName).default("dev"),
  maxTime: checked((value) => checkTimeLimit(value)).default("01:00:00"),
  /** Defaults to `<project.root>/sandboxes`. */
  root: checked(checkAbsolutePath).optional(),
  /** Defaults to the data dir of the deployment whose environment is `development`. */
  dataDir: checked(checkAbsolutePath).optional(),
  /** GitHub logins allowed to launch sandbox jobs; empty means anyone who can run the workflow. */
  allowedActors: array(checked(checkGitHubActor)).default([]),
  command: string().trim().min(1).optional(),
  /** Whether a run may bring its own command instead of `command`. */
  allowCustomCommand: boolean().default(false),
  /** GitHub login → sandbox name; an actor not listed gets the sandbox named like their login. */
  actors: record(checked(checkGitHubActor), checked(checkSandboxName)).default({}),
  /** Extra sbatch options a run may pass, by long name (e.g. "mem"); none by default. */
  allowedSbatchOptions: array(sandboxSbatchOptionName).default([]),
  /** Runs kept per sandbox; older run directories are removed. */
  keepRuns: number().int().min(1).max(100).default(5),
  /** Files of the run directory to keep and show after the job, with a cap on their total size. */
  collect: strictObject({
    globs: array(
      string().regex(
        COLLECT_GLOB,
        'must be a glob relative to the run directory, without ".." or shell characters'
      )
    ).default([]),
    maxMegabytes: positiveInt(10240).default(50)
  }).prefault({}),
  /** The longest pause between two looks at the job's state (the watch starts faster and backs off to it). */
  pollCapSeconds: number().int().min(2).max(600).default(30),
  /** The watch gives up after the job's time limit plus this much time for the queue. */
  queueAllowanceMinutes: number().int().min(0).max(7 * 24 * 60).default(60),
  /** What a watch that gives up does with the job: cancel it, or leave it running and report its id. */
  onWatchTimeout: _enum(["cancel", "leave"]).default("cancel"),
  /** How long the watch tries to reconnect after the connection dropped; the job is unaffected. */
  reconnectSeconds: number().int().min(0).max(3600).default(300)
});
var TEMPLATE_NAMES = [
  "deploy.sh",
  "env.sh",
  "sandbox-env.sh",
  "job.sh",
  "scrontab",
  "sandbox.sh",
  "sandbox-job.sh"
];
var STEP_FILES = [
  "steps/runtime.sh",
  "steps/deployment.sh",
  "steps/scrontab-table.sh",
  "steps/history.sh",
  "steps/golive.sh",
  "steps/preflight.sh",
  "steps/lock.sh",
  "steps/unchanged.sh",
  "steps/slurm.sh",
  "steps/fetch.sh",
  "steps/ancestry.sh",
  "steps/venv.sh",
  "steps/release.sh",
  "steps/verify.sh",
  "steps/switch.sh",
  "steps/schedule.sh",
  "steps/prune.sh",
  "steps/record.sh",
  "steps/target.sh",
  "steps/status.sh",
  "steps/logs.sh",
  "steps/unschedule.sh",
  "steps/teardown.sh",
  "steps/staging-lock.sh",
  "steps/stage.sh",
  "steps/retention.sh",
  "steps/sandbox-remove.sh"
];
var templateOverrides = partialRecord(
  _enum([...TEMPLATE_NAMES, ...STEP_FILES]),
  string().regex(RELATIVE_PATH, 'must be a path relative to the repository root, without ".."')
);
var rawConfig = strictObject({
  cluster,
  project,
  deployments: record(checked(checkBranchName), deployment),
  sandbox: sandbox.prefault({}),
  templates: templateOverrides.default({})
});
var configSchema = rawConfig.superRefine((config, ctx) => {
  const issue = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const partitions = config.cluster.partitions;
  const checkPartition = (path, partition) => {
    if (partitions && !partitions[partition]) {
      issue(
        path,
        `partition "${partition}" is not in cluster.partitions (${Object.keys(partitions).join(", ")})`
      );
    }
  };
  const checkTimeIn = (path, partition, time) => {
    const limits = partitions?.[partition];
    if (limits && !checkTimeLimit(time) && timeLimitMinutes(time) > timeLimitMinutes(limits.maxTime)) {
      issue(path, `time limit ${time} exceeds partition "${partition}" maximum ${limits.maxTime}`);
    }
  };
  const environments = /* @__PURE__ */ new Map();
  for (const [branch, deployment2] of Object.entries(config.deployments)) {
    const other = environments.get(deployment2.environment);
    if (other) {
      issue(
        ["deployments", branch, "environment"],
        `environment "${deployment2.environment}" is already used by branch "${other}"; each deployment needs its own`
      );
    }
    environments.set(deployment2.environment, branch);
    if (deployment2.environment === SANDBOX_ENVIRONMENT) {
      issue(
        ["deployments", branch, "environment"],
        `environment "${SANDBOX_ENVIRONMENT}" is reserved for sandbox test jobs; choose another name, e.g. "testing"`
      );
    }
    checkPartition(["deployments", branch, "partition"], deployment2.partition);
    const names = /* @__PURE__ */ new Set();
    deployment2.jobs.forEach((job2, index) => {
      if (names.has(job2.name)) {
        issue(
          ["deployments", branch, "jobs", index, "name"],
          `job name "${job2.name}" is used twice in this deployment`
        );
      }
      names.add(job2.name);
      checkTimeIn(["deployments", branch, "jobs", index, "time"], deployment2.partition, job2.time);
    });
  }
  if (Object.keys(config.deployments).length === 0) {
    issue(["deployments"], "at least one deployment is needed, e.g. main: { environment: production, ... }");
  }
  checkPartition(["sandbox", "partition"], config.sandbox.partition);
  checkTimeIn(["sandbox", "maxTime"], config.sandbox.partition, config.sandbox.maxTime);
  if (!config.sandbox.dataDir && !Object.values(config.deployments).some((d) => d.environment === "development")) {
    issue(
      ["sandbox", "dataDir"],
      'is required when no deployment has environment "development" to borrow data from'
    );
  }
});

export {
  TEMPLATE_NAMES,
  STEP_FILES,
  configSchema
};
