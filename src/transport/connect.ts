// Builds the Transport the settings ask for; the action and the CLI both come through here.
import { LocalTransport } from './local.js'
import { connectSsh, type ConnectOptions, type SshSettings } from './ssh.js'
import type { Transport } from './types.js'

export type TransportSettings = ({ kind: 'ssh' } & SshSettings) | { kind: 'local' }

export type { ConnectOptions }

/**
 * Opens the one connection a run uses (see ConnectOptions for what the caller hears of it). Throws
 * TransportError (see its `kind`) with a message that is safe to show.
 */
export async function connectTransport(
  settings: TransportSettings,
  options: ConnectOptions = {}
): Promise<Transport> {
  if (settings.kind === 'local') {
    options.onTcpConnected?.()
    return new LocalTransport()
  }
  return connectSsh(settings, options)
}
