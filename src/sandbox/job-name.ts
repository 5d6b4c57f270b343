// The Slurm job name of a sandbox test job, and reading it back. `watch JOBID` and `cancel JOBID` act only on a
// job whose name says it is one of this project's sandbox runs:
//
//   <project>-sandbox-<sandbox>-<run id>-<short sha>      e.g. caqrn-sandbox-alice-9876543210-1a2b3c4
//
// The run id is digits (the workflow's run id, or a UTC time yyyymmddHHMMSS from the CLI) and the sha 7-12
// lowercase hex digits: both fixed shapes at the end, so a sandbox name that itself contains "-" reads back
// unambiguously. Scheduled jobs are named `<project>-<environment>-<job>`; the environment "sandbox" is reserved
// (see the config schema), so no scheduled job can carry this prefix.
import { checkSandboxName } from '../validate/names.js'

export const SANDBOX_ENVIRONMENT = 'sandbox'

export interface SandboxRunName {
  project: string
  sandbox: string
  runId: string
  shortSha: string
}

const RUN_ID = /^[0-9]{1,20}$/
const SHORT_SHA = /^[0-9a-f]{7,12}$/

/** The job name of one sandbox run. Throws on a part that would make it unreadable. */
export function sandboxJobName(run: SandboxRunName): string {
  const problem =
    checkSandboxName(run.sandbox) ??
    (RUN_ID.test(run.runId) ? null : `run id ${JSON.stringify(run.runId)} must be 1-20 digits`) ??
    (SHORT_SHA.test(run.shortSha)
      ? null
      : `short sha ${JSON.stringify(run.shortSha)} must be 7-12 hex digits`)
  if (problem) throw new Error(problem)
  return `${sandboxJobPrefix(run.project)}${run.sandbox}-${run.runId}-${run.shortSha}`
}

/** Every sandbox job of the project starts with this. */
export function sandboxJobPrefix(project: string): string {
  return `${project}-${SANDBOX_ENVIRONMENT}-`
}

/** The parts of a sandbox job name of `project`, or undefined when `name` is not one. */
export function parseSandboxJobName(project: string, name: string): SandboxRunName | undefined {
  const prefix = sandboxJobPrefix(project)
  if (!name.startsWith(prefix)) return undefined
  const match = /^(.+)-([0-9]{1,20})-([0-9a-f]{7,12})$/.exec(name.slice(prefix.length))
  if (!match) return undefined
  const [, sandbox, runId, shortSha] = match as unknown as [string, string, string, string]
  if (checkSandboxName(sandbox)) return undefined
  return { project, sandbox, runId, shortSha }
}
