// The SSH transport: one connection (plus one to the jump host, if any) for the whole run. The script, the
// extra commands (kill, state reads) and file uploads all travel as channels over it.
//
// Safety rules, from what users of SSH deploy actions complain about:
// - strict host key checking against the given known_hosts, before authenticating; no trust-on-first-use;
// - only connecting is retried (refused, unreachable, timed out), never a rejected key or a host key mismatch;
// - the private key and passphrase never appear in messages: ssh2's errors are re-worded and redacted, and no
//   ssh2 error object (which can reference the connect config) is passed on as a cause.
import { randomBytes } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { NodeSSH } from 'node-ssh'
import { checkHostKey, hostKeyAlgorithms, parseKnownHosts, type KnownHosts } from './known-hosts.js'
import { checkHost, checkPort, checkUnixUser } from '../validate/network.js'
import { TransportError, type ExecResult, type RunOptions, type RunResult, type Transport } from './types.js'

export interface SshEndpoint {
  host: string
  port: number
  username: string
}

export interface SshSettings extends SshEndpoint {
  /** Private key content (OpenSSH or PEM); never logged. */
  privateKey: string
  passphrase?: string
  /** Content of a known_hosts file; required (strict host key checking). */
  knownHosts: string
  /** Optional jump host, reached first; it uses the same key and known_hosts. */
  jump?: SshEndpoint
  /** Per connection attempt, covering TCP connect, handshake and authentication. Default 20. */
  connectTimeoutSeconds?: number
  /** Attempts to connect when the host is unreachable. Default 3. */
  connectAttempts?: number
  /** First pause between attempts; it doubles after each. Default 1000 ms. */
  backoffBaseMs?: number
  /** Keepalive so a dead connection is noticed during a long run. Default 15 s (4 missed = dead). */
  keepaliveIntervalSeconds?: number
  /** Names of the inputs the secrets came from, used in messages. */
  inputNames?: { privateKey?: string; knownHosts?: string; passphrase?: string }
}

/** What a caller hears of, and can do to, a connection being made. */
export interface ConnectOptions {
  /** Non-fatal notes: skipped known_hosts lines, each failed attempt that is retried. */
  warn?: (msg: string) => void
  /** Gives up: a connection being made is dropped, no attempt follows. */
  signal?: AbortSignal
  /** Called once, when the first TCP connection of the run (to the jump host, if any) is made. */
  onTcpConnected?: () => void
}

// Only what we use of ssh2's Client and Channel (node-ssh exposes the client; @types/ssh2 is not installed).
interface Ssh2Channel extends EventEmitter {
  stderr: EventEmitter
  end(data?: string | Buffer): void
  close(): void
  signal(name: string): void
}
interface Ssh2Client extends EventEmitter {
  exec(command: string, callback: (err: Error | undefined, channel: Ssh2Channel) => void): boolean
  setNoDelay(noDelay: boolean): void
}

const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'EPIPE'
])

/** A connect failure worth another attempt; `reason` is short and secret-free (e.g. ECONNREFUSED). */
class RetryableConnectError extends Error {
  constructor(
    readonly endpoint: string,
    readonly reason: string
  ) {
    super(reason)
  }
}

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g

/** Removes the key (whole, or any of its lines) and the passphrase from a message. */
export function makeRedactor(secrets: (string | undefined)[]): (text: string) => string {
  const pieces = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    if (secret.trim().length >= 4) pieces.add(secret.trim())
    for (const line of secret.split(/\r?\n/)) {
      const t = line.trim()
      if (t.length >= 16 && !t.startsWith('-----')) pieces.add(t)
    }
  }
  const ordered = [...pieces].sort((a, b) => b.length - a.length)
  return text => {
    let out = text.replace(PEM_BLOCK, '[redacted private key]')
    for (const piece of ordered) out = out.split(piece).join('[redacted]')
    return out
  }
}

function endpointLabel(e: SshEndpoint): string {
  return `${e.username}@${e.host}:${e.port}`
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code
  return typeof code === 'string' ? code : undefined
}

