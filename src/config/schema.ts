// The user's config file (`.github/slurm-gitops.yml`), as a schema: shape, defaults, and every rule that can be
// checked without a cluster. Each rule's message says what is allowed; the loader prefixes the config path.
import * as z from 'zod'
import { checkHost, checkPort, checkUnixUser } from '../validate/network.js'
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_SSH_PORT, MAX_CONNECT_TIMEOUT_SECONDS } from './endpoint.js'
import { checkSlurmCron } from '../validate/slurm-cron.js'
import { checkTimeLimit, timeLimitMinutes } from '../validate/time-limit.js'
import {
  checkAbsolutePath,
  checkBranchName,
  checkEnvironmentName,
  checkEnvVarName,
  checkGitHubActor,
  checkJobName,
  checkPartitionName,
  checkSandboxName
} from '../validate/names.js'
import { checkSbatchOptions } from '../validate/sbatch-options.js'
import { checkTimeZone } from '../validate/time-zone.js'
import { SANDBOX_ENVIRONMENT } from '../sandbox/job-name.js'

/** Turns a `(value) => problem | null` check into a zod refinement with that problem as the message. */
function checked(check: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const problem = check(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}

const PROJECT_NAME = /^[a-z][a-z0-9_-]{0,39}$/
const PYTHON_PACKAGE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/
const REPOSITORY = /^(https:\/\/|ssh:\/\/|file:\/\/|git@|\/)[A-Za-z0-9@:/._~+-]+$/
const RELATIVE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_./@+-]+$/
const PIP_ARG = /^[A-Za-z0-9_./:=@+,%-]+$/

const host = checked(checkHost)
const port = z.number().superRefine((value, ctx) => {
  const problem = checkPort(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
const user = checked(checkUnixUser)
const positiveInt = (max: number) => z.number().int().min(1).max(max)

const jumpHost = z.strictObject({
  host,
  port: port.default(DEFAULT_SSH_PORT),
  user
})

const partitionLimits = z.strictObject({
  maxTime: checked(value => checkTimeLimit(value, { allowUnlimited: true }))
})

const cluster = z.strictObject({
  host,
  port: port.default(DEFAULT_SSH_PORT),
  user,
  /** Run the script under `bash -l` so site profiles set PATH and `module`. */
  loginShell: z.boolean().default(true),
  jump: jumpHost.optional(),
  connectTimeoutSeconds: positiveInt(MAX_CONNECT_TIMEOUT_SECONDS).default(DEFAULT_CONNECT_TIMEOUT_SECONDS),
  /** Overall limit for one remote run; past it the remote process group is killed. */
  timeoutMinutes: positiveInt(24 * 60).default(30),
  /** Known partitions and their limits, so the plan can check job times before anything runs. */
  partitions: z.record(checked(checkPartitionName), partitionLimits).optional(),
  /** The controller's time zone (IANA name): schedules run in it; the plan shows next runs in it. */
  timezone: checked(checkTimeZone).optional()
})

const project = z.strictObject({
  name: z
    .string()
    .regex(PROJECT_NAME, 'must be lowercase letters, digits, "_" or "-", starting with a letter, at most 40'),
  root: checked(checkAbsolutePath),
  repository: z
    .string()
    .regex(REPOSITORY, 'must be an https://, ssh://, file:// or git@host:path URL, or an absolute path'),
  /** `fetch`: the cluster fetches from `repository`; `bundle`: the runner sends the commit over SSH. */
  source: z.enum(['fetch', 'bundle']).default('fetch'),
  python: z
    .string()
    .regex(
      /^[A-Za-z0-9_./+-]+$/,
      'must be a command name or absolute path such as python3 or /usr/bin/python3.11'
    )
    .default('python3'),
  requirements: z
    .string()
    .regex(RELATIVE_PATH, 'must be a path relative to the repository root, without ".."')
    .default('requirements.txt'),
  pipArgs: z
    .array(z.string().regex(PIP_ARG, 'must be one pip argument without spaces or shell characters'))
    .default([]),
  keepReleases: z.number().int().min(2).max(100).default(5),
  modules: z
    .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_./+-]*$/, 'must be a module name such as python/3.11'))
    .default([]),
  package: z.string().regex(PYTHON_PACKAGE, 'must be a Python import name such as caqrn').optional(),
  /** Run in the new venv before switching; default: import the project package. */
  smokeCommand: z.string().min(1).optional(),
  /** The smoke command is stopped after this long, and the deploy fails. */
  smokeTimeoutSeconds: positiveInt(3600).default(300),
  envPrefix: checked(checkEnvVarName).optional(),
  /** How long a deploy waits for another deploy of the same deployment to finish. */
  lockTimeoutSeconds: positiveInt(3600).default(300)
})

