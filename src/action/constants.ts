// Input, output and state names in one place, so no other file spells them as string literals (as actions/cache
// does). action.yml declares the same names; test/action checks the two agree.

export enum Inputs {
  Command = 'command',
  Config = 'config',
  WorkingDirectory = 'working-directory',
  GitHubToken = 'github-token',
  GitHubDeployment = 'github-deployment',
  Comment = 'comment',
  SshPrivateKey = 'ssh-private-key',
  SshKeyPassphrase = 'ssh-key-passphrase',
  SshKnownHosts = 'ssh-known-hosts',
  SshHost = 'ssh-host',
  SshPort = 'ssh-port',
  SshUser = 'ssh-user',
  TimeoutMinutes = 'timeout-minutes',
  Branch = 'branch',
  Sha = 'sha',
  To = 'to',
  Ref = 'ref',
  Sandbox = 'sandbox',
  SandboxCommand = 'sandbox-command',
  Partition = 'partition',
  TimeLimit = 'time-limit',
  SbatchOptions = 'sbatch-options',
  Wait = 'wait',
  JobId = 'job-id',
  FailOn = 'fail-on'
}

export enum Outputs {
  /** The command that ran, after `auto` was resolved from the event. */
  Command = 'command',
  /** `plan`: whether merging changes anything that gets deployed (any file or script differs from the base). */
  Changed = 'changed',
  /** `plan`: JSON array of the branches whose deployment would change. */
  ChangedDeployments = 'changed-deployments',
  /** `plan`: URL of the sticky PR comment, when one was written. */
  CommentUrl = 'comment-url',
  /** `deploy`/`rollback`: the commit now live. */
  Sha = 'sha',
  /** `deploy`/`rollback`: the commit live before (empty on the first deploy). */
  PreviousSha = 'previous-sha',
  /** `deploy`/`rollback`: the release directory now behind `current`. */
  Release = 'release',
  /** `deploy`/`rollback`: the deployment's environment name. */
  Environment = 'environment',
  /** `deploy`: `reused` or `built`. */
  Venv = 'venv',
  /** `deploy`: `changed` or `unchanged` (an unchanged table is not reinstalled). */
  Scrontab = 'scrontab',
  /** `deploy`: why nothing was deployed (the commit is older than the live one); empty when it deployed. */
  Skipped = 'skipped',
  /** `sandbox`: the Slurm job id of the test job. */
  JobId = 'job-id',
  /** `sandbox`: its final Slurm state (COMPLETED, FAILED, TIMEOUT, CANCELLED, …); empty with wait: false. */
  State = 'state',
  /** `sandbox`: its exit code. */
  ExitCode = 'exit-code',
  /** `sandbox`: the job's log on the cluster. */
  LogPath = 'log-path',
  /** `sandbox`: the run directory on the cluster. */
  RunDir = 'run-dir',
  /** `sandbox`: Slurm queries the watch made. */
  SlurmQueries = 'slurm-queries',
  /** `sandbox`: the directory on the runner holding the job's log and the collected files (for upload-artifact). */
  ArtifactDir = 'artifact-dir',
  /** `status`: Synced, OutOfSync or Unknown (the worst over the deployments). */
  Sync = 'sync',
  /** `status`: Healthy, Degraded or Unknown (the worst over the deployments). */
  Health = 'health',
  /** `status`: the whole status as JSON (docs/status-json.md). */
  StatusJson = 'status-json'
}

export enum State {
  /** Set by the main step; the post step (same bundle) finds it and knows it is the post step. */
  IsPost = 'isPost',
  /** A sandbox job the main step submitted and has not seen finish: the post step cancels it. */
  UnfinishedJob = 'unfinishedJob'
}

/** What the `command` input accepts. `auto` picks from the event (see resolveCommand in inputs.ts). */
export const COMMANDS = ['plan', 'deploy', 'rollback', 'sandbox', 'watch', 'cancel', 'status'] as const
export type Command = (typeof COMMANDS)[number]
export const AUTO_COMMAND = 'auto'

/**
 * What `github-deployment` accepts: `off`, the job's `environment:` is the deployment record (GitHub creates it);
 * `create`, the action records one through the Deployments API (for a job without `environment:`).
 */
export const GITHUB_DEPLOYMENT_MODES = ['off', 'create'] as const
export type GitHubDeploymentMode = (typeof GITHUB_DEPLOYMENT_MODES)[number]

/** What `fail-on` accepts for `command: status`: the verdicts that fail the step (`never` for none). */
export const FAIL_ON_VERDICTS = ['out-of-sync', 'degraded', 'unknown'] as const
export type FailOnVerdict = (typeof FAIL_ON_VERDICTS)[number]
export const DEFAULT_FAIL_ON = 'out-of-sync,degraded'

/** Hidden marker by which the plan's sticky PR comment is found again on the next push. */
export const PLAN_COMMENT_MARKER = '<!-- slurm-gitops:plan -->'

/** GitHub rejects issue comments longer than this (characters). */
export const COMMENT_LIMIT = 65536

/** GitHub rejects a step summary larger than 1 MiB; stay under it with room for other steps' notes. */
export const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024
