// What a plan compares by, apart from the diff library: the reviewed-plan fingerprint (on a deploy's path) and the
// diff (the PR check) both read these, so both call a change the same thing.
import type { DeploymentPlan, PlannedFile } from './types.js'
import { RENDERED_DIR } from './rendered-dir.js'

/** The name under which the deploy script appears in the diff (it is run, not written). */
export const SCRIPT_PATH = 'deploy script'

/**
 * What a deploy writes, builds from and runs, each under the path the plan shows: the rendered files under
 * their paths on the cluster, the requirements (the venv), and the script (mode 0 marks it as not a file) with
 * its embedded fingerprint left out, since that changes with any file and the files' own entries show how.
 * The diff and the reviewed-plan fingerprint compare these, so both call a change the same thing.
 */
export function comparableFiles(plan: DeploymentPlan | undefined): PlannedFile[] {
  if (!plan) return []
  return [
    ...plan.files.map(file => ({ ...file, path: `${RENDERED_DIR}/${file.path}` })),
    // The requirements decide the venv: a dependency change shows in the plan.
    ...plan.inputs.map(file => ({ ...file, path: `${file.path}${INPUT_SUFFIX}` })),
    { path: SCRIPT_PATH, mode: 0, content: withoutFingerprint(plan) }
  ]
}

/** How a repository input (the requirements file) is named among the plan's files. */
export const INPUT_SUFFIX = ' (venv)'

/** The fingerprint's value is replaced by this in the script's diff (it is not something to review). */
export const FINGERPRINT_PLACEHOLDER = '<fingerprint of the rendered files>'

function withoutFingerprint(plan: DeploymentPlan): string {
  return plan.fingerprint ? plan.script.split(plan.fingerprint).join(FINGERPRINT_PLACEHOLDER) : plan.script
}
