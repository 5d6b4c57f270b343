// The start every operation that connects shares. The config's YAML is read and parsed, and the connection is
// opened as soon as it names the cluster (and the deployments the run is for: a push to a branch with no
// deployment never connects); then the schema loads and validates the whole config while the TCP connect and
// the SSH handshake are in flight, and the operation renders and checks. Nothing but the handshake goes over the
// connection before all of that passed: a config that fails validation gives the connection up, and
// EarlyConnection.afterChecks does the same for the operation's own checks.
import { clusterEndpoint, namesDeployments } from '../config/endpoint.js'
import type { ConfigYaml } from '../config/parse-yaml.js'
import type { Config, DeploymentConfig } from '../config/types.js'
import type { DeploymentPlan } from '../plan/types.js'
import type { RepoReader } from '../repo/reader.js'
import { openConnection, preloadTransports, type EarlyConnection } from './connection.js'
import { readerAt } from './repository.js'
import type { ConnectionRequest, RepoLocation } from './requests.js'

export interface RunStart {
  /** The whole config, validated. */
  config: Config
  /** The repository at the point the run reads, for templates and requirements. */
  read: RepoReader
  /** The run's connection: the one opened early, else one opened now (the same one on every call). */
  connection(): Promise<EarlyConnection>
  /**
   * The plans of `deployments`, rendered from the templates at the config's point and every script checked
   * (the renderer and validators load now, while the run connects).
   */
  plans(deployments: DeploymentConfig[], warn: (message: string) => void): Promise<DeploymentPlan[]>
  /** Gives up the early connection, if there is one: the run ends without using it. */
  giveUp(): Promise<void>
}

export interface RunStartIO {
  warn: (message: string) => void
  /** Progress for the log (e.g. fetching a commit a shallow checkout lacks). */
  log?: (message: string) => void
}

/**
 * Reads the config at `at` (a promise when the commit is still being resolved: the SSH library loads meanwhile),
 * connects early when its YAML names the cluster and a deployment of each of `branches`, and validates it.
 */
export async function startRun(
  repo: RepoLocation,
  at: { tree: true } | { sha: string } | Promise<{ sha: string }>,
  request: ConnectionRequest,
  io: RunStartIO,
  branches: string[] = []
): Promise<RunStart> {
  preloadTransports()
  // The YAML parser loads while git reads the config.
  const parser = import('../config/parse-yaml.js')
  const read = await readerAt(repo, await at, io.log)
  const yaml = await (await parser).readConfigYaml(read, repo.configPath)
  const endpoint = namesDeployments(yaml.data, branches) ? clusterEndpoint(yaml.data) : undefined
  const early = endpoint && (await openConnection(endpoint, request, io.warn))
  let config: Config
  try {
    config = await validated(yaml)
  } catch (error) {
    await early?.giveUp()
    throw error
  }
  let connection: Promise<EarlyConnection> | undefined = early && Promise.resolve(early)
  return {
    config,
    read,
    connection: () => (connection ??= openConnection(config.cluster, request, io.warn)),
    plans: async (deployments, warn) =>
      (await loadPlanChecks()).checkedPlansAt(config, read, deployments, warn),
    giveUp: async () => early?.giveUp()
  }
}

/** The schema (zod: a tenth of the bundle) is loaded here, once the run is connecting. */
async function validated(yaml: ConfigYaml): Promise<Config> {
  const { validateConfig } = await import('../config/load.js')
  return validateConfig(yaml)
}

/** The renderer and the validators (plan-checks.ts), loaded while the run connects. */
export function loadPlanChecks(): Promise<typeof import('./plan-checks.js')> {
  return import('./plan-checks.js')
}
