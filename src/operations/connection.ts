// Connection settings from the config's `cluster` section with the request's overrides. Secrets are read here,
// into memory, only once a run is about to connect: nothing of them is written anywhere.
import { readFile } from 'node:fs/promises'
import type { ClusterConfig } from '../config/types.js'
import type { TransportSettings } from '../transport/connect.js'
import { UserError } from '../errors/user-error.js'
import type { ConnectionRequest, SecretSource } from './requests.js'

export async function transportSettings(
  cluster: ClusterConfig,
  request: ConnectionRequest
): Promise<TransportSettings> {
  if (request.local) return { kind: 'local' }
  const { names } = request
  const host = request.host ?? cluster.host
  const port = request.port ?? cluster.port
  const privateKey = await readSecret(request.privateKey, names.privateKey)
  if (!privateKey)
    throw new UserError({ where: names.privateKey, message: 'is required to connect over SSH' })
  const knownHosts = await readSecret(request.knownHosts, names.knownHosts)
  if (!knownHosts?.trim()) {
    throw new UserError({
      where: names.knownHosts,
      message: `is required: strict host key checking needs the cluster's host key (ssh-keyscan -p ${port} ${host}, verified out of band)`
    })
  }
  return {
    kind: 'ssh',
    host,
    port,
    username: request.user ?? cluster.user,
    privateKey,
    passphrase: await readSecret(request.passphrase, names.passphrase),
    knownHosts,
    jump: cluster.jump
      ? { host: cluster.jump.host, port: cluster.jump.port, username: cluster.jump.user }
      : undefined,
    connectTimeoutSeconds: request.connectTimeoutSeconds ?? cluster.connectTimeoutSeconds,
    inputNames: names
  }
}

async function readSecret(source: SecretSource | undefined, where: string): Promise<string | undefined> {
  if (!source) return undefined
  if ('text' in source) return source.text
  try {
    return await readFile(source.file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UserError({ where, message: `cannot read ${source.file} (${code})` })
  }
}
