// Plans a consuming repository as it is at one point: the working tree, or a commit (the PR base).
import { parseConfig } from '../config/load.js'
import type { Config } from '../config/types.js'
import { loadTemplates, type TemplateSet } from '../render/templates.js'
import type { RepoReader } from '../repo/reader.js'
import { planDeployments } from './plan.js'
import type { DeploymentPlan } from './types.js'
import { UserError } from '../errors/user-error.js'

export interface RepositoryPlan {
  config: Config
  plans: DeploymentPlan[]
}

/** The config and templates of the repository as `read` sees it. */
export async function loadRepository(
  read: RepoReader,
  configPath: string
): Promise<{ config: Config; templates: TemplateSet }> {
  const text = await read(configPath)
  if (text === undefined) {
    throw new UserError({
      where: 'config',
      message: `${configPath} does not exist; create it (see examples/caqrn/.github/slurm-gitops.yml) or set the config input`
    })
  }
  const config = parseConfig(text, configPath)
  return { config, templates: await loadTemplates(config.templates, read) }
}

export async function planRepository(
  read: RepoReader,
  configPath: string,
  branches?: string[]
): Promise<RepositoryPlan> {
  const { config, templates } = await loadRepository(read, configPath)
  const requirements = await read(config.project.requirements)
  const inputs =
    requirements === undefined
      ? []
      : [{ path: config.project.requirements, mode: 0o644, content: requirements }]
  const plans = planDeployments(config, templates, branches).map(plan => ({ ...plan, inputs }))
  return { config, plans }
}