function errorLevel(err: unknown): string | undefined {
  const level = (err as { level?: unknown })?.level
  return typeof level === 'string' ? level : undefined
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

function givenUp(): TransportError {
  return new TransportError('connect', 'connecting was given up')
}

/** Rejects with `onTimeout()` when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function validate(settings: SshSettings, known: KnownHosts, knownHostsInput: string, keyInput: string): void {
  const endpoints = settings.jump ? [settings, settings.jump] : [settings]
  for (const e of endpoints) {
    const problem = checkHost(e.host) ?? checkPort(e.port) ?? checkUnixUser(e.username)
    if (problem) throw new TransportError('config', `invalid SSH endpoint: ${problem}`)
  }
  // Common slips caught early; anything else is left to ssh2's parser (OpenSSH, PEM and PuTTY formats).
  const key = (settings.privateKey ?? '').trim()
  const looksLikePublicKey = /^(ssh-|ecdsa-|sk-)\S+ AAAA/.test(key)
  const looksLikePath = /^[~/.][^\n]*$/.test(key)
  if (key === '' || looksLikePublicKey || looksLikePath) {
    throw new TransportError(
      'config',
      `${keyInput} does not contain a private key: expected the content of a key file ` +
        '("-----BEGIN OPENSSH PRIVATE KEY-----" …), not a path or a public key'
    )
  }
  if (known.entries.length === 0) {
    throw new TransportError(
      'config',
      `${knownHostsInput} has no usable host key line, and host keys are always checked. ` +
        `Obtain the key out of band, e.g. \`ssh-keyscan -p ${settings.port} ${settings.host}\` from a trusted ` +
        `network, verify its fingerprint, and put the output in ${knownHostsInput}.` +
        (known.warnings.length > 0 ? ` (${known.warnings.join('; ')})` : '')
    )
  }
}

/**
 * Connects (retrying only while the host is unreachable) and returns the transport. Throws TransportError
 * with kind `config`, `host-key`, `auth` or `connect`. A run whose checks failed while it was connecting gives
 * up through `signal`.
 */
export async function connectSsh(
  settings: SshSettings,
  { warn, signal, onTcpConnected }: ConnectOptions = {}
): Promise<SshTransport> {
  const keyInput = settings.inputNames?.privateKey ?? 'ssh-private-key'
  const knownHostsInput = settings.inputNames?.knownHosts ?? 'ssh-known-hosts'
  const names = { key: keyInput, passphrase: settings.inputNames?.passphrase ?? 'ssh-key-passphrase' }
  const known = parseKnownHosts(settings.knownHosts ?? '')
  validate(settings, known, knownHostsInput, keyInput)
  for (const w of known.warnings) warn?.(`${knownHostsInput}: ${w}`)

  const redact = makeRedactor([settings.privateKey, settings.passphrase])
  const timeoutMs = (settings.connectTimeoutSeconds ?? 20) * 1000
  const attempts = Math.max(1, settings.connectAttempts ?? 3)
  const backoffBaseMs = settings.backoffBaseMs ?? 1000
  const stats = { connections: 0, commands: 0 }
  let tcpConnected = onTcpConnected

  const open = async (endpoint: SshEndpoint, sock?: unknown): Promise<NodeSSH> => {
    if (signal?.aborted) throw givenUp()
    const label = `${endpoint.host}:${endpoint.port}`
    let hostKeyProblem: string | undefined
    let verified = false
    const ssh = new NodeSSH()
    const algorithms = hostKeyAlgorithms(known, endpoint.host, endpoint.port)
    // Destroying the socket mid-handshake makes node-ssh reject at once (its 'close'); ending it would wait for
    // the server to close its side.
    const giveUp = () => {
      ;(ssh.connection as { destroy?: () => void } | null)?.destroy?.()
      ssh.dispose()
    }
    signal?.addEventListener('abort', giveUp, { once: true })
    try {
      const connecting = ssh.connect({
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.username,
        privateKey: settings.privateKey,
        passphrase: settings.passphrase,
        sock,
        readyTimeout: timeoutMs,
        keepaliveInterval: (settings.keepaliveIntervalSeconds ?? 15) * 1000,
        keepaliveCountMax: 4,
        tryKeyboard: false,
        ...(algorithms ? { algorithms: { serverHostKey: algorithms } } : {}),
        // Called during key exchange, before any authentication is attempted.
        hostVerifier: (key: Buffer): boolean => {
          const check = checkHostKey(known, endpoint.host, endpoint.port, key, knownHostsInput)
          if (check.ok) verified = true
          else hostKeyProblem = check.message
          return check.ok
        }
      })
      // ssh2 leaves Nagle's algorithm on, so each exchange whose packets go out back to back (the handshake's,
      // authentication's, a channel's open and request) waits for a delayed ACK: 40 ms a time on Linux. Sent
      // at once, a loopback connection is made in 37 ms instead of 80. (node-ssh has created the client and its
      // socket by now; the socket applies the option once connected.)
      const client = ssh.connection as unknown as Ssh2Client | null
      client?.setNoDelay(true)
      // ssh2 emits 'connect' when its socket is connected (it sends its identification right after).
      client?.once('connect', () => {
        tcpConnected?.()
        tcpConnected = undefined
      })
      await withTimeout(
        connecting,
        timeoutMs + 2000,
        () => new RetryableConnectError(label, `no SSH handshake within ${timeoutMs / 1000} s`)
      )
    } catch (err) {
      ssh.dispose()
      if (signal?.aborted) throw givenUp()
      if (hostKeyProblem) throw new TransportError('host-key', hostKeyProblem)
      throw classifyConnectError(err, endpoint, names, redact, timeoutMs)
    } finally {
      signal?.removeEventListener('abort', giveUp)
    }
    if (!verified) {
      // Defence in depth: never use a connection whose host key we did not see and accept.
      ssh.dispose()
      throw new TransportError(
        'host-key',
        `the host key of ${label} was not verified; refusing to use the connection`
      )
    }
    stats.connections++
    return ssh
  }

  const connectOnce = async (): Promise<{ target: NodeSSH; jump?: NodeSSH }> => {
    if (!settings.jump) return { target: await open(settings) }
    const jump = await open(settings.jump)
    try {
      let stream: unknown
      try {
        stream = await jump.forwardOut('127.0.0.1', 0, settings.host, settings.port)
      } catch (err) {
        throw new RetryableConnectError(
          `${settings.host}:${settings.port}`,
          `the jump host ${settings.jump.host} could not reach it: ${redact(errorMessage(err))}`
        )
      }
      return { target: await open(settings, stream), jump }
    } catch (err) {
      jump.dispose()
      throw err
    }
  }

  const started = Date.now()
  let last: RetryableConnectError | undefined
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (signal?.aborted) throw givenUp()
    try {
      const { target, jump } = await connectOnce()
      return new SshTransport(settings, target, jump, stats, redact)
    } catch (err) {
      if (!(err instanceof RetryableConnectError)) throw err
      last = err
      if (attempt < attempts) {
        const pauseMs = backoffBaseMs * 2 ** (attempt - 1)
        warn?.(
          `connect to ${err.endpoint} failed (${err.reason}); attempt ${attempt + 1} of ${attempts} in ${formatSeconds(pauseMs)}`
        )
        await sleep(pauseMs, signal)
      }
    }
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10
  throw new TransportError(
    'connect',
    `could not connect to ${last?.endpoint ?? `${settings.host}:${settings.port}`} after ${attempts} ` +
      `attempt${attempts === 1 ? '' : 's'} over ${seconds}s: ${last?.reason ?? 'unknown error'}`
  )
}

/** "4 s", "0.5 s". */
function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}

