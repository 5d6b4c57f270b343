// The config after validation with every default filled in: what the rest of the code works with.
import type { OverridableName, RawConfig } from './schema.js'

export type ClusterConfig = RawConfig['cluster']
export type JobConfig = RawConfig['deployments'][string]['jobs'][number]

export interface ProjectConfig extends Omit<RawConfig['project'], 'package' | 'smokeCommand' | 'envPrefix'> {
  package: string
  smokeCommand: string
  envPrefix: string
  /** `<root>/venvs`: one venv per hash, shared by every deployment and sandbox of the project. */
  venvStore: string
}

export interface DeploymentConfig extends Omit<RawConfig['deployments'][string], 'root'> {
  branch: string
  root: string
}

export interface SandboxConfig extends Omit<RawConfig['sandbox'], 'root' | 'dataDir'> {
  root: string
  dataDir: string
}

export interface Config {
  /** The file it was read from, for messages and annotations. */
  file: string
  cluster: ClusterConfig
  project: ProjectConfig
  deployments: DeploymentConfig[]
  sandbox: SandboxConfig
  templates: Partial<Record<OverridableName, string>>
}
