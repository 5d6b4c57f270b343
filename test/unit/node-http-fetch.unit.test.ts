// The fetch subset the GitHub client sends octokit's requests with, against local HTTP servers: what it sends,
// what it answers, redirects as fetch follows them, and failures as fetch reports them.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { nodeHttpFetch } from '../../src/github/node-http-fetch.js'

interface Seen {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
}

interface Server {
  url: string
  seen: Seen[]
  close(): Promise<void>
}

type Answer = (seen: Seen, response: http.ServerResponse) => void

async function startServer(answer: Answer): Promise<Server> {
  const seen: Seen[] = []
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', chunk => (body += String(chunk)))
    request.on('end', () => {
      const one = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body }
      seen.push(one)
      answer(one, response)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

const json = (response: http.ServerResponse, status: number, data: unknown, headers = {}) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(JSON.stringify(data))
}

describe('nodeHttpFetch', () => {
  const servers: Server[] = []
  const serve = async (answer: Answer) => {
    const server = await startServer(answer)
    servers.push(server)
    return server
  }
  beforeEach(() => {
    servers.length = 0
  })
  afterEach(async () => {
    await Promise.all(servers.map(s => s.close()))
  })

  it('sends the method, headers and body, and answers the status, headers (lower-case names) and body', async () => {
    const server = await serve((_, response) => {
      response.setHeader('Set-Cookie', ['a=1', 'b=2'])
      json(response, 201, { id: 7 }, { Link: '<http://x/?page=2>; rel="next"' })
    })
    const response = await nodeHttpFetch(`${server.url}/repos/o/r/issues/1/comments`, {
      method: 'post',
      headers: { authorization: 'token t', 'content-type': 'application/json; charset=utf-8' },
      body: '{"body":"hi"}'
    })
    expect(server.seen).toMatchObject([
      {
        method: 'POST',
        path: '/repos/o/r/issues/1/comments',
        headers: { authorization: 'token t' },
        body: '{"body":"hi"}'
      }
    ])
    expect(response).toMatchObject({ status: 201, statusText: 'Created', ok: true })
    expect(response.url).toBe(`${server.url}/repos/o/r/issues/1/comments`)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      link: '<http://x/?page=2>; rel="next"',
      'set-cookie': 'a=1, b=2'
    })
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toEqual({ id: 7 })
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('{"id":7}')
  })

  it('answers a failure status as a response, not as an error', async () => {
    const server = await serve((_, response) => json(response, 403, { message: 'Resource not accessible' }))
    const response = await nodeHttpFetch(`${server.url}/x`)
    expect(response).toMatchObject({ status: 403, ok: false })
    expect(await response.text()).toBe('{"message":"Resource not accessible"}')
  })

  it('follows a 307 with the method, body and credentials, and a 303 as a GET without the body', async () => {
    const server = await serve((seen, response) => {
      if (seen.path === '/old') response.writeHead(307, { location: '/new' }).end()
      else if (seen.path === '/new') response.writeHead(303, { location: '/done' }).end()
      else json(response, 200, { done: true })
    })
    const response = await nodeHttpFetch(`${server.url}/old`, {
      method: 'PATCH',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: '{"a":1}'
    })
    expect(await response.json()).toEqual({ done: true })
    expect(response.url).toBe(`${server.url}/done`)
    expect(server.seen.map(s => [s.method, s.path, s.body, s.headers.authorization])).toEqual([
      ['PATCH', '/old', '{"a":1}', 'token t'],
      ['PATCH', '/new', '{"a":1}', 'token t'],
      ['GET', '/done', '', 'token t']
    ])
    expect(server.seen[2]!.headers['content-type']).toBeUndefined()
  })

  it('does not send the credentials to another origin it is redirected to', async () => {
    const other = await serve((_, response) => json(response, 200, []))
    const server = await serve((_, response) =>
      response.writeHead(301, { location: `${other.url}/moved` }).end()
    )
    await nodeHttpFetch(`${server.url}/repos/old/name`, { headers: { Authorization: 'token t' } })
    expect(server.seen[0]!.headers.authorization).toBe('token t')
    expect(other.seen).toMatchObject([{ method: 'GET', path: '/moved' }])
    expect(other.seen[0]!.headers.authorization).toBeUndefined()
  })

  it("returns the redirect itself with redirect: 'manual', and fails on one with redirect: 'error'", async () => {
    const server = await serve((_, response) => response.writeHead(302, { location: '/elsewhere' }).end())
    const manual = await nodeHttpFetch(`${server.url}/x`, { redirect: 'manual' })
    expect(manual).toMatchObject({ status: 302 })
    await expect(nodeHttpFetch(`${server.url}/x`, { redirect: 'error' })).rejects.toThrow('fetch failed')
    expect(server.seen).toHaveLength(2)
  })

  it('gives up on an endless redirect as fetch does, after 20', async () => {
    const server = await serve((_, response) => response.writeHead(302, { location: '/again' }).end())
    await expect(nodeHttpFetch(`${server.url}/x`)).rejects.toMatchObject({
      name: 'TypeError',
      cause: { message: 'redirected 21 times, last to /again' }
    })
    expect(server.seen).toHaveLength(21)
  })

  it('fails as fetch fails when nothing answers: a TypeError whose cause says why', async () => {
    const server = await serve(() => undefined)
    const { url } = server
    await server.close()
    servers.length = 0
    const failure = await nodeHttpFetch(`${url}/x`).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect(failure).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } })
  })

  it('stops when the signal aborts, with an AbortError', async () => {
    const server = await serve(() => undefined)
    const controller = new AbortController()
    const pending = nodeHttpFetch(`${server.url}/slow`, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