function classifyConnectError(
  err: unknown,
  endpoint: SshEndpoint,
  names: { key: string; passphrase: string },
  redact: (text: string) => string,
  timeoutMs: number
): Error {
  if (err instanceof RetryableConnectError || err instanceof TransportError) return err
  const label = `${endpoint.host}:${endpoint.port}`
  const code = errorCode(err)
  const level = errorLevel(err)
  const message = redact(errorMessage(err))
  const keyInput = names.key
  // ssh2 parses the key before it opens the socket: "… encrypted … but no passphrase given", "… bad passphrase?".
  if (/no passphrase given/i.test(message)) {
    return new TransportError(
      'config',
      `the private key from ${keyInput} is encrypted, and no passphrase was given: set ${names.passphrase}`
    )
  }
  if (/bad passphrase/i.test(message)) {
    return new TransportError(
      'config',
      `the passphrase from ${names.passphrase} does not decrypt the private key from ${keyInput}; check both`
    )
  }
  if (level === 'client-authentication') {
    return new TransportError(
      'auth',
      `authentication as ${endpointLabel(endpoint)} failed: the server rejected the private key from ` +
        `${keyInput}. Check that its public key is in ~${endpoint.username}/.ssh/authorized_keys on ` +
        `${endpoint.host} and that any restrictions there (from=, command=) allow this runner.`
    )
  }
  if (/privateKey|private key|passphrase/i.test(message)) {
    return new TransportError(
      'config',
      `the private key from ${keyInput} could not be used: ${message}` +
        (/passphrase/i.test(message) ? ` (is ${names.passphrase} set and right?)` : '')
    )
  }
  if (code === 'ENOTFOUND' || level === 'client-dns') {
    return new TransportError(
      'connect',
      `could not resolve the SSH host ${endpoint.host}: ${code ?? message}`
    )
  }
  if (level === 'client-timeout') {
    return new RetryableConnectError(label, `no SSH handshake within ${timeoutMs / 1000} s`)
  }
  if (code !== undefined && RETRYABLE_CODES.has(code)) return new RetryableConnectError(label, code)
  if (/No response from server|Connection lost before handshake|Keepalive timeout/i.test(message)) {
    return new RetryableConnectError(label, message)
  }
  return new TransportError('connect', `could not connect to ${label}: ${message}`)
}

