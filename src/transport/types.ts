// The executor talks to the cluster through this small interface, so the same script runs over SSH or on this
// machine (the `local` transport), and tests can use real bash without a network.

export interface RunOptions {
  /** The whole script; it goes on stdin, so nothing of it appears in a process list. */
  stdin: string | Buffer
  /** stdout and stderr, forwarded chunk by chunk as they arrive (the script does `exec 2>&1` anyway). */
  onOutput: (chunk: Buffer) => void
  /** Cancel: kill the remote process group (TERM, then KILL), close the channel and resolve. */
  signal?: AbortSignal
  /**
   * Stop waiting without killing anything: close the channel and resolve. The executor uses it once the script
   * reported its exit, so that a background process that keeps stdout open cannot hang the run.
   */
  detach?: AbortSignal
}

export interface RunResult {
  /** Exit status of the script's shell; null when it was killed by a signal or the connection was lost. */
  exitCode: number | null
  signal: string | null
}

export interface ExecResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface TransportStats {
  /** SSH connections established (a jump host counts as one more); 0 for the local transport. */
  connections: number
  /** Commands started: one per runScript and one per exec. */
  commands: number
}

export interface Transport {
  /** E.g. "caqrn@127.0.0.1:2222 (ssh)"; never contains secrets. */
  readonly description: string
  /** Runs `bash -l -s` (loginShell) or `bash -s` with the script on stdin. */
  runScript(opts: RunOptions & { loginShell: boolean }): Promise<RunResult>
  /** An extra command on the same connection (e.g. kill, or reading state); meant for small output. */
  exec(command: string): Promise<ExecResult>
  /** Uploads a local file over the same connection (sftp on ssh, a copy on local). */
  putFile(localPath: string, remotePath: string): Promise<void>
  close(): Promise<void>
  /** Counters for the benchmark. */
  readonly stats: TransportStats
}

/**
 * What went wrong, so callers can react (e.g. never retry `host-key` or `auth`) without parsing messages.
 * - `config`: bad settings (unparsable key, empty known_hosts), found before connecting
 * - `host-key`: the server's key is not in known_hosts (or is revoked); refused before authenticating
 * - `auth`: the server rejected the key
 * - `connect`: could not reach the server (after retries)
 * - `channel`: a command or file transfer failed on an established connection
 */
export type TransportErrorKind = 'config' | 'host-key' | 'auth' | 'connect' | 'channel'

export class TransportError extends Error {
  readonly kind: TransportErrorKind

  constructor(kind: TransportErrorKind, message: string) {
    super(message)
    this.name = 'TransportError'
    this.kind = kind
  }
}
