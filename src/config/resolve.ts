// Fills in the defaults that depend on other values (roots under project.root, the package name, ...).
import type { RawConfig } from './schema.js'
import type { Config, DeploymentConfig } from './types.js'
import { UserError } from '../errors/user-error.js'

export function resolveConfig(raw: RawConfig, file: string): Config {
  const pkg = raw.project.package ?? raw.project.name.replace(/-/g, '_')
  const project = {
    ...raw.project,
    package: pkg,
    smokeCommand: raw.project.smokeCommand ?? `python -c 'import ${pkg}'`,
    envPrefix: raw.project.envPrefix ?? raw.project.name.toUpperCase().replace(/-/g, '_'),
    venvStore: `${raw.project.root}/venvs`
  }
  const deployments: DeploymentConfig[] = Object.entries(raw.deployments).map(([branch, deployment]) => ({
    ...deployment,
    branch,
    root: deployment.root ?? `${raw.project.root}/${deployment.environment}`
  }))
  const sandbox = {
    ...raw.sandbox,
    root: raw.sandbox.root ?? `${raw.project.root}/sandboxes`,
    // The schema guarantees a development deployment exists when dataDir is not given.
    dataDir:
      raw.sandbox.dataDir ??
      deployments.find(d => d.environment === 'development')?.dataDir ??
      raw.project.root
  }
  checkRootsDistinct(deployments, sandbox.root, project.venvStore, file)
  return { file, cluster: raw.cluster, project, deployments, sandbox, templates: raw.templates }
}

/** Two deployments writing into one root would overwrite each other's releases and `current`. */
function checkRootsDistinct(
  deployments: DeploymentConfig[],
  sandboxRoot: string,
  venvStore: string,
  file: string
): void {
  const owners = new Map<string, string>([
    [sandboxRoot, 'sandbox.root'],
    [venvStore, "the project's venv store"]
  ])
  for (const deployment of deployments) {
    const owner = owners.get(deployment.root)
    const where = `deployments.${deployment.branch}.root`
    if (owner) {
      throw new UserError({
        where,
        message: `${deployment.root} is also used by ${owner}; each deployment needs its own directory`,
        location: { file }
      })
    }
    owners.set(deployment.root, where)
  }
}