/** Waits up to `ms` for `event` on `emitter`; true if it came. */
function waitForEvent(emitter: EventEmitter, event: string, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const timer = setTimeout(() => {
      emitter.removeListener(event, onEvent)
      resolve(false)
    }, ms)
    const onEvent = (): void => {
      clearTimeout(timer)
      resolve(true)
    }
    emitter.once(event, onEvent)
  })
}

/** TERM the group, up to 2 s for it to go, then KILL. The id is digits only (checked), so quoting is simple. */
export function remoteKillCommand(pgid: number): string {
  if (!Number.isInteger(pgid) || pgid <= 1) throw new Error(`refusing to kill process group ${pgid}`)
  const script =
    `p=${pgid}; kill -TERM -- -$p 2>/dev/null || kill -TERM $p 2>/dev/null; ` +
    'i=0; while [ $i -lt 20 ] && kill -0 -- -$p 2>/dev/null; do sleep 0.1; i=$((i+1)); done; ' +
    'kill -KILL -- -$p 2>/dev/null; true'
  // bash -c: the account's login shell may be csh or fish.
  return `bash -c '${script}'`
}

export class SshTransport implements Transport {
  readonly description: string
  private closed = false
  private lastError: string | undefined

  constructor(
    settings: SshSettings,
    private readonly ssh: NodeSSH,
    private readonly jump: NodeSSH | undefined,
    readonly stats: { connections: number; commands: number },
    private readonly redact: (text: string) => string
  ) {
    this.description =
      `${endpointLabel(settings)}` + (settings.jump ? ` via ${endpointLabel(settings.jump)}` : '') + ' (ssh)'
    // node-ssh drops its error listener once connected; without ours a later socket error would crash Node.
    for (const c of [this.client, jump?.connection as EventEmitter | null | undefined]) {
      c?.on('error', (err: unknown) => {
        this.lastError = this.redact(errorMessage(err))
      })
    }
    this.client.on('close', () => {
      this.closed = true
    })
  }

  private get client(): Ssh2Client {
    // node-ssh types its client with @types/ssh2, which is not installed: the narrow interface above stands in.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    return this.ssh.connection as unknown as Ssh2Client
  }

  private openChannel(command: string): Promise<Ssh2Channel> {
    if (this.closed || this.ssh.connection === null) {
      return Promise.reject(
        new TransportError(
          'channel',
          `the SSH connection ${this.description} is closed` + (this.lastError ? `: ${this.lastError}` : '')
        )
      )
    }
    this.stats.commands++
    return new Promise((resolve, reject) => {
      try {
        this.client.exec(command, (err, channel) => {
          if (err)
            reject(new TransportError('channel', `could not start a command: ${this.redact(err.message)}`))
          else resolve(channel)
        })
      } catch (err) {
        reject(new TransportError('channel', `could not start a command: ${this.redact(errorMessage(err))}`))
      }
    })
  }

