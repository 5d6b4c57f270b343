// What each command asks the core to do, built completely by a front end (the action's inputs, the CLI's flags)
// and carried out by one function per operation (src/operations/*.ts). Values here are already checked: a
// request is well formed, and what can only be known by reading the repository or the cluster is the core's job.

import type { AskNames, SandboxAsk } from '../sandbox/sandbox-run.js'
import type { RunChoice } from '../logs/scheduled-runs.js'

/** The consuming repository on this machine and its config file. */
export interface RepoLocation {
  /** The repository's directory (a git work tree when a commit is read). */
  dir: string
  /** The config file, relative to `dir`. */
  configPath: string
}

/** A secret's content (an action input, an environment variable) or a file to read it from when connecting. */
export type SecretSource = { text: string } | { file: string }

/** How to reach the cluster: the config's `cluster` section with these overrides. */
export interface ConnectionRequest {
  /** Run the script on this machine (the login node itself), no SSH. */
  local?: boolean
  host?: string
  port?: number
  user?: string
  privateKey?: SecretSource
  /** Of an encrypted private key. */
  passphrase?: SecretSource
  knownHosts?: SecretSource
  /**
   * Where the secrets came from (or would come from), for messages: `input ssh-private-key`, `--identity`,
   * `environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE`.
   */
  names: { privateKey: string; knownHosts: string; passphrase: string }
  /** Overrides `cluster.connectTimeoutSeconds`. */
  connectTimeoutSeconds?: number
  /** Overrides `cluster.timeoutMinutes`. */
  timeoutMinutes?: number
}

/** Who asked, recorded in the deployment's history. */
export interface Requester {
  actor: string
  /** The workflow run's URL, or `cli`. */
  runUrl: string
}

/** Render and check every deployment at `head`, and diff against `base` when given (the PR check). */
export interface PlanRequest {
  command: 'plan'
  repo: RepoLocation
  /** The working tree, or a commit. */
  head: { tree: true } | { sha: string }
  /** The commit or branch to compare with (the PR's base), if any. */
  base?: string
  /** Branches to plan; all deployments when omitted. */
  branches?: string[]
}

/** Deploy one commit to the deployment of `branch`. */
export interface DeployRequest extends Requester {
  command: 'deploy'
  repo: RepoLocation
  branch: string
  /** The full commit SHA; when omitted, the tip of the local `branch` is resolved. */
  sha?: string
  connection: ConnectionRequest
}

/** Switch the deployment of `branch` back to a kept release. */
export interface RollbackRequest extends Requester {
  command: 'rollback'
  repo: RepoLocation
  branch: string
  /** A kept release's commit (or prefix); the release live before the current one when omitted. */
  to?: string
  connection: ConnectionRequest
}

/** What is deployed, for the given branches (all when omitted), over one connection. */
export interface StatusRequest extends Requester {
  command: 'status'
  repo: RepoLocation
  branches?: string[]
  connection: ConnectionRequest
}

export type RemoteRequest = DeployRequest | RollbackRequest | StatusRequest

/** Follow a sandbox test job of this project to its end, streaming its output. */
export interface WatchRequest {
  command: 'watch'
  repo: RepoLocation
  jobId: string
  connection: ConnectionRequest
}

/** Cancel a sandbox test job of this project, by its id only. */
export interface CancelRequest {
  command: 'cancel'
  repo: RepoLocation
  jobId: string
  connection: ConnectionRequest
}

/** Stage a ref in a developer's sandbox, submit it as a test job to the sandbox partition, and follow it. */
export interface SandboxRequest extends Requester {
  command: 'sandbox'
  repo: RepoLocation
  /** What was asked (checked against the config by the core) and where each came from, for messages. */
  ask: SandboxAsk
  names: AskNames
  /** Digits that name this run: the workflow's run id, or a UTC time from the CLI. */
  runId: string
  /** Follow the job to its end; false: submit, report the job id and return. */
  wait: boolean
  connection: ConnectionRequest
}

export type JobRequest = WatchRequest | CancelRequest

/** The latest runs of a scheduled job of `branch`'s deployment, and the output of one (or follow it). */
export interface LogsRequest {
  command: 'logs'
  repo: RepoLocation
  branch: string
  /** The job's name in the config; the deployment's only job when omitted. */
  job?: string
  /** How many of its latest runs to list (1-100). */
  runs: number
  /** Whose output to show: a job id (its latest run) or a job id and run; the latest run when omitted. */
  run?: RunChoice
  /** Stream the chosen run's output while it runs, to its end. */
  follow: boolean
  connection: ConnectionRequest
}

/** Remove a deployment (its schedule, jobs, code, mirror; data and logs only with `purge`), or a sandbox. */
export interface RemoveRequest extends Requester {
  command: 'remove'
  repo: RepoLocation
  target: { branch: string } | { sandbox: string }
  /** Go ahead while one of its jobs runs: that job is cancelled (by id). */
  force: boolean
  /** Deployment: remove the data directory and the logs too. */
  purge: boolean
  connection: ConnectionRequest
}

export type Request = PlanRequest | RemoteRequest | SandboxRequest | JobRequest | LogsRequest | RemoveRequest
export type CommandName = Request['command']
