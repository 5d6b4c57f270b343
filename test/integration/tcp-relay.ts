// A loopback TCP relay in front of sshd: what a run's connections look like from the network. It counts the
// connections made and those still open, and notes when the first byte of the first one since reset() arrived
// (the SSH client sends its version line as soon as TCP is connected, before any local work it defers). Used by
// tests (a run that must not connect, a connection given up) and by the benchmark (process start → first byte).
import net from 'node:net'

export class TcpRelay {
  private server: net.Server | undefined
  private firstByte: number | undefined
  /** Connections accepted since reset(). */
  connections = 0
  /** Connections not yet closed. */
  open = 0
  port = 0

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer(client => {
      this.connections++
      this.open++
      const upstream = net.connect(this.targetPort, this.targetHost)
      // Passed on at once both ways: Nagle's algorithm here would add its delays to the run behind the relay.
      client.setNoDelay(true)
      upstream.setNoDelay(true)
      client.once('data', () => (this.firstByte ??= performance.now()))
      client.pipe(upstream)
      upstream.pipe(client)
      let closed = false
      const end = () => {
        if (!closed) this.open--
        closed = true
        client.destroy()
        upstream.destroy()
      }
      client.on('error', end).on('close', end)
      upstream.on('error', end).on('close', end)
    })
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as net.AddressInfo).port
  }

  /** Forgets the connections and the first byte seen so far, before the next run starts. */
  reset(): void {
    this.firstByte = undefined
    this.connections = 0
  }

  /** When the first byte of the first connection since reset() arrived (performance.now()), if one did. */
  get firstByteAt(): number | undefined {
    return this.firstByte
  }

  /** A known_hosts text for the relay: the lines of the target's host key, with the relay's port. */
  knownHosts(targetKnownHosts: string): string {
    return targetKnownHosts.replaceAll(
      `[${this.targetHost}]:${this.targetPort}`,
      `[${this.targetHost}]:${this.port}`
    )
  }

  close(): Promise<void> {
    return new Promise(resolve => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
