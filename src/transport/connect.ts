// Builds the Transport the settings ask for; the action and the CLI both come through here.
import { LocalTransport } from './local.js'
import { connectSsh, type SshSettings } from './ssh.js'
import type { Transport } from './types.js'

export type TransportSettings = ({ kind: 'ssh' } & SshSettings) | { kind: 'local' }

/**
 * Opens the one connection a run uses. `warn` receives non-fatal notes (e.g. skipped known_hosts lines);
 * `signal` gives up connecting. Throws TransportError (see its `kind`) with a message that is safe to show.
 */
export async function connectTransport(
  settings: TransportSettings,
  warn?: (msg: string) => void,
  signal?: AbortSignal
): Promise<Transport> {
  if (settings.kind === 'local') return new LocalTransport()
  return connectSsh(settings, warn, signal)
}
