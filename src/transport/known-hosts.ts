// Strict host key checking against a known_hosts file given as content (the `ssh-known-hosts` input).
// ssh2 does not read known_hosts itself; its `hostVerifier` hands us the server's key blob during key exchange,
// i.e. before any authentication, and we accept it only if an entry for this host has exactly that key.
// There is no trust-on-first-use: an unknown host is refused like a changed one.
import { createHash, createHmac } from 'node:crypto'

type HostMatcher = { kind: 'hashed'; salt: Buffer; hash: Buffer } | { kind: 'patterns'; patterns: string[] }

export interface KnownHostEntry {
  /** 1-based line in the known_hosts content, for messages. */
  line: number
  /** `@revoked` refuses the key outright; `@cert-authority` lines are kept but never match (see below). */
  marker: 'revoked' | 'cert-authority' | null
  hosts: HostMatcher
  keyType: string
  /** The public key blob (SSH wire format), as the server sends it. */
  key: Buffer
}

export interface KnownHosts {
  entries: KnownHostEntry[]
  /** Lines that were skipped, with the reason; they hold only public data and may be shown. */
  warnings: string[]
}

export type HostKeyCheck =
  | { ok: true; entry: KnownHostEntry }
  | { ok: false; reason: 'unknown-host' | 'mismatch' | 'revoked' | 'cert-authority-only'; message: string }

/** Reads one SSH wire-format string (uint32 length + bytes) at `offset`; undefined when the blob is too short. */
function readSshString(blob: Buffer, offset: number): Buffer | undefined {
  if (blob.length < offset + 4) return undefined
  const length = blob.readUInt32BE(offset)
  if (blob.length < offset + 4 + length) return undefined
  return blob.subarray(offset + 4, offset + 4 + length)
}

/** The key type named inside a public key blob, e.g. `ssh-ed25519`. */
export function keyTypeOf(blob: Buffer): string {
  return readSshString(blob, 0)?.toString('latin1') ?? 'unknown'
}

/** OpenSSH's fingerprint format: `SHA256:` + unpadded base64 of the blob's SHA-256. */
export function fingerprintSha256(blob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')
}

/** The name known_hosts uses for a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`
}

/** The out-of-band command we advise; the port flag only when it is needed. */
export function keyscanCommand(host: string, port: number): string {
  return port === 22 ? `ssh-keyscan ${host}` : `ssh-keyscan -p ${port} ${host}`
}

export function parseKnownHosts(content: string): KnownHosts {
  const entries: KnownHostEntry[] = []
  const warnings: string[] = []
  const lines = content.split(/\r?\n/)
  lines.forEach((raw, index) => {
    const lineNo = index + 1
    const text = raw.trim()
    if (text === '' || text.startsWith('#')) return
    const fields = text.split(/\s+/)
    let marker: KnownHostEntry['marker'] = null
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift()
      if (m === '@revoked') marker = 'revoked'
      else if (m === '@cert-authority') marker = 'cert-authority'
      else {
        warnings.push(`line ${lineNo}: unknown marker ${m}, line ignored`)
        return
      }
    }
    const [hostField, keyType, keyBase64] = fields
    if (hostField === undefined || keyType === undefined || keyBase64 === undefined) {
      warnings.push(`line ${lineNo}: expected "host key-type base64-key", line ignored`)
      return
    }
    const hosts = parseHostField(hostField)
    if (hosts === undefined) {
      warnings.push(`line ${lineNo}: malformed hashed host name, line ignored`)
      return
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(keyBase64)) {
      warnings.push(`line ${lineNo}: the key is not base64, line ignored`)
      return
    }
    const key = Buffer.from(keyBase64, 'base64')
    const embeddedType = keyTypeOf(key)
    if (embeddedType !== keyType) {
      warnings.push(
        `line ${lineNo}: key type ${keyType} does not match the key's own type ${embeddedType}, line ignored`
      )
      return
    }
    entries.push({ line: lineNo, marker, hosts, keyType, key })
  })
  return { entries, warnings }
}

function parseHostField(field: string): HostMatcher | undefined {
  if (field.startsWith('|')) {
    // Hashed (HashKnownHosts yes): |1|base64(salt)|base64(HMAC-SHA1(salt, name))
    const parts = field.split('|')
    if (parts.length !== 4 || parts[1] !== '1' || !parts[2] || !parts[3]) return undefined
    const salt = Buffer.from(parts[2], 'base64')
    const hash = Buffer.from(parts[3], 'base64')
    if (salt.length !== 20 || hash.length !== 20) return undefined
    return { kind: 'hashed', salt, hash }
  }
  return { kind: 'patterns', patterns: field.split(',').filter(p => p !== '') }
}

