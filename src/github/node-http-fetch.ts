// The part of fetch that octokit uses (@octokit/request's fetch wrapper: a method, plain headers, a string body,
// a signal; the status, headers and URL, the body as text or bytes), over node:http and node:https. Node's own
// fetch compiles undici's HTTP parser to WebAssembly on its first connection, which took a deploy's peak memory
// from 76 to 110 MiB for a few requests; node:http parses in C++ and is loaded already.
import http from 'node:http'
import https from 'node:https'

export interface FetchInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array | null
  signal?: AbortSignal | null
  redirect?: 'follow' | 'manual' | 'error'
}

/** A response as octokit reads it; `headers` iterates and looks up lower-case names, as fetch's Headers. */
export interface FetchResponse {
  status: number
  statusText: string
  ok: boolean
  url: string
  headers: Map<string, string>
  body: null
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
}

const MAX_REDIRECTS = 20
/** What undici, under Node's fetch, waits for a silent server before it gives up. */
const SILENCE_LIMIT_MS = 300_000

/** Sends the request and follows redirects as fetch does (`redirect: 'follow'` by default). */
export async function nodeHttpFetch(url: string | URL, init: FetchInit = {}): Promise<FetchResponse> {
  let target = new URL(url)
  let method = (init.method ?? 'GET').toUpperCase()
  let body = init.body ?? undefined
  const headers = { ...init.headers }
  for (let redirects = 0; ; redirects++) {
    const response = await send(target, method, headers, body, init.signal ?? undefined)
    const location = response.headers.get('location')
    if (![301, 302, 303, 307, 308].includes(response.status) || !location || init.redirect === 'manual')
      return response
    if (init.redirect === 'error' || redirects === MAX_REDIRECTS)
      throw fetchFailed(new Error(`redirected ${redirects + 1} times, last to ${location}`))
    const next = new URL(location, target)
    // Fetch's rules: a 303 (and a 301 or 302 of a POST) continues as a GET without the body; another origin
    // does not get the credentials.
    if ((response.status === 303 && method !== 'HEAD') || (response.status <= 302 && method === 'POST')) {
      method = 'GET'
      body = undefined
      for (const name of Object.keys(headers)) if (/^content-/i.test(name)) delete headers[name]
    }
    if (next.origin !== target.origin)
      for (const name of Object.keys(headers)) if (/^authorization$/i.test(name)) delete headers[name]
    target = next
  }
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  signal: AbortSignal | undefined
): Promise<FetchResponse> {
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
  if (!client) return Promise.reject(fetchFailed(new Error(`cannot fetch ${url.protocol} URLs`)))
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method, headers, signal }, response => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', error => reject(fetchFailed(error)))
      response.on('end', () => resolve(bufferedResponse(url, response, Buffer.concat(chunks))))
    })
    request.setTimeout(SILENCE_LIMIT_MS, () =>
      request.destroy(new Error(`no answer from ${url.host} within ${SILENCE_LIMIT_MS / 1000} s`))
    )
    // An abort is passed on as it is: octokit tells it from a failed request by its name, AbortError.
    request.on('error', error => reject(error.name === 'AbortError' ? error : fetchFailed(error)))
    request.end(body)
  })
}

function bufferedResponse(url: URL, response: http.IncomingMessage, bytes: Buffer): FetchResponse {
  const headers = new Map<string, string>()
  for (const [name, value] of Object.entries(response.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  const status = response.statusCode ?? 0
  return {
    status,
    statusText: response.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    url: url.href,
    headers,
    body: null,
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  }
}

/** As fetch fails: a TypeError whose cause is what went wrong (octokit reports the cause's message). */
function fetchFailed(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause })
}
