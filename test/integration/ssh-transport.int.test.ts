// The SSH transport and the executor against the real sshd of the test cluster (scripts/cluster).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execute, failureMessage, succeeded } from '../../src/exec/executor.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { newNonce } from '../../src/exec/markers.js'
import type { RunParameters } from '../../src/plan/types.js'
import { connectTransport, type ConnectOptions, type TransportSettings } from '../../src/transport/connect.js'
import { makeRedactor } from '../../src/transport/ssh.js'
import { freePort } from './deploy-fixture.js'
import { TransportError, type Transport } from '../../src/transport/types.js'
import { describeCluster, type ClusterInfo } from './cluster.js'

const OTHER_HOST_KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIF7VZpFJtiSd+8aEEKG0KOmoUZTu4CrHmv9UGo4RhFbB'

/** Every message a failing connect produced, to check afterwards that no secret leaked into any of them. */
const errorMessages: string[] = []

async function connectError(
  settings: TransportSettings,
  options: ConnectOptions = {}
): Promise<TransportError> {
  try {
    const t = await connectTransport(settings, options)
    await t.close()
  } catch (err) {
    expect(err).toBeInstanceOf(TransportError)
    const e = err as TransportError
    errorMessages.push(e.message, String(e.stack))
    return e
  }
  throw new Error('connected, but should have been refused')
}

/** Gone, or a zombie nobody reaped yet (the container may lack an init): either way it no longer runs. */
async function remoteProcessGoneNow(t: Transport, pid: number): Promise<boolean> {
  const r = await t.exec(`ps -o stat= -p ${pid} || true`)
  return r.stdout.trim() === '' || /^[ZX]/.test(r.stdout.trim())
}

/** A killed process may take a moment to finish exiting; allow it one second. */
async function remoteProcessGone(t: Transport, pid: number): Promise<boolean> {
  const deadline = Date.now() + 1000
  while (!(await remoteProcessGoneNow(t, pid)) && Date.now() < deadline)
    await new Promise(r => setTimeout(r, 100))
  return remoteProcessGoneNow(t, pid)
}

// Checked before any connection is attempted, so these need no cluster.
describe('ssh settings', () => {
  const base = {
    kind: 'ssh' as const,
    host: '127.0.0.1',
    port: 1,
    username: 'caqrn',
    privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----\n',
    knownHosts: `[127.0.0.1]:1 ssh-ed25519 ${OTHER_HOST_KEY}\n`,
    connectAttempts: 1
  }

  it('refuses to connect without a usable known_hosts line', async () => {
    const e = await connectError({ ...base, knownHosts: '# nothing here\n' })
    expect(e.kind).toBe('config')
    expect(e.message).toContain('ssh-known-hosts has no usable host key line')
    expect(e.message).toContain('ssh-keyscan -p 1 127.0.0.1')
  })

  it('recognises a public key or a path given instead of the private key', async () => {
    for (const privateKey of [`ssh-ed25519 ${OTHER_HOST_KEY} me@laptop`, '~/.ssh/id_ed25519', '']) {
      const e = await connectError({ ...base, privateKey })
      expect(e.kind).toBe('config')
      expect(e.message).toMatch(/^ssh-private-key does not contain a private key/)
    }
  })

  it('redacts the key, any line of it, and the passphrase', () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAABBBBCCCCDDDDEEEE\nFFFFGGGGHHHHIIIIJJJJ\n-----END OPENSSH PRIVATE KEY-----\n'
    const redact = makeRedactor([key, 'hunter22'])
    expect(redact(`oops ${key} then FFFFGGGGHHHHIIIIJJJJ and hunter22`)).toBe(
      'oops [redacted private key]\n then [redacted] and [redacted]'
    )
  })
})