const job = z.strictObject({
  name: checked(checkJobName),
  schedule: checked(checkSlurmCron),
  time: checked(value => checkTimeLimit(value)),
  command: z.string().trim().min(1, 'must be a shell command, e.g. python -m caqrn.pipeline'),
  sbatch: z
    .array(z.string())
    .default([])
    .superRefine((options, ctx) => {
      const problem = checkSbatchOptions(options, 'scron')
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  /**
   * false: the entry is in the block, commented out as Slurm itself disables one (`#DISABLED: `), so the job stays
   * off across deploys. A managed entry disabled on the cluster (scancel of the cron job) is re-enabled by the
   * next deploy, with a warning: git is the source of truth.
   */
  enabled: z.boolean().default(true)
})

const deployment = z.strictObject({
  environment: checked(checkEnvironmentName),
  partition: checked(checkPartitionName),
  dataDir: checked(checkAbsolutePath),
  /** Defaults to `<project.root>/<environment>`. */
  root: checked(checkAbsolutePath).optional(),
  jobs: z.array(job).default([]),
  /**
   * Deploy only the plan a pull request showed: a push whose plan differs from the one in the sticky comment of
   * the pull request merged into it (or that no pull request reviewed) fails before anything runs on the cluster.
   */
  requireReviewedPlan: z.boolean().default(false)
})

/** An sbatch option's long name, without dashes, that a sandbox run may pass (e.g. "mem", "gres"). */
const sandboxSbatchOptionName = z.string().superRefine((name, ctx) => {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(name)} is not an sbatch option name; write the long name without dashes, e.g. "mem" or "cpus-per-task"`
    })
    return
  }
  const problem = checkSbatchOptions([`--${name}`], 'sbatch')
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** Paths of a run directory to keep after the job: relative globs, no "..", no shell characters. */
const COLLECT_GLOB = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_./*?@+,{}[\]-]+$/

const sandbox = z.strictObject({
  partition: checked(checkPartitionName).default('dev'),
  maxTime: checked(value => checkTimeLimit(value)).default('01:00:00'),
  /** Defaults to `<project.root>/sandboxes`. */
  root: checked(checkAbsolutePath).optional(),
  /** Defaults to the data dir of the deployment whose environment is `development`. */
  dataDir: checked(checkAbsolutePath).optional(),
  /** GitHub logins allowed to launch sandbox jobs; empty means anyone who can run the workflow. */
  allowedActors: z.array(checked(checkGitHubActor)).default([]),
  command: z.string().trim().min(1).optional(),
  /** Whether a run may bring its own command instead of `command`. */
  allowCustomCommand: z.boolean().default(false),
  /** GitHub login → sandbox name; an actor not listed gets the sandbox named like their login. */
  actors: z.record(checked(checkGitHubActor), checked(checkSandboxName)).default({}),
  /** Extra sbatch options a run may pass, by long name (e.g. "mem"); none by default. */
  allowedSbatchOptions: z.array(sandboxSbatchOptionName).default([]),
  /** Runs kept per sandbox; older run directories are removed. */
  keepRuns: z.number().int().min(1).max(100).default(5),
  /** Files of the run directory to keep and show after the job, with a cap on their total size. */
  collect: z
    .strictObject({
      globs: z
        .array(
          z
            .string()
            .regex(
              COLLECT_GLOB,
              'must be a glob relative to the run directory, without ".." or shell characters'
            )
        )
        .default([]),
      maxMegabytes: positiveInt(10_240).default(50)
    })
    .prefault({}),
  /** The longest pause between two looks at the job's state (the watch starts faster and backs off to it). */
  pollCapSeconds: z.number().int().min(2).max(600).default(30),
  /** The watch gives up after the job's time limit plus this much time for the queue. */
  queueAllowanceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** What a watch that gives up does with the job: cancel it, or leave it running and report its id. */
  onWatchTimeout: z.enum(['cancel', 'leave']).default('cancel'),
  /** How long the watch tries to reconnect after the connection dropped; the job is unaffected. */
  reconnectSeconds: z.number().int().min(0).max(3600).default(300)
})

export const TEMPLATE_NAMES = [
  'deploy.sh',
  'env.sh',
  'sandbox-env.sh',
  'job.sh',
  'scrontab',
  'sandbox.sh',
  'sandbox-job.sh'
] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

/**
 * The plain bash files of deploy-templates/steps/ that scripts are made of (`{{include "steps/venv.sh"}}`):
 * libraries of helpers, then one file per step. A repository overrides one alone, by this name, in `templates`.
 */
export const STEP_FILES = [
  'steps/runtime.sh',
  'steps/deployment.sh',
  'steps/scrontab-table.sh',
  'steps/history.sh',
  'steps/golive.sh',
  'steps/preflight.sh',
  'steps/lock.sh',
  'steps/unchanged.sh',
  'steps/slurm.sh',
  'steps/fetch.sh',
  'steps/ancestry.sh',
  'steps/venv.sh',
  'steps/release.sh',
  'steps/verify.sh',
  'steps/switch.sh',
  'steps/schedule.sh',
  'steps/prune.sh',
  'steps/record.sh',
  'steps/target.sh',
  'steps/status.sh',
  'steps/logs.sh',
  'steps/unschedule.sh',
  'steps/teardown.sh',
  'steps/staging-lock.sh',
  'steps/stage.sh',
  'steps/retention.sh',
  'steps/sandbox-remove.sh'
] as const
export type StepFile = (typeof STEP_FILES)[number]

/** What `templates.<key>` may override: a template, or a step file. */
export type OverridableName = TemplateName | StepFile

const templateOverrides = z.partialRecord(
  z.enum([...TEMPLATE_NAMES, ...STEP_FILES]),
  z.string().regex(RELATIVE_PATH, 'must be a path relative to the repository root, without ".."')
)

const rawConfig = z.strictObject({
  cluster,
  project,
  deployments: z.record(checked(checkBranchName), deployment),
  sandbox: sandbox.prefault({}),
  templates: templateOverrides.default({})
})

/** Cross-field rules: partitions, environments and roots must agree with each other. */
export const configSchema = rawConfig.superRefine((config, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message })
  const partitions = config.cluster.partitions
  // An unknown partition is reported once, at the key that names it; the time limits under it are checked only
  // against a partition that is known (otherwise each job's time would repeat the typo at the wrong key).
  const checkPartition = (path: (string | number)[], partition: string) => {
    if (partitions && !partitions[partition]) {
      issue(
        path,
        `partition "${partition}" is not in cluster.partitions (${Object.keys(partitions).join(', ')})`
      )
    }
  }
  const checkTimeIn = (path: (string | number)[], partition: string, time: string) => {
    const limits = partitions?.[partition]
    if (limits && !checkTimeLimit(time) && timeLimitMinutes(time) > timeLimitMinutes(limits.maxTime)) {
      issue(path, `time limit ${time} exceeds partition "${partition}" maximum ${limits.maxTime}`)
    }
  }

  const environments = new Map<string, string>()
  for (const [branch, deployment] of Object.entries(config.deployments)) {
    const other = environments.get(deployment.environment)
    if (other) {
      issue(
        ['deployments', branch, 'environment'],
        `environment "${deployment.environment}" is already used by branch "${other}"; each deployment needs its own`
      )
    }
    environments.set(deployment.environment, branch)
    if (deployment.environment === SANDBOX_ENVIRONMENT) {
      // Its scheduled jobs would be named like sandbox jobs (<project>-sandbox-…), which watch/cancel act on.
      issue(
        ['deployments', branch, 'environment'],
        `environment "${SANDBOX_ENVIRONMENT}" is reserved for sandbox test jobs; choose another name, e.g. "testing"`
      )
    }
    checkPartition(['deployments', branch, 'partition'], deployment.partition)
    const names = new Set<string>()
    deployment.jobs.forEach((job, index) => {
      if (names.has(job.name)) {
        issue(
          ['deployments', branch, 'jobs', index, 'name'],
          `job name "${job.name}" is used twice in this deployment`
        )
      }
      names.add(job.name)
      checkTimeIn(['deployments', branch, 'jobs', index, 'time'], deployment.partition, job.time)
    })
  }
  if (Object.keys(config.deployments).length === 0) {
    issue(['deployments'], 'at least one deployment is needed, e.g. main: { environment: production, ... }')
  }
  checkPartition(['sandbox', 'partition'], config.sandbox.partition)
  checkTimeIn(['sandbox', 'maxTime'], config.sandbox.partition, config.sandbox.maxTime)
  if (
    !config.sandbox.dataDir &&
    !Object.values(config.deployments).some(d => d.environment === 'development')
  ) {
    issue(
      ['sandbox', 'dataDir'],
      'is required when no deployment has environment "development" to borrow data from'
    )
  }
})

export type RawConfig = z.output<typeof configSchema>
