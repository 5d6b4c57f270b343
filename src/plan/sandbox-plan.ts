// The pure plan of one sandbox run: the staging script and the files it writes into the run directory, and the
// exact sbatch command that submits the job. Everything from a request was checked by resolveSandboxRun.
import type { Config } from '../config/types.js'
import { sandboxJobName } from '../sandbox/job-name.js'
import type { SandboxRun } from '../sandbox/sandbox-run.js'
import { filesPayload } from './payload.js'
import { sandboxDeployment } from '../config/sandbox-deployment.js'
import { endLine, templateContext, type CompiledTemplates } from './plan.js'
import { RENDERED_DIR } from './rendered-dir.js'
import type { PlannedFile } from './types.js'

export interface SandboxPlan {
  /** `<run id>-<short sha>`: the run directory's name, also the end of the job's name. */
  runName: string
  runDir: string
  /** The job's output, known before it is submitted. */
  logPath: string
  jobName: string
  /** The files the run directory's `.slurm-gitops/` gets. */
  files: PlannedFile[]
  /** What is sent: the files, then the script. */
  stagingScript: string
  /** sbatch's arguments after `--parsable`, the job script last. */
  sbatchArgs: string[]
  /** The staging script's run values besides bundle, actor, run URL and nonce. */
  parameters: SandboxScriptParameters
  /** Every script, for `bash -n` before connecting. */
  scripts: { name: string; content: string }[]
}

/** The sandbox script's run values besides bundle, actor, run URL and nonce (SG_MODE, SG_SHA, …). */
export interface SandboxScriptParameters {
  /** `sandbox`: stage a run; `remove`: remove the sandbox. */
  mode: 'sandbox' | 'remove'
  sha: string
  branch: string
  sandbox: string
  run: string
  /** remove: `true` to go ahead while one of its jobs runs (it is cancelled). */
  force: string
}

export function planSandbox(
  config: Config,
  templates: CompiledTemplates,
  run: SandboxRun,
  commit: { sha: string; branch: string; runId: string }
): SandboxPlan {
  const base = templateContext(config, sandboxDeployment(config))
  const context = { ...base, sandbox: { ...(base.sandbox as object), command: run.command } }
  const shortSha = commit.sha.slice(0, 7)
  const runName = `${commit.runId}-${shortSha}`
  const runDir = `${run.dir}/runs/${runName}`
  const logPath = `${runDir}/job.log`
  const jobName = sandboxJobName({
    project: config.project.name,
    sandbox: run.sandbox,
    runId: commit.runId,
    shortSha
  })
  const files: PlannedFile[] = [
    { path: 'sandbox-env.sh', mode: 0o644, content: endLine(templates['sandbox-env.sh'](context)) },
    { path: 'sandbox-job.sh', mode: 0o755, content: endLine(templates['sandbox-job.sh'](context)) }
  ]
  const script = templates['sandbox.sh'](context)
  return {
    runName,
    runDir,
    logPath,
    jobName,
    files,
    stagingScript: `${filesPayload(files)}${script}`,
    sbatchArgs: [
      `--partition=${run.partition}`,
      `--time=${run.timeLimit}`,
      `--job-name=${jobName}`,
      `--output=${logPath}`,
      `--chdir=${runDir}`,
      ...run.sbatch,
      `${runDir}/${RENDERED_DIR}/sandbox-job.sh`
    ],
    parameters: {
      mode: 'sandbox',
      sha: commit.sha,
      branch: commit.branch,
      sandbox: run.sandbox,
      run: runName,
      force: ''
    },
    scripts: [
      { name: 'sandbox script', content: script },
      ...files.map(f => ({ name: `${RENDERED_DIR}/${f.path}`, content: f.content }))
    ]
  }
}

/** The script that removes the sandbox `sandbox` (its runs, their jobs and mirror refs), and its run values. */
export function planSandboxRemoval(
  config: Config,
  templates: CompiledTemplates,
  sandbox: string,
  force: boolean
): { script: string; parameters: SandboxScriptParameters } {
  const script = templates['sandbox.sh'](templateContext(config, sandboxDeployment(config)))
  return {
    script: `${filesPayload([])}${script}`,
    parameters: { mode: 'remove', sha: '', branch: '', sandbox, run: '', force: force ? 'true' : '' }
  }
}