describeCluster('ssh transport', (cluster: ClusterInfo) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sg-ssh-'))
  let privateKey = ''
  let knownHosts = ''
  let wrongKey = ''
  let settings: Extract<TransportSettings, { kind: 'ssh' }>

  beforeAll(() => {
    privateKey = readFileSync(cluster.privateKeyPath, 'utf8')
    knownHosts = readFileSync(cluster.knownHostsPath, 'utf8')
    const r = spawnSync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      '',
      '-f',
      path.join(tmp, 'wrong')
    ])
    expect(r.status).toBe(0)
    wrongKey = readFileSync(path.join(tmp, 'wrong'), 'utf8')
    settings = {
      kind: 'ssh',
      host: cluster.host,
      port: cluster.port,
      username: cluster.user,
      privateKey,
      knownHosts,
      connectTimeoutSeconds: 10
    }
  })

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
  })

  it('runs a script in a login shell and streams its output as it comes', async () => {
    const t = await connectTransport(settings)
    try {
      expect(t.description).toBe(`${cluster.user}@${cluster.host}:${cluster.port} (ssh)`)
      const chunks: { at: number; text: string }[] = []
      const t0 = Date.now()
      const result = await t.runScript({
        loginShell: true,
        stdin: 'echo first\necho to-stderr >&2\nsleep 2\necho "sinfo: $(command -v sinfo)"\nexit 3\n',
        onOutput: chunk => chunks.push({ at: Date.now() - t0, text: chunk.toString() })
      })
      const all = chunks.map(c => c.text).join('')
      expect(result).toEqual({ exitCode: 3, signal: null })
      expect(all).toMatch(/^first\nto-stderr\nsinfo: \/\S*sinfo\n$/)
      expect(all).not.toContain('SG_PGID')
      // "first" arrived before the script was done, i.e. it was streamed, not buffered.
      const first = chunks.find(c => c.text.includes('first'))
      expect(first?.at).toBeLessThan(1500)
    } finally {
      await t.close()
    }
  })

  it('tells once that its TCP connection is made, before the handshake is done', async () => {
    const events: string[] = []
    const connecting = connectTransport(settings, { onTcpConnected: () => events.push('tcp connected') })
    expect(events).toEqual([])
    const t = await connecting
    events.push('ready')
    try {
      await t.exec('true')
      expect(events).toEqual(['tcp connected', 'ready'])
    } finally {
      await t.close()
    }
  })

  it('uses one connection for runScript, exec and putFile', async () => {
    const t = await connectTransport(settings)
    try {
      const local = path.join(tmp, 'upload.txt')
      writeFileSync(local, 'uploaded over sftp\n')
      const remote = `${cluster.home}/sg-upload-${newNonce()}.txt`
      const run = await t.runScript({ loginShell: false, stdin: 'true\n', onOutput: () => undefined })
      expect(run.exitCode).toBe(0)
      await t.putFile(local, remote)
      const read = await t.exec(`cat ${remote} && rm -f ${remote}`)
      expect(read).toEqual({ code: 0, stdout: 'uploaded over sftp\n', stderr: '' })
      expect(t.stats).toEqual({ connections: 1, commands: 3 })
    } finally {
      await t.close()
    }
  })

  it('refuses a wrong host key before authenticating', async () => {
    // The key is wrong too: had authentication come first, this would be an auth error.
    const e = await connectError({
      ...settings,
      privateKey: wrongKey,
      knownHosts: `[${cluster.host}]:${cluster.port} ssh-ed25519 ${OTHER_HOST_KEY}\n`,
      connectAttempts: 3
    })
    expect(e.kind).toBe('host-key')
    expect(e.message).toMatch(
      new RegExp(
        `^host key for \\[${cluster.host}\\]:${cluster.port} does not match any entry in ssh-known-hosts ` +
          `\\(got ssh-ed25519 SHA256:[A-Za-z0-9+/]{43}\\)`
      )
    )
    expect(e.message).toContain(`ssh-keyscan -p ${cluster.port} ${cluster.host}`)
  })

  it('refuses a host that known_hosts does not list (no trust on first use)', async () => {
    const e = await connectError({
      ...settings,
      knownHosts: `some.other.host ssh-ed25519 ${OTHER_HOST_KEY}\n`
    })
    expect(e.kind).toBe('host-key')
    expect(e.message).toContain(`ssh-known-hosts has no entry for [${cluster.host}]:${cluster.port}`)
  })

  it('reports a rejected private key clearly and does not retry it', async () => {
    const t0 = Date.now()
    const e = await connectError({
      ...settings,
      privateKey: wrongKey,
      connectAttempts: 3,
      backoffBaseMs: 2000
    })
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(e.kind).toBe('auth')
    expect(e.message).toMatch(
      new RegExp(
        `^authentication as ${cluster.user}@${cluster.host}:${cluster.port} failed: the server rejected the ` +
          'private key from ssh-private-key'
      )
    )
  })

  it('reports an unparsable key without echoing it', async () => {
    const garbage =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAnotreallyakeyatall\n-----END OPENSSH PRIVATE KEY-----\n'
    const e = await connectError({ ...settings, privateKey: garbage })
    expect(e.kind).toBe('config')
    expect(e.message).toContain('ssh-private-key')
    expect(e.message).not.toContain('notreallyakey')
  })

  it('gives up on a closed port after the configured attempts, in bounded time, saying what it retries', async () => {
    const port = await freePort()
    const t0 = Date.now()
    const warnings: string[] = []
    let tcpConnected = 0
    const e = await connectError(
      { ...settings, port, connectAttempts: 3, backoffBaseMs: 200 },
      { warn: message => warnings.push(message), onTcpConnected: () => tcpConnected++ }
    )
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(tcpConnected).toBe(0)
    expect(warnings).toEqual([
      `connect to 127.0.0.1:${port} failed (ECONNREFUSED); attempt 2 of 3 in 0.2 s`,
      `connect to 127.0.0.1:${port} failed (ECONNREFUSED); attempt 3 of 3 in 0.4 s`
    ])
    expect(e.kind).toBe('connect')
    expect(e.message).toMatch(
      new RegExp(
        `^could not connect to 127\\.0\\.0\\.1:${port} after 3 attempts over [\\d.]+s: ECONNREFUSED$`
      )
    )
  })

  it('times out on a server that never speaks SSH, and retries that', async () => {
    const silent = net.createServer(() => undefined)
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as net.AddressInfo).port
    try {
      const t0 = Date.now()
      const e = await connectError({
        ...settings,
        port,
        connectAttempts: 2,
        backoffBaseMs: 100,
        connectTimeoutSeconds: 1
      })
      expect(Date.now() - t0).toBeLessThan(6000)
      expect(e.message).toMatch(/after 2 attempts over [\d.]+s: no SSH handshake within 1 s$/)
    } finally {
      silent.close()
    }
  })

  it('cancelling kills the remote process group', async () => {
    const t = await connectTransport(settings)
    try {
      const controller = new AbortController()
      let output = ''
      const running = t.runScript({
        loginShell: true,
        stdin: 'sleep 300 &\necho "child=$!"\nwait\n',
        onOutput: chunk => {
          output += chunk.toString()
        },
        signal: controller.signal
      })
      const t0 = Date.now()
      while (!/child=\d+\n/.test(output) && Date.now() - t0 < 10_000)
        await new Promise(r => setTimeout(r, 50))
      const child = Number(/child=(\d+)/.exec(output)?.[1])
      expect(child).toBeGreaterThan(1)
      expect(await remoteProcessGoneNow(t, child)).toBe(false)
      controller.abort()
      const result = await running
      expect(result.exitCode).toBeNull()
      expect(await remoteProcessGone(t, child)).toBe(true)
      expect(t.stats.connections).toBe(1)
    } finally {
      await t.close()
    }
  })

  it('executes a marked script end to end: steps, results, background process, timeout', async () => {
    const t = await connectTransport(settings)
    try {
      const sink = new MemoryLogSink()
      const params: RunParameters = {
        mode: 'deploy',
        target: '',
        bundle: '',
        lookbackSeconds: '',
        sha: 'b'.repeat(40),
        actor: 'octocat',
        runUrl: 'https://example.invalid/1',
        job: '',
        runs: '',
        jobId: '',
        force: '',
        purge: '',
        nonce: newNonce()
      }
      const script = `exec 2>&1
mark() { printf '::sg-%s::%s\\n' "$SG_NONCE" "$*"; }
mark begin hello
echo "hello from $(hostname) as $(id -un), sha $SG_SHA"
mark end hello 0 5
mark result actor=$SG_ACTOR
sleep 30 &
mark result bg=$!
mark exit 0
`
      const t0 = Date.now()
      const report = await execute(t, script, params, sink, { loginShell: true, timeoutSeconds: 30 })
      expect(Date.now() - t0).toBeLessThan(10_000)
      expect(succeeded(report)).toBe(true)
      expect(report.steps.map(s => s.name)).toEqual(['hello'])
      expect(report.results).toMatchObject({ actor: 'octocat', bg: expect.stringMatching(/^\d+$/) })
      expect(sink.warnings.join('\n')).toContain('background process')
      await t.exec(`kill ${Number(report.results.bg)} 2>/dev/null; true`)
      expect(sink.lines.join('\n')).toContain(`as ${cluster.user}, sha ${'b'.repeat(40)}`)

      const stuck = await execute(
        t,
        'exec 2>&1\nprintf "::sg-%s::begin %s\\n" "$SG_NONCE" wait\nsleep 300 &\nprintf "::sg-%s::result child=%s\\n" "$SG_NONCE" $!\nwait\n',
        { ...params, nonce: newNonce() },
        sink,
        { loginShell: true, timeoutSeconds: 2 }
      )
      expect(stuck.timedOut).toBe(true)
      expect(failureMessage(stuck)).toMatch(
        /^the remote script timed out after 2 s and was stopped during step "wait"/
      )
      expect(await remoteProcessGone(t, Number(stuck.results.child))).toBe(true)
      expect(t.stats.connections).toBe(1)
    } finally {
      await t.close()
    }
  })

  // The cluster's sshd forbids TCP forwarding, so a second sshd (as root, on a free port) plays the jump host.
  const canStartSshd = process.getuid?.() === 0 && existsSync('/usr/sbin/sshd')
  const jumpIt = canStartSshd ? it : it.skip
  if (!canStartSshd) process.stderr.write('jump host test skipped: it needs root to start a second sshd\n')
  jumpIt('reaches the cluster through a jump host, checking both host keys', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-jump-'))
    let sshd: ChildProcess | undefined
    try {
      expect(
        spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', `${dir}/host`]).status
      ).toBe(0)
      const port = await freePort()
      writeFileSync(
        `${dir}/sshd_config`,
        [
          `Port ${port}`,
          'ListenAddress 127.0.0.1',
          `HostKey ${dir}/host`,
          `PidFile ${dir}/sshd.pid`,
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'UsePAM no',
          `AllowUsers ${cluster.user}`,
          'AllowTcpForwarding yes',
          ''
        ].join('\n')
      )
      sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', `${dir}/sshd_config`], { stdio: 'ignore' })
      const t0 = Date.now()
      while (Date.now() - t0 < 5000) {
        const up = await new Promise<boolean>(resolve =>
          net
            .connect(port, '127.0.0.1')
            .on('connect', function (this: net.Socket) {
              this.destroy()
              resolve(true)
            })
            .on('error', () => resolve(false))
        )
        if (up) break
        await new Promise(r => setTimeout(r, 100))
      }
      const jumpKey = readFileSync(`${dir}/host.pub`, 'utf8').split(' ').slice(0, 2).join(' ')
      const jump = { host: '127.0.0.1', port, username: cluster.user }
      const t = await connectTransport({
        ...settings,
        jump,
        knownHosts: `${knownHosts}\n[127.0.0.1]:${port} ${jumpKey}\n`
      })
      try {
        expect(t.description).toBe(
          `${cluster.user}@${cluster.host}:${cluster.port} via ${cluster.user}@127.0.0.1:${port} (ssh)`
        )
        const r = await t.exec('echo through-the-jump')
        expect(r.stdout).toBe('through-the-jump\n')
        expect(t.stats.connections).toBe(2)
      } finally {
        await t.close()
      }
      // The target's key is still checked when reached through the tunnel.
      const e = await connectError({
        ...settings,
        jump,
        knownHosts: `[127.0.0.1]:${port} ${jumpKey}\n[${cluster.host}]:${cluster.port} ssh-ed25519 ${OTHER_HOST_KEY}\n`
      })
      expect(e.kind).toBe('host-key')
      expect(e.message).toContain(`host key for [${cluster.host}]:${cluster.port} does not match`)
      // And the jump host's key, too.
      const e2 = await connectError({ ...settings, jump })
      expect(e2.kind).toBe('host-key')
      expect(e2.message).toContain(`host key for [127.0.0.1]:${port} does not match`)
    } finally {
      sshd?.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('never puts the private key into an error message', () => {
    expect(errorMessages.length).toBeGreaterThan(5)
    const secrets = [privateKey, wrongKey]
      .flatMap(k => k.split('\n'))
      .map(line => line.trim())
      .filter(line => line.length >= 16 && !line.startsWith('-----'))
    for (const message of errorMessages) {
      expect(message).not.toMatch(/PRIVATE KEY-----\s*\n/) // a PEM header followed by its body
      for (const secret of secrets) expect(message).not.toContain(secret)
    }
  })
})