/** OpenSSH glob: `*` any run, `?` one character; host names compare case-insensitively. */
function globMatch(pattern: string, name: string): boolean {
  const source = pattern
    .toLowerCase()
    .split('')
    .map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`).test(name.toLowerCase())
}

function hostMatches(matcher: HostMatcher, name: string): boolean {
  if (matcher.kind === 'hashed') {
    const digest = createHmac('sha1', matcher.salt).update(name).digest()
    return digest.equals(matcher.hash)
  }
  // As in OpenSSH: a matching negated pattern (`!host`) excludes the line even if another pattern matches.
  let matched = false
  for (const pattern of matcher.patterns) {
    if (pattern.startsWith('!')) {
      if (globMatch(pattern.slice(1), name)) return false
    } else if (globMatch(pattern, name)) {
      matched = true
    }
  }
  return matched
}

/** Every entry (any marker) whose host patterns match this host and port. */
export function entriesFor(known: KnownHosts, host: string, port: number): KnownHostEntry[] {
  const name = knownHostName(host, port)
  return known.entries.filter(e => hostMatches(e.hosts, name))
}

// ssh2 negotiates the host key algorithm from its own preference list. If the server has several host keys and
// known_hosts lists only one type, we must ask for that type, or a correct setup would be refused
// (OpenSSH's client does the same ordering from known_hosts).
const ALGORITHMS_FOR_KEY_TYPE: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
  'ssh-dss': ['ssh-dss']
}

/**
 * Host key algorithms to offer for this host, derived from its usable entries; undefined when there are none
 * (then we connect with ssh2's defaults only to show the server's key in the refusal).
 */
export function hostKeyAlgorithms(known: KnownHosts, host: string, port: number): string[] | undefined {
  const algorithms: string[] = []
  for (const entry of entriesFor(known, host, port)) {
    if (entry.marker !== null) continue
    for (const a of ALGORITHMS_FOR_KEY_TYPE[entry.keyType] ?? [])
      if (!algorithms.includes(a)) algorithms.push(a)
  }
  return algorithms.length > 0 ? algorithms : undefined
}

/**
 * Decides whether the key the server presented may be trusted. `source` names where known_hosts came from
 * (the input name) so the message tells the user what to fix.
 */
export function checkHostKey(
  known: KnownHosts,
  host: string,
  port: number,
  serverKey: Buffer,
  source = 'ssh-known-hosts'
): HostKeyCheck {
  const name = knownHostName(host, port)
  const got = `${keyTypeOf(serverKey)} ${fingerprintSha256(serverKey)}`
  const advice =
    `Obtain the host key out of band (e.g. \`${keyscanCommand(host, port)}\` from a trusted network), ` +
    `compare its fingerprint with the one your cluster admins publish, and put the line in ${source}.`
  const matching = entriesFor(known, host, port)
  const revoked = matching.find(e => e.marker === 'revoked' && e.key.equals(serverKey))
  if (revoked) {
    return {
      ok: false,
      reason: 'revoked',
      message: `host key for ${name} is marked @revoked in ${source} (line ${revoked.line}; got ${got}); refusing to connect.`
    }
  }
  const plain = matching.filter(e => e.marker === null)
  const accepted = plain.find(e => e.key.equals(serverKey))
  if (accepted) return { ok: true, entry: accepted }

  const base = `host key for ${name} does not match any entry in ${source} (got ${got})`
  if (plain.length === 0 && matching.some(e => e.marker === 'cert-authority')) {
    return {
      ok: false,
      reason: 'cert-authority-only',
      message:
        `${base}: ${source} has only @cert-authority lines for this host, and host certificates are not ` +
        `supported. ${advice}`
    }
  }
  if (plain.length === 0) {
    // A common slip: the line was written for port 22 (`host key`) while the server listens elsewhere.
    const portHint =
      port !== 22 && entriesFor(known, host, 22).some(e => e.marker === null)
        ? ` (it has one for ${host} on port 22; on port ${port} the line must start with [${host}]:${port})`
        : ''
    return {
      ok: false,
      reason: 'unknown-host',
      message: `${base}: ${source} has no entry for ${name}${portHint}. ${advice}`
    }
  }
  const knownKeys = plain.map(e => `${e.keyType} ${fingerprintSha256(e.key)} (line ${e.line})`).join(', ')
  return {
    ok: false,
    reason: 'mismatch',
    message:
      `${base}; it lists ${knownKeys}. The host key changed or someone is intercepting the connection; ` +
      `refusing to connect. ${advice}`
  }
}
