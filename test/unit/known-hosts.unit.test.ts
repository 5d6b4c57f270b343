import { describe, expect, it } from '@jest/globals'
import {
  checkHostKey,
  entriesFor,
  fingerprintSha256,
  hostKeyAlgorithms,
  keyTypeOf,
  knownHostName,
  parseKnownHosts
} from '../../src/transport/known-hosts.js'

// Fixtures made with OpenSSH (ssh-keygen -t ed25519 / ecdsa, then `ssh-keygen -H` for the hashed lines), so
// the hashing and fingerprints are checked against the real tool, not against our own reading of it.
const ED25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIF7VZpFJtiSd+8aEEKG0KOmoUZTu4CrHmv9UGo4RhFbB'
const ED25519_FP = 'SHA256:a2puguYeDUy1z1J9T3hMMMwqzpgvZC55YwN7/d2mS+8'
const ECDSA =
  'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBF3ilRl5CYZOCMeUh/4dwqdnEC5/uHCfALbxH9OQQ+xZ6CCFFeD7JXb54JhvjhMIo7f5JJ/kQDRBQML0glp1cxY='
const ECDSA_FP = 'SHA256:41UsKjfe4g6O2BvJPFYdwwIEAYlk6BVOOoX5XYV/7kY'
const HASHED_ED25519_2222 = `|1|I78bjzGwZZs1tOjbtQBArC/dWbk=|t6lsGW2C1kKx6pXTs9XZLEpOHtM= ssh-ed25519 ${ED25519}`
const HASHED_ECDSA_LOGIN = `|1|/nM1/0iuLyZW+HCGNd8MQAcfydI=|B7MkWXfxNEj2gNWdf4Mb1zE65Xs= ecdsa-sha2-nistp256 ${ECDSA}`

const ed25519 = Buffer.from(ED25519, 'base64')
const ecdsa = Buffer.from(ECDSA, 'base64')

