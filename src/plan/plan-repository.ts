// Plans a consuming repository as it is at one point: the working tree, or a commit (the PR base).
import { parseConfig } from '../config/load.js'
import type { Config } from '../config/types.js'
import { loadTemplates, type RepoReader } from '../render/templates.js'
import { planDeployments } from './plan.js'
import type { DeploymentPlan } from './types.js'
import { UserError } from '../errors/user-error.js'

export interface RepositoryPlan {
  config: Config
  plans: DeploymentPlan[]
}

export async function planRepository(
  read: RepoReader,
  configPath: string,
  branches?: string[]
): Promise<RepositoryPlan> {
  const text = await read(configPath)
  if (text === undefined) {
    throw new UserError({
      where: 'config',
      message: `${configPath} does not exist; create it (see examples/caqrn/.github/slurm-gitops.yml) or set the config input`
    })
  }
  const config = parseConfig(text, configPath)
  const templates = await loadTemplates(config.templates, read)
  const requirements = await read(config.project.requirements)
  const inputs =
    requirements === undefined
      ? []
      : [{ path: config.project.requirements, mode: 0o644, content: requirements }]
  const plans = planDeployments(config, templates, branches).map(plan => ({ ...plan, inputs }))
  return { config, plans }
}
