// Streams a job's output file into the log while the job runs, over the watch's connection.
//
// One long-running channel per connection: `tail -c +OFFSET -F --sleep-interval=0.5 FILE`. A line the job
// writes is on its way within half a second (tail polls on network filesystems, where inotify sees nothing), and
// it costs one process on the login node, no Slurm query, and no new channel per look. Before the file exists
// (the job is queued, or the filesystem shows it late) a shell loop waits for it. `--pid` of the sshd session
// ends tail when the connection drops, so nothing is left behind on the login node.
//
// Bytes delivered are counted; every restart (after a reconnect) and the final drain start exactly there, so
// nothing is printed twice or skipped. A random marker line comes before the file's bytes, so output of a
// site's shell startup files can never be taken for the job's.
import { randomBytes } from 'node:crypto'
import { shellQuote } from '../render/shell-quote.js'
import type { Transport } from '../transport/types.js'
import type { WatchConnection } from './watch-connection.js'

export interface LogStreamOptions {
  /** Bytes of the file already shown (a watch that resumes); streaming starts after them. Default 0. */
  offset?: number
  /** drain() reads up to this byte offset only (one run's part of a file that later runs appended to). */
  end?: number
  /** tail's poll interval on filesystems without inotify. Default 0.5 s. */
  sleepIntervalSeconds?: number
  /** Told when streaming had trouble (the watch goes on: the final drain still shows the whole file). */
  onProblem?: (message: string) => void
}

/** The script of the follow channel; `$PPID` is the sshd session (or the local node process). */
export function followScript(
  path: string,
  offset: number,
  marker: string,
  sleepIntervalSeconds = 0.5
): string {
  const seconds = String(sleepIntervalSeconds)
  return [
    `f=${shellQuote(path)}`,
    'p=$PPID',
    `until [ -e "$f" ]; do ps -p "$p" >/dev/null 2>&1 || exit 0; sleep ${seconds}; done`,
    `printf '%s\\n' ${shellQuote(marker)}`,
    `exec tail -c +${offset + 1} -F --sleep-interval=${seconds} --pid="$p" -- "$f" 2>/dev/null`,
    ''
  ].join('\n')
}

/**
 * The script that prints the file from `offset` to its current end, or to `end` when given (nothing when it does
 * not exist).
 */
export function drainScript(path: string, offset: number, marker: string, end?: number): string {
  const read = `tail -c +${offset + 1} -- "$f" 2>/dev/null`
  return [
    `f=${shellQuote(path)}`,
    `printf '%s\\n' ${shellQuote(marker)}`,
    `[ -e "$f" ] || exit 0`,
    end === undefined ? `exec ${read}` : `${read} | head -c ${Math.max(0, end - offset)}`,
    ''
  ].join('\n')
}

/** Drops everything up to and including the marker line, then passes bytes on. */
class AfterMarker {
  private seen = false
  private pending = Buffer.alloc(0)
  private readonly marker: Buffer

  constructor(marker: string) {
    this.marker = Buffer.from(marker + '\n')
  }

  feed(chunk: Buffer): Buffer | undefined {
    if (this.seen) return chunk
    this.pending = Buffer.concat([this.pending, chunk])
    const at = this.pending.indexOf(this.marker)
    if (at === -1) {
      // Keep only what could still be the start of the marker.
      if (this.pending.length > this.marker.length) this.pending = this.pending.subarray(-this.marker.length)
      return undefined
    }
    this.seen = true
    const rest = this.pending.subarray(at + this.marker.length)
    this.pending = Buffer.alloc(0)
    return rest.length > 0 ? rest : undefined
  }
}

export class LogStream {
  private delivered: number
  private running: Promise<void> | undefined
  private stopping = false
  private wake: (() => void) | undefined
  private active: { abort: AbortController; accepting: boolean } | undefined
  private readonly sleepIntervalSeconds: number

  constructor(
    private readonly connection: WatchConnection,
    private readonly path: string,
    private readonly onOutput: (chunk: Buffer) => void,
    private readonly options: LogStreamOptions = {}
  ) {
    this.delivered = options.offset ?? 0
    this.sleepIntervalSeconds = options.sleepIntervalSeconds ?? 0.5
  }

  /** Bytes of the file delivered so far (including the starting offset). */
  get offset(): number {
    return this.delivered
  }

  /** Starts following in the background. */
  start(): void {
    this.running ??= this.follow()
  }

  /** Stops following; bytes that arrive after this are not delivered (the drain reads them again). */
  async stop(): Promise<void> {
    this.stopping = true
    this.wake?.()
    if (this.active) {
      this.active.accepting = false
      this.active.abort.abort()
    }
    await this.running
  }

  /**
   * Delivers the rest of the file as it is now, from the last delivered byte. Call after stop(), once the job
   * is over. Retries over a new connection if the old one drops; gives up at `deadline` (a time from `now`).
   */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const transport = this.connection.transport
      const ended = await this.runChannel(transport, 'drain', deadline - Date.now())
      if (ended === 'exited') return
      if (ended === 'timeout') break
      try {
        await this.connection.recover(transport, 'the connection closed while reading the job log')
      } catch {
        break
      }
    }
    this.options.onProblem?.(
      `could not read the end of ${this.path} within ${Math.round(timeoutMs / 1000)} s`
    )
  }

  private async follow(): Promise<void> {
    let troubles = 0
    while (!this.stopping) {
      const transport = this.connection.transport
      const ended = await this.runChannel(transport, 'follow')
      if (this.stopping) return
      if (ended === 'lost') {
        try {
          await this.connection.recover(transport, 'the log stream channel closed')
        } catch {
          return // the watch learns of it from its next query and reports it
        }
        continue
      }
      // tail ended by itself on a live connection (no GNU tail? no file access?): try again, a few times.
      troubles++
      if (troubles >= 5) {
        this.options.onProblem?.(
          `streaming ${this.path} stopped: tail exited ${troubles} times; the log is shown when the job ends`
        )
        return
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, 1000 * troubles)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = undefined
    }
  }

  /** One channel; `exited`: the remote command ended; `lost`: the channel closed without an exit status. */
  private async runChannel(
    transport: Transport,
    mode: 'follow' | 'drain',
    timeoutMs?: number
  ): Promise<'exited' | 'lost' | 'timeout'> {
    const marker = `SG_LOG_${randomBytes(8).toString('hex')}`
    const abort = new AbortController()
    const channel = { abort, accepting: true }
    this.active = channel
    const filter = new AfterMarker(marker)
    const script =
      mode === 'follow'
        ? followScript(this.path, this.delivered, marker, this.sleepIntervalSeconds)
        : drainScript(this.path, this.delivered, marker, this.options.end)
    let timedOut = false
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            channel.accepting = false
            abort.abort()
          }, timeoutMs)
    try {
      const result = await transport.runScript({
        stdin: script,
        loginShell: false,
        signal: abort.signal,
        onOutput: chunk => {
          if (!channel.accepting) return
          const bytes = filter.feed(chunk)
          if (!bytes) return
          this.delivered += bytes.length
          this.onOutput(bytes)
        }
      })
      if (timedOut) return 'timeout'
      return result.exitCode === null && result.signal === null ? 'lost' : 'exited'
    } catch {
      return 'lost'
    } finally {
      if (timer) clearTimeout(timer)
      channel.accepting = false
      if (this.active === channel) this.active = undefined
    }
  }
}
