// The one connection a watch runs over, and what happens when it drops (sshd restarted, a network blip): the job
// on the cluster is unaffected, so the watch reconnects with backoff for a configured time and carries on. Every
// user of the connection (the state queries, the log stream, a cancel) goes through here, so one drop leads to one
// reconnect however many channels noticed it.
import { shellQuote } from '../render/shell-quote.js'
import { TransportError, type ExecResult, type Transport } from '../transport/types.js'

export interface WatchConnectionOptions {
  /** Opens a new connection with the same settings; without it a dropped connection ends the watch. */
  reconnect?: () => Promise<Transport>
  /** How long to keep trying to reconnect. Default 300 s (sandbox.reconnectSeconds). */
  reconnectMs?: number
  /** A command that has not finished after this long is taken as a dead connection. Default 60 s. */
  commandTimeoutMs?: number
  /** Run Slurm commands under `bash -l`, so site profiles set PATH (cluster.loginShell). Default true. */
  loginShell?: boolean
  /** Told about a drop and about each reconnect. */
  onEvent?: (event: ConnectionEvent) => void
  now?: () => number
}

export type ConnectionEvent =
  | { kind: 'connection-lost'; reason: string }
  | { kind: 'reconnected'; attempts: number; downMs: number; transport: string }
  | { kind: 'reconnect-failed'; attempt: number; reason: string; nextInMs: number }

/** The connection dropped and could not be re-established within the allowed time (or not at all). */
export class ConnectionLostError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConnectionLostError'
  }
}

/** What a Slurm command gave: its result, or `reconnected` when the connection dropped under it. */
export type CommandAnswer = { kind: 'done'; result: ExecResult } | { kind: 'reconnected' }

// A host key that changed or a key the server now refuses is not a blip: never retried.
const FATAL_KINDS = new Set(['auth', 'host-key', 'config'])

export class WatchConnection {
  private current: Transport
  private recovering: Promise<Transport> | undefined
  private lost: ConnectionLostError | undefined
  private readonly reconnectMs: number
  private readonly commandTimeoutMs: number
  private readonly loginShell: boolean
  private readonly now: () => number
  /** Slurm commands sent (every squeue, sacct, scontrol and scancel). */
  slurmQueries = 0
  reconnects = 0

  constructor(
    transport: Transport,
    private readonly options: WatchConnectionOptions = {}
  ) {
    this.current = transport
    this.reconnectMs = options.reconnectMs ?? 300_000
    this.commandTimeoutMs = options.commandTimeoutMs ?? 60_000
    this.loginShell = options.loginShell ?? true
    this.now = options.now ?? Date.now
  }

  /** The transport in use now; a reconnect replaces the one passed in (which it closes). */
  get transport(): Transport {
    return this.current
  }

  /**
   * Runs one Slurm command (counted). A dropped connection is re-established before this returns `reconnected`,
   * so the caller simply asks again at its next poll; it throws ConnectionLostError when that failed.
   */
  async slurm(command: string, timeoutMs = this.commandTimeoutMs): Promise<CommandAnswer> {
    if (this.lost) throw this.lost
    const transport = this.current
    this.slurmQueries++
    const wrapped = this.loginShell ? `bash -lc ${shellQuote(command)}` : command
    let result: ExecResult
    try {
      result = await withTimeout(transport.exec(wrapped), timeoutMs)
    } catch (err) {
      await this.recover(transport, describe(err))
      return { kind: 'reconnected' }
    }
    // No exit status: the channel closed under the command. A dead connection, or a command killed by a signal.
    if (result.code === null && !(await this.alive(transport))) {
      await this.recover(transport, 'the connection closed during a command')
      return { kind: 'reconnected' }
    }
    return { kind: 'done', result }
  }

  /** A quick no-op command answers on a live connection. */
  private async alive(transport: Transport): Promise<boolean> {
    try {
      const r = await withTimeout(transport.exec('true'), 5_000)
      return r.code === 0
    } catch {
      return false
    }
  }

  /**
   * Called by whoever noticed that `failed` is broken. The first caller reconnects (closing `failed`, which also
   * ends every channel still hanging on it); later callers get the same new transport.
   */
  recover(failed: Transport, reason: string): Promise<Transport> {
    if (this.lost) return Promise.reject(this.lost)
    if (failed !== this.current) return Promise.resolve(this.current)
    this.recovering ??= this.reconnectLoop(failed, reason).finally(() => {
      this.recovering = undefined
    })
    return this.recovering
  }

  private async reconnectLoop(failed: Transport, reason: string): Promise<Transport> {
    const started = this.now()
    this.options.onEvent?.({ kind: 'connection-lost', reason })
    void failed.close().catch(() => undefined)
    const giveUp = (why: string): never => {
      this.lost = new ConnectionLostError(why)
      throw this.lost
    }
    const reconnect = this.options.reconnect
    if (!reconnect)
      return giveUp(`the connection ${failed.description} dropped (${reason}); no way to reconnect`)
    let delayMs = 1000
    for (let attempt = 1; ; attempt++) {
      try {
        const transport = await reconnect()
        this.current = transport
        this.reconnects++
        this.options.onEvent?.({
          kind: 'reconnected',
          attempts: attempt,
          downMs: this.now() - started,
          transport: transport.description
        })
        return transport
      } catch (err) {
        const why = describe(err)
        if (err instanceof TransportError && FATAL_KINDS.has(err.kind)) {
          return giveUp(`the connection dropped (${reason}) and reconnecting was refused: ${why}`)
        }
        const elapsed = this.now() - started
        if (elapsed + delayMs > this.reconnectMs) {
          return giveUp(
            `the connection dropped (${reason}) and could not be re-established within ` +
              `${Math.round(this.reconnectMs / 1000)} s: ${why}`
          )
        }
        this.options.onEvent?.({ kind: 'reconnect-failed', attempt, reason: why, nextInMs: delayMs })
        await new Promise(resolve => setTimeout(resolve, delayMs))
        delayMs = Math.min(delayMs * 2, 15_000)
      }
    }
  }
}

class CommandTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandTimeout(`no answer within ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
