// Connection settings from the config's `cluster` section with the request's overrides, and the run's one
// connection, made while the run checks its plan. Secrets are read here, into memory, only when a run starts
// connecting: nothing of them is written anywhere.
import { readFile } from 'node:fs/promises'
import type { ClusterEndpoint } from '../config/endpoint.js'
import type { TransportSettings } from '../transport/connect.js'
import type { Transport } from '../transport/types.js'
import { UserError } from '../errors/user-error.js'
import type { ConnectionRequest, SecretSource } from './requests.js'

export async function transportSettings(
  cluster: ClusterEndpoint,
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
    username: clusterUser(cluster, request),
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

/** The account a run connects as: the request's override, else the config's. */
export function clusterUser(cluster: ClusterEndpoint, request: ConnectionRequest): string {
  return request.user ?? cluster.user
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

/**
 * The one connection of a run, opened as soon as the run knows its cluster, so that the TCP connect and the SSH
 * handshake are in flight while the run reads its commit, renders and checks its plan. Nothing but the
 * handshake goes over it before those checks passed: the connection is handed out by `afterChecks` only, and
 * when a check fails it is given up (closed, or its connecting stopped) without anything having run.
 */
export interface EarlyConnection {
  /**
   * Waits for `checks`, then for the connection. When the checks fail, their error is thrown (it is the one
   * to fix first, and the one a run that had not yet connected would have reported), whatever the connection
   * did meanwhile.
   */
  afterChecks<T>(checks: () => Promise<T>): Promise<{ checked: T; transport: Transport }>
  /** Gives the connection up (closed, or its connecting stopped) with nothing run over it. */
  giveUp(): Promise<void>
  /** Another connection with the same settings (a watch reconnects with it after a drop). */
  connect(): Promise<Transport>
}

/**
 * How long a run waits for its TCP connect before it goes on with its checks: a near cluster connects within a
 * millisecond, a far one still has the handshake's round trips ahead, enough time for the checks.
 */
const TCP_CONNECT_WAIT_MS = 25

/**
 * Starts the run's connection and resolves once the TCP connection is made (or TCP_CONNECT_WAIT_MS passed, or
 * connecting failed): the checks that follow load modules and render templates, which holds the event loop for
 * tens of milliseconds (Node 22 and later load ES modules synchronously), and the client's first bytes would
 * otherwise wait for all of it.
 */
export async function openConnection(
  cluster: ClusterEndpoint,
  request: ConnectionRequest,
  warn: (message: string) => void
): Promise<EarlyConnection> {
  const settings = transportSettings(cluster, request)
  // Nobody awaits these until the checks are done: a failure meanwhile is no unhandled rejection.
  settings.catch(() => undefined)
  const connect = async (signal?: AbortSignal): Promise<Transport> => {
    const { connectTransport } = await loadTransports()
    return connectTransport(await settings, { warn, signal })
  }
  const giveUp = new AbortController()
  let tcpConnected!: () => void
  const tcp = new Promise<void>(resolve => (tcpConnected = resolve))
  // Wrapped, so that awaiting the start does not await the connection.
  const { first } = await Promise.all([settings, loadTransports()]).then(
    ([resolved, { connectTransport }]) => ({
      first: connectTransport(resolved, { warn, signal: giveUp.signal, onTcpConnected: tcpConnected })
    }),
    (error: unknown) => ({ first: Promise.reject(error as Error) })
  )
  first.catch(() => undefined)
  await settled([tcp, first], TCP_CONNECT_WAIT_MS)
  const connection: EarlyConnection = {
    async afterChecks(checks) {
      let checked
      try {
        checked = await checks()
      } catch (error) {
        await connection.giveUp()
        throw error
      }
      return { checked, transport: await first }
    },
    async giveUp() {
      giveUp.abort()
      await first.then(
        transport => transport.close(),
        () => undefined
      )
    },
    connect: () => connect()
  }
  return connection
}

let transports: Promise<typeof import('../transport/connect.js')> | undefined

/**
 * The transports and ssh2 (a quarter of the bundle), loaded on first use, so that a command that never connects
 * (plan) never loads them.
 */
function loadTransports(): Promise<typeof import('../transport/connect.js')> {
  transports ??= import('../transport/connect.js')
  return transports
}

/** Starts loading the transports: a run does it first thing, so that ssh2 loads while git reads its commit. */
export function preloadTransports(): void {
  loadTransports().catch(() => undefined)
}

/** Resolves when one of `promises` settles or `ms` passed, whichever is first. */
async function settled(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const done = () => undefined
  await Promise.race([
    ...promises.map(p => p.then(done, done)),
    new Promise<void>(resolve => (timer = setTimeout(resolve, ms)))
  ])
  clearTimeout(timer)
}
