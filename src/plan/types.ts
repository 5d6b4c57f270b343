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
  /**
   * The fingerprint of the rendered files, embedded in the script (the deploy compares it with the release's).
   * It changes whenever a file does, so a diff of the script ignores it: the files' own diffs show the change.
   */
  fingerprint: string
  /** The scheduled jobs as the plan shows them (their block is in `files`), with the zone they run in. */
  schedule: { timezone?: string; jobs: ScheduledJob[] }
}

/** A scheduled job for people: what runs when, where and with what. */
export interface ScheduledJob {
  name: string
  /** The scrontab schedule, as written (checked against Slurm's rules). */
  cron: string
  partition: string
  time: string
  /** The job's extra sbatch options (memory, CPUs, GPUs, …). */
  sbatch: string[]
}

/** Values that differ per run and are prepended to the script as shell-quoted assignments. */
export type RunMode = 'deploy' | 'rollback' | 'status' | 'logs' | 'remove'

// A type rather than an interface, so that it is assignable to the executor's ScriptParameters.
export type RunParameters = {
  /** What the deploy script does this time: the same script serves every mode. */
  mode: RunMode
  /** The commit to deploy; empty for the other modes. */
  sha: string
  /** Rollback target: a kept release's SHA or prefix; empty means the release before the current one. */
  target: string
  /** Remote path of the git bundle sent over the connection when project.source is `bundle`. */
  bundle: string
  actor: string
  runUrl: string
  /** logs: the scheduled job (its name in the config); empty otherwise. */
  job: string
  /** logs: how many of its latest runs to list (digits); empty otherwise. */
  runs: string
  /** logs: only the runs of this Slurm job id; empty: every run of the job. */
  jobId: string
  /** remove: `true` to go ahead while one of its jobs runs (that job is cancelled); empty otherwise. */
  force: string
  /** remove: `true` to remove the data directory and the logs too; empty otherwise. */
  purge: string
  /** status: how far back Slurm's accounting is read for the jobs' runs, in seconds; empty otherwise. */
  lookbackSeconds: string
  /** Random per run, so that output of jobs or scripts cannot forge step markers. */
  nonce: string
}

/** The run values that only some modes use: empty for the others. */
export type ModeParameter = 'job' | 'runs' | 'jobId' | 'force' | 'purge' | 'lookbackSeconds'

/** What a caller gives for a run: the nonce is made per run, and the values of other modes may be left out. */
export type RunValues = Omit<RunParameters, 'nonce' | ModeParameter> &
  Partial<Pick<RunParameters, ModeParameter>>

/** Every run value, the ones a mode does not use as empty strings (each is a read-only variable of the script). */
export function completeRunValues(values: RunValues): Omit<RunParameters, 'nonce'> {
  return { job: '', runs: '', jobId: '', force: '', purge: '', lookbackSeconds: '', ...values }
}