  async runScript(opts: RunOptions & { loginShell: boolean }): Promise<RunResult> {
    // sshd starts the command as a session leader (setsid), so the shell's $$ is also the process group of
    // everything the script starts. The wrapper reports it on stderr (tagged with a random token, and not
    // forwarded) so that cancelling can kill the whole group; `exec` keeps the same pid.
    const tag = `SG_PGID_${randomBytes(6).toString('hex')}=`
    const shell = opts.loginShell ? 'exec bash -l -s' : 'exec bash -s'
    const channel = await this.openChannel(`exec bash -c 'printf "${tag}%s\\n" "$$" >&2; ${shell}'`)

    return new Promise<RunResult>(resolve => {
      let pgid: number | undefined
      let exit: RunResult | undefined
      let channelClosed = false
      let settled = false
      const finish = (result: RunResult): void => {
        if (settled) return
        settled = true
        opts.signal?.removeEventListener('abort', onAbort)
        opts.detach?.removeEventListener('abort', onDetach)
        resolve(result)
      }

      // Until the tag arrives, stderr is read line by line; lines before it (e.g. a noisy ~/.bashrc) pass on.
      let scanning = true
      let pending = ''
      const onStderr = (chunk: Buffer): void => {
        if (!scanning) return opts.onOutput(chunk)
        pending += chunk.toString('latin1') // 1:1 with bytes, so forwarding restores them exactly
        let newline: number
        while (scanning && (newline = pending.indexOf('\n')) !== -1) {
          const line = pending.slice(0, newline)
          pending = pending.slice(newline + 1)
          if (line.startsWith(tag) && /^\d+$/.test(line.slice(tag.length))) {
            pgid = Number(line.slice(tag.length))
            scanning = false
          } else {
            opts.onOutput(Buffer.from(line + '\n', 'latin1'))
          }
        }
        if (!scanning || pending.length > 64 * 1024) {
          scanning = false
          if (pending !== '') opts.onOutput(Buffer.from(pending, 'latin1'))
          pending = ''
        }
      }

      let aborting = false
      const onAbort = (): void => {
        if (aborting) return
        aborting = true
        void (async () => {
          if (pgid === undefined && !channelClosed) {
            // Cancelled within the first moments: give the wrapper a moment to report its process group.
            const deadline = Date.now() + 2000
            while (pgid === undefined && !channelClosed && Date.now() < deadline) await sleep(50)
          }
          if (pgid !== undefined && !channelClosed) {
            await withTimeout(
              this.exec(remoteKillCommand(pgid)),
              10_000,
              () => new Error('kill timed out')
            ).catch(() => undefined)
          } else if (!channelClosed) {
            try {
              channel.signal('KILL')
            } catch {
              // best effort: servers may refuse signal requests
            }
          }
          if (!channelClosed) await waitForEvent(channel, 'close', 2000)
          if (!channelClosed) channel.close()
          finish(exit ?? { exitCode: null, signal: 'SIGTERM' })
        })()
      }
      const onDetach = (): void => {
        if (!channelClosed) channel.close()
        finish(exit ?? { exitCode: null, signal: null })
      }

      channel.on('data', (chunk: Buffer) => opts.onOutput(chunk))
      channel.stderr.on('data', onStderr)
      channel.on('exit', (code: number | null, signal?: string) => {
        exit = { exitCode: code ?? null, signal: signal ?? null }
      })
      channel.on('close', () => {
        channelClosed = true
        if (pending !== '') opts.onOutput(Buffer.from(pending, 'latin1'))
        pending = ''
        // While cancelling, the kill sequence decides when we are done (the group may still be exiting).
        if (!aborting) finish(exit ?? { exitCode: null, signal: null })
      })
      channel.on('error', (err: unknown) => {
        this.lastError = this.redact(errorMessage(err))
      })
      if (opts.signal?.aborted) onAbort()
      else opts.signal?.addEventListener('abort', onAbort, { once: true })
      opts.detach?.addEventListener('abort', onDetach, { once: true })
      channel.end(opts.stdin)
    })
  }

  async exec(command: string): Promise<ExecResult> {
    const channel = await this.openChannel(command)
    return new Promise<ExecResult>(resolve => {
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      let code: number | null = null
      channel.on('data', (chunk: Buffer) => stdout.push(chunk))
      channel.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      channel.on('exit', (c: number | null) => {
        code = c ?? null
      })
      channel.on('error', (err: unknown) => {
        this.lastError = this.redact(errorMessage(err))
      })
      channel.on('close', () =>
        resolve({
          code,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8')
        })
      )
      channel.end()
    })
  }

  async putFile(localPath: string, remotePath: string): Promise<void> {
    if (this.closed) {
      throw new TransportError('channel', `the SSH connection ${this.description} is closed`)
    }
    this.stats.commands++
    try {
      await this.ssh.putFile(localPath, remotePath)
    } catch (err) {
      throw new TransportError(
        'channel',
        `could not upload ${localPath} to ${remotePath} on ${this.description}: ${this.redact(errorMessage(err))}`
      )
    }
  }

  async close(): Promise<void> {
    const clients = [this.ssh, this.jump].filter((c): c is NodeSSH => c !== undefined)
    for (const c of clients) {
      const connection = c.connection as EventEmitter | null
      if (connection === null) continue
      const closed = waitForEvent(connection, 'close', 2000)
      c.dispose()
      await closed
    }
    this.closed = true
  }
}
