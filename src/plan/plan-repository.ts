// Plans a consuming repository as it is at one point: the working tree, or a commit (the PR base).
import { readConfig } from '../config/load.js'
import type { Config } from '../config/types.js'
import { loadTemplates, type TemplateSet } from '../render/templates.js'
import type { RepoReader } from '../repo/reader.js'
import { planDeployments } from './plan.js'
import type { DeploymentPlan, PlannedFile } from './types.js'

export interface RepositoryPlan {
  config: Config
  plans: DeploymentPlan[]
}

/** The config and templates of the repository as `read` sees it. */
export async function loadRepository(
  read: RepoReader,
  configPath: string
): Promise<{ config: Config; templates: TemplateSet }> {
  const config = await readConfig(read, configPath)
  return { config, templates: await loadTemplates(config.templates, read) }
}

export async function planRepository(
  read: RepoReader,
  configPath: string,
  branches?: string[]
): Promise<RepositoryPlan> {
  const { config, templates } = await loadRepository(read, configPath)
  const inputs = await planInputs(read, config)
  const plans = (await planDeployments(config, templates, branches)).map(plan => ({ ...plan, inputs }))
  return { config, plans }
}

/**
 * The repository files that decide what a deploy builds besides the code (the requirements: the venv), as the
 * plan's `inputs`. The PR check and the deploy read them alike, so a reviewed plan and a deployed one compare.
 */
export async function planInputs(read: RepoReader, config: Config): Promise<PlannedFile[]> {
  const requirements = await read(config.project.requirements)
  return requirements === undefined
    ? []
    : [{ path: config.project.requirements, mode: 0o644, content: requirements }]
}
