// Giving up a connection being made (a run whose checks failed while it connected): the handshake in flight is
// dropped and no attempt follows, at once rather than after the connect timeout or a backoff. Against loopback
// servers of its own: one that accepts and never answers, and a port nothing listens on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connectSsh, type SshSettings } from '../../src/transport/ssh.js'
import { TransportError } from '../../src/transport/types.js'

let dir: string
let key: { privateKey: string; publicKey: string }
let silent: net.Server
let sockets: net.Socket[] = []

/** The server's port on 127.0.0.1, listening once. */
function listen(server: net.Server): Promise<number> {
  if (server.listening) return Promise.resolve((server.address() as net.AddressInfo).port)
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))
  )
}

/** A port on 127.0.0.1 that nothing listens on. */
async function freePort(): Promise<number> {
  const probe = net.createServer()
  const port = await listen(probe)
  await new Promise(resolve => probe.close(resolve))
  return port
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-give-up-'))
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'key')])
  key = {
    privateKey: readFileSync(path.join(dir, 'key'), 'utf8'),
    publicKey: readFileSync(path.join(dir, 'key.pub'), 'utf8').split(' ').slice(0, 2).join(' ')
  }
  silent = net.createServer(socket => sockets.push(socket))
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  sockets = []
  await new Promise(resolve => silent.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

function settings(port: number, extra: Partial<SshSettings> = {}): SshSettings {
  return {
    host: '127.0.0.1',
    port,
    username: 'caqrn',
    privateKey: key.privateKey,
    knownHosts: `[127.0.0.1]:${port} ${key.publicKey}\n`,
    connectTimeoutSeconds: 30,
    ...extra
  }
}

async function givenUpAfter(ms: number, connect: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController()
  const started = Date.now()
  setTimeout(() => controller.abort(), ms)
  const error = await connect(controller.signal).then(
    () => undefined,
    (e: unknown) => e
  )
  return { error, ms: Date.now() - started }
}

describe('connectSsh with a signal', () => {
  it('drops a handshake in flight at once (the server never answers)', async () => {
    const port = await listen(silent)
    const { error, ms } = await givenUpAfter(200, signal => connectSsh(settings(port), { signal }))
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).message).toBe('connecting was given up')
    expect(ms).toBeLessThan(5000)
    expect(sockets.length).toBeGreaterThan(0)
  })

  it('makes no attempt after the signal, nor waits out the backoff (nothing listens)', async () => {
    const port = await freePort()
    const { error, ms } = await givenUpAfter(300, signal =>
      connectSsh(settings(port, { connectAttempts: 5, backoffBaseMs: 20_000 }), { signal })
    )
    expect((error as TransportError).message).toBe('connecting was given up')
    expect(ms).toBeLessThan(5000)
  })

  it('does not start when the signal has already gone', async () => {
    const controller = new AbortController()
    controller.abort()
    const port = await listen(silent)
    const before = sockets.length
    await expect(connectSsh(settings(port), { signal: controller.signal })).rejects.toThrow(
      'connecting was given up'
    )
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(sockets.length).toBe(before)
  })
})
