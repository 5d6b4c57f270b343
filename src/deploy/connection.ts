// Connection settings from the config's `cluster` section with per-run overrides (CLI flags, action inputs).
import type { ClusterConfig } from '../config/types.js'
import type { TransportSettings } from '../transport/connect.js'
import { UserError } from '../errors/user-error.js'

export interface ConnectionOverrides {
  host?: string
  port?: number
  user?: string
  /** Key content; never logged. */
  privateKey?: string
  knownHosts?: string
  local?: boolean
  /** Names of where the secrets came from, for messages (`ssh-private-key` or `--identity`). */
  inputNames?: { privateKey: string; knownHosts: string }
}

export function transportSettings(cluster: ClusterConfig, overrides: ConnectionOverrides): TransportSettings {
  if (overrides.local) return { kind: 'local' }
  const names = overrides.inputNames ?? { privateKey: 'private key', knownHosts: 'known hosts' }
  if (!overrides.privateKey) {
    throw new UserError({ where: names.privateKey, message: 'is required to connect over SSH' })
  }
  if (!overrides.knownHosts?.trim()) {
    throw new UserError({
      where: names.knownHosts,
      message: `is required: strict host key checking needs the cluster's host key (ssh-keyscan -p ${overrides.port ?? cluster.port} ${overrides.host ?? cluster.host}, verified out of band)`
    })
  }
  return {
    kind: 'ssh',
    host: overrides.host ?? cluster.host,
    port: overrides.port ?? cluster.port,
    username: overrides.user ?? cluster.user,
    privateKey: overrides.privateKey,
    knownHosts: overrides.knownHosts,
    jump: cluster.jump
      ? { host: cluster.jump.host, port: cluster.jump.port, username: cluster.jump.user }
      : undefined,
    connectTimeoutSeconds: cluster.connectTimeoutSeconds,
    inputNames: names
  }
}
