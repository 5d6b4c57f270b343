// Whose conventions sandbox runs share (the env script's template context, the default command, the branch that
// brings the mirror's delta): the development deployment, else the first one.
import type { Config, DeploymentConfig } from './types.js'

export function sandboxDeployment(config: Config): DeploymentConfig {
  return config.deployments.find(d => d.environment === 'development') ?? config.deployments[0]!
}
