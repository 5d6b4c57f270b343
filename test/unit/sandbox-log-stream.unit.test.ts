// The log stream with real bash and GNU tail on this machine (the local transport): no network, no Slurm.
import { afterAll, describe, expect, it } from '@jest/globals'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { LogStream } from '../../src/sandbox/log-stream.js'
import { WatchConnection } from '../../src/sandbox/watch-connection.js'
import { LocalTransport } from '../../src/transport/local.js'

const dir = mkdtempSync(path.join(tmpdir(), 'sg-logstream-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(20)
  }
}

describe('log stream', () => {
  it('waits for a file that appears late, streams what is appended, and drains the rest once', async () => {
    const file = path.join(dir, 'late.out')
    const chunks: Buffer[] = []
    const text = () => Buffer.concat(chunks).toString()
    const stream = new LogStream(new WatchConnection(new LocalTransport()), file, c => chunks.push(c))
    stream.start()
    await sleep(700)
    writeFileSync(file, 'one\n')
    await until(() => text() === 'one\n')
    appendFileSync(file, 'two\n')
    await until(() => text() === 'one\ntwo\n')
    await stream.stop()
    appendFileSync(file, 'three\n')
    await stream.drain(5000)
    expect(text()).toBe('one\ntwo\nthree\n')
    expect(stream.offset).toBe(Buffer.byteLength('one\ntwo\nthree\n'))
  }, 20_000)

  it('resumes after the bytes already shown', async () => {
    const file = path.join(dir, 'resume.out')
    writeFileSync(file, 'shown before\nnew part\n')
    const chunks: Buffer[] = []
    const stream = new LogStream(new WatchConnection(new LocalTransport()), file, c => chunks.push(c), {
      offset: Buffer.byteLength('shown before\n')
    })
    stream.start()
    await until(() => Buffer.concat(chunks).toString() === 'new part\n')
    await stream.stop()
    await stream.drain(5000)
    expect(Buffer.concat(chunks).toString()).toBe('new part\n')
  }, 20_000)

  it('a missing file drains to nothing', async () => {
    const chunks: Buffer[] = []
    const stream = new LogStream(new WatchConnection(new LocalTransport()), path.join(dir, 'never'), c =>
      chunks.push(c)
    )
    await stream.drain(5000)
    expect(chunks).toEqual([])
  })
})
