// The Plan is plain data: everything a run would write and execute, computed without touching the network.
// The PR check shows it, golden tests pin it, the executor runs it.

/** A file the deploy writes into the new release, path relative to the release directory. */
export interface PlannedFile {
  path: string
  /** Octal permission bits, e.g. 0o755 for scripts. */
  mode: number
  content: string
}

/** One deployment's plan: the rendered files plus the one bash script that installs them on the cluster. */
export interface DeploymentPlan {
  branch: string
  environment: string
  /** Absolute deployment root on the cluster, e.g. /projects/caqrn/production. */
  root: string
  files: PlannedFile[]
  /**
   * The remote script, deterministic for a given config and templates. Values that change per run
   * (commit, actor, run URL, marker nonce) are not in it: the executor sends them as a preamble.
   */
  script: string
  /** The marked scrontab block this deployment owns (also among `files`). */
  scrontabBlock: string
  /**
   * Repository files that decide what the deploy builds besides the code: the requirements file (the venv).
   * Not written by the deploy; shown in the PR plan so a dependency change is visible. Empty when not read.
   */
  inputs: PlannedFile[]
}

/** Values that differ per run and are prepended to the script as shell-quoted assignments. */
export type RunMode = 'deploy' | 'rollback' | 'status'

// A type rather than an interface, so that it is assignable to the executor's ScriptParameters.
export type RunParameters = {
  /** What the deploy script does this time: the same script serves deploy, rollback and status. */
  mode: RunMode
  /** The commit to deploy; empty for rollback and status. */
  sha: string
  /** Rollback target: a kept release's SHA or prefix; empty means the release before the current one. */
  target: string
  /** Remote path of the git bundle sent over the connection when project.source is `bundle`. */
  bundle: string
  actor: string
  runUrl: string
  /** status: how far back Slurm's accounting is read for the jobs' runs, in seconds; empty otherwise. */
  lookbackSeconds: string
  /** Random per run, so that output of jobs or scripts cannot forge step markers. */
  nonce: string
}
