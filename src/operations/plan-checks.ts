// The plans a run is about to carry out, rendered and every script checked before anything runs: loaded once the
// run is connecting (loadPlanChecks), with Handlebars' runtime, the renderer and the validators.
import type { Config, DeploymentConfig } from '../config/types.js'
import { compileTemplates, planDeployment } from '../plan/plan.js'
import { planSandbox, planSandboxRemoval, type SandboxPlan } from '../plan/sandbox-plan.js'
import type { DeploymentPlan } from '../plan/types.js'
import { checkScripts, validatePlans } from '../plan/validate.js'
import type { SandboxRun } from '../sandbox/sandbox-run.js'
import { loadTemplates, type TemplateSet } from '../render/templates.js'
import type { RepoReader } from '../repo/reader.js'
import { formatProblem, UserError } from '../errors/user-error.js'

export { planInputs } from '../plan/plan-repository.js'

/** The PR plan's checks, all in one go, before running anything: a script that does not parse never reaches the cluster. */
export async function checkedPlans(
  repository: { config: Config; templates: TemplateSet },
  deployments: DeploymentConfig[],
  warn: (message: string) => void
): Promise<DeploymentPlan[]> {
  const templates = await compileTemplates(repository.templates)
  const plans = deployments.map(deployment => planDeployment(repository.config, deployment, templates))
  const validation = await validatePlans(plans, { shellcheck: false })
  for (const warning of validation.warnings) warn(formatProblem(warning))
  if (validation.errors.length > 0) throw new UserError(validation.errors)
  return plans
}

/** checkedPlans with the templates read (overrides at the same point as the config). */
export async function checkedPlansAt(
  config: Config,
  read: RepoReader,
  deployments: DeploymentConfig[],
  warn: (message: string) => void
): Promise<DeploymentPlan[]> {
  return checkedPlans({ config, templates: await loadTemplates(config.templates, read) }, deployments, warn)
}

/** A sandbox run's staging script and job, rendered from the templates at the same point as the config, and checked. */
export async function checkedSandboxPlan(
  config: Config,
  read: RepoReader,
  run: SandboxRun,
  commit: Parameters<typeof planSandbox>[3]
): Promise<SandboxPlan> {
  const templates = await compileTemplates(await loadTemplates(config.templates, read))
  const plan = planSandbox(config, templates, run, commit)
  await requireParsing(plan.scripts)
  return plan
}

/** The script that removes a sandbox, rendered and checked. */
export async function checkedSandboxRemoval(
  config: Config,
  read: RepoReader,
  sandbox: string,
  force: boolean
): Promise<ReturnType<typeof planSandboxRemoval>> {
  const templates = await compileTemplates(await loadTemplates(config.templates, read))
  const plan = planSandboxRemoval(config, templates, sandbox, force)
  await requireParsing([{ name: 'sandbox script', content: plan.script }])
  return plan
}

/** A script that does not parse never reaches the cluster. */
async function requireParsing(scripts: Parameters<typeof checkScripts>[0]): Promise<void> {
  const problems = await checkScripts(scripts)
  if (problems.length > 0) throw new UserError(problems)
}
