// Where a run connects, read from the config's YAML before the whole config is validated, so that a run can start
// its TCP connect and SSH handshake first and validate, render and check while they are in flight. Only an address
// (host, port, user, jump host, connect timeout) the schema would take as it is counts (the same checks, bounds and
// defaults, from here and validate/network.ts); anything else and the run connects after validation, which then
// reports the problem. The schema checks the whole config again before anything runs on the cluster.
import { checkHost, checkPort, checkUnixUser } from '../validate/network.js'
import type { ClusterConfig } from './types.js'

export const DEFAULT_SSH_PORT = 22
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 20
export const MAX_CONNECT_TIMEOUT_SECONDS = 300

/** What of the `cluster` section a connection needs. */
export type ClusterEndpoint = Pick<ClusterConfig, 'host' | 'port' | 'user' | 'jump' | 'connectTimeoutSeconds'>

/** The config's cluster endpoint as its YAML data gives it, when each value is one the schema takes. */
export function clusterEndpoint(data: Record<string, unknown>): ClusterEndpoint | undefined {
  const cluster = mapping(data.cluster)
  const target = cluster && address(cluster)
  if (!cluster || !target) return undefined
  const jump = cluster.jump === undefined ? undefined : mapping(cluster.jump)
  const jumpTarget = jump && address(jump)
  if (cluster.jump !== undefined && !jumpTarget) return undefined
  const timeout = valueOr(cluster.connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS)
  if (typeof timeout !== 'number' || !Number.isInteger(timeout)) return undefined
  if (timeout < 1 || timeout > MAX_CONNECT_TIMEOUT_SECONDS) return undefined
  return { ...target, jump: jumpTarget, connectTimeoutSeconds: timeout }
}

/** Whether the YAML's `deployments` has a deployment for each branch (a run for another branch never connects). */
export function namesDeployments(data: Record<string, unknown>, branches: string[]): boolean {
  const deployments = mapping(data.deployments)
  return branches.every(branch => deployments !== undefined && Object.hasOwn(deployments, branch))
}

function address(section: Record<string, unknown>): { host: string; port: number; user: string } | undefined {
  const { host, user } = section
  const port = valueOr(section.port, DEFAULT_SSH_PORT)
  if (typeof host !== 'string' || checkHost(host) !== null) return undefined
  if (typeof port !== 'number' || checkPort(port) !== null) return undefined
  if (typeof user !== 'string' || checkUnixUser(user) !== null) return undefined
  return { host, port, user }
}

/** A default stands for a key left out only: an empty value (null) is one the schema refuses. */
function valueOr(value: unknown, fallback: number): unknown {
  return value === undefined ? fallback : value
}

function mapping(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