describe('known_hosts parsing', () => {
  it('reads key types and OpenSSH-compatible fingerprints', () => {
    expect(keyTypeOf(ed25519)).toBe('ssh-ed25519')
    expect(fingerprintSha256(ed25519)).toBe(ED25519_FP)
    expect(fingerprintSha256(ecdsa)).toBe(ECDSA_FP)
  })

  it('names hosts as OpenSSH does: plain on port 22, [host]:port otherwise', () => {
    expect(knownHostName('login.example.org', 22)).toBe('login.example.org')
    expect(knownHostName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222')
  })

  it('matches plain host names, case-insensitively, only on port 22', () => {
    const known = parseKnownHosts(`Login.Example.org ssh-ed25519 ${ED25519}\n`)
    expect(checkHostKey(known, 'login.example.org', 22, ed25519).ok).toBe(true)
    expect(checkHostKey(known, 'login.example.org', 2222, ed25519).ok).toBe(false)
  })

  it('matches [host]:port entries only on that port', () => {
    const known = parseKnownHosts(`[127.0.0.1]:2222 ssh-ed25519 ${ED25519}\n`)
    expect(checkHostKey(known, '127.0.0.1', 2222, ed25519).ok).toBe(true)
    expect(checkHostKey(known, '127.0.0.1', 22, ed25519).ok).toBe(false)
    expect(checkHostKey(known, '127.0.0.1', 2223, ed25519).ok).toBe(false)
  })

  it('matches comma lists, wildcards and honours negation', () => {
    const known = parseKnownHosts(
      `login1,login2.example.org,*.hpc.example.org,!bad.hpc.example.org ssh-ed25519 ${ED25519}`
    )
    expect(checkHostKey(known, 'login1', 22, ed25519).ok).toBe(true)
    expect(checkHostKey(known, 'login2.example.org', 22, ed25519).ok).toBe(true)
    expect(checkHostKey(known, 'node7.hpc.example.org', 22, ed25519).ok).toBe(true)
    expect(checkHostKey(known, 'bad.hpc.example.org', 22, ed25519).ok).toBe(false)
    expect(checkHostKey(known, 'login3', 22, ed25519).ok).toBe(false)
  })

  it('matches hashed entries produced by ssh-keygen -H', () => {
    const known = parseKnownHosts(`${HASHED_ED25519_2222}\n${HASHED_ECDSA_LOGIN}\n`)
    expect(known.warnings).toEqual([])
    expect(checkHostKey(known, '127.0.0.1', 2222, ed25519).ok).toBe(true)
    expect(checkHostKey(known, 'login.example.org', 22, ecdsa).ok).toBe(true)
    expect(checkHostKey(known, '127.0.0.1', 22, ed25519).ok).toBe(false)
    expect(checkHostKey(known, 'login.example.org', 22, ed25519).ok).toBe(false)
  })

  it('skips comments and blank lines, and reports malformed lines without failing', () => {
    const known = parseKnownHosts(
      [
        '# a comment',
        '',
        '   ',
        `login1 ssh-ed25519 ${ED25519} a trailing comment`,
        'login2 ssh-ed25519',
        `login3 ssh-rsa ${ED25519}`,
        'login4 ssh-ed25519 not*base64',
        `|1|short|x ssh-ed25519 ${ED25519}`,
        `@bogus login5 ssh-ed25519 ${ED25519}`
      ].join('\r\n')
    )
    expect(known.entries.map(e => e.line)).toEqual([4])
    expect(known.warnings).toHaveLength(5)
    expect(known.warnings.join('\n')).toMatch(
      /line 6: key type ssh-rsa does not match the key's own type ssh-ed25519/
    )
  })

  it('refuses a key of the wrong type, naming what it got and what is known', () => {
    const known = parseKnownHosts(`[127.0.0.1]:2222 ecdsa-sha2-nistp256 ${ECDSA}\n`)
    const check = checkHostKey(known, '127.0.0.1', 2222, ed25519)
    expect(check).toMatchObject({ ok: false, reason: 'mismatch' })
    if (check.ok) return
    expect(check.message).toContain(
      `host key for [127.0.0.1]:2222 does not match any entry in ssh-known-hosts (got ssh-ed25519 ${ED25519_FP})`
    )
    expect(check.message).toContain(`ecdsa-sha2-nistp256 ${ECDSA_FP} (line 1)`)
    expect(check.message).toContain('ssh-keyscan -p 2222 127.0.0.1')
  })

  it('refuses an unknown host (no trust on first use) and hints at the [host]:port form', () => {
    const known = parseKnownHosts(`127.0.0.1 ssh-ed25519 ${ED25519}\n`)
    const check = checkHostKey(known, '127.0.0.1', 2222, ed25519, 'ssh-known-hosts')
    expect(check).toMatchObject({ ok: false, reason: 'unknown-host' })
    if (check.ok) return
    expect(check.message).toMatch(/does not match any entry in ssh-known-hosts \(got ssh-ed25519 SHA256:/)
    expect(check.message).toContain('on port 2222 the line must start with [127.0.0.1]:2222')
  })

  it('refuses @revoked keys even when another line lists the same key', () => {
    const known = parseKnownHosts(`login1 ssh-ed25519 ${ED25519}\n@revoked * ssh-ed25519 ${ED25519}\n`)
    expect(checkHostKey(known, 'login1', 22, ed25519)).toMatchObject({ ok: false, reason: 'revoked' })
    expect(checkHostKey(known, 'login1', 22, ecdsa)).toMatchObject({ ok: false, reason: 'mismatch' })
  })

  it('does not accept keys through @cert-authority lines (host certificates are unsupported)', () => {
    const known = parseKnownHosts(`@cert-authority *.example.org ssh-ed25519 ${ED25519}\n`)
    const check = checkHostKey(known, 'login.example.org', 22, ed25519)
    expect(check).toMatchObject({ ok: false, reason: 'cert-authority-only' })
    expect(entriesFor(known, 'login.example.org', 22)).toHaveLength(1)
  })

  it('offers only the host key algorithms known for the host', () => {
    const known = parseKnownHosts(
      `[127.0.0.1]:2222 ssh-ed25519 ${ED25519}\nlogin ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7\n`
    )
    expect(hostKeyAlgorithms(known, '127.0.0.1', 2222)).toEqual(['ssh-ed25519'])
    expect(hostKeyAlgorithms(known, 'other', 22)).toBeUndefined()
  })
})
