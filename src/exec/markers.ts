// The remote script reports its progress in-band, on stdout, as marker lines:
//
//   ::sg-<nonce>::begin <step-name>
//   ::sg-<nonce>::end <step-name> <exit-code> <duration-ms>
//   ::sg-<nonce>::result <key>=<value>
//   ::sg-<nonce>::warning <text>         (shown as a warning: an annotation in the action)
//   ::sg-<nonce>::exit <code>            (the very last thing the script prints)
//
// The nonce is random per run and sent only on the script's stdin, so a job, a pip build or a login profile
// cannot forge a step or a successful exit: lines with another nonce are ordinary output.
import { randomBytes } from 'node:crypto'
import { StringDecoder } from 'node:string_decoder'

export type MarkerEvent =
  | { kind: 'begin'; step: string }
  | { kind: 'end'; step: string; exitCode: number; durationMs: number }
  | { kind: 'result'; key: string; value: string }
  | { kind: 'warning'; text: string }
  | { kind: 'exit'; exitCode: number }

export type OutputEvent = MarkerEvent | { kind: 'line'; text: string }

/** 32 hex characters (128 bits) from the OS's CSPRNG; one per run. */
export function newNonce(): string {
  return randomBytes(16).toString('hex')
}

export function isValidNonce(nonce: string): boolean {
  return /^[0-9a-f]{32}$/.test(nonce)
}

export function markerPrefix(nonce: string): string {
  return `::sg-${nonce}::`
}

/** A line without a newline is cut at this length, so `\r`-only progress output cannot grow memory unboundedly. */
const MAX_LINE_CHARS = 64 * 1024

/** Parses one complete line (no newline). Malformed markers with the right nonce stay ordinary output. */
export function parseLine(line: string, nonce: string): OutputEvent {
  const prefix = markerPrefix(nonce)
  if (!line.startsWith(prefix)) return { kind: 'line', text: line }
  const rest = line.slice(prefix.length)
  const space = rest.indexOf(' ')
  const verb = space === -1 ? rest : rest.slice(0, space)
  const args = space === -1 ? '' : rest.slice(space + 1)
  switch (verb) {
    case 'begin':
      if (args.trim() !== '') return { kind: 'begin', step: args.trim() }
      break
    case 'end': {
      // Parsed from the right, so a step name may contain spaces.
      const m = /^(.+?) (-?\d+) (\d+)$/.exec(args.trim())
      if (m) return { kind: 'end', step: m[1] as string, exitCode: Number(m[2]), durationMs: Number(m[3]) }
      break
    }
    case 'result': {
      const eq = args.indexOf('=')
      if (eq > 0) return { kind: 'result', key: args.slice(0, eq).trim(), value: args.slice(eq + 1) }
      break
    }
    case 'warning':
      if (args.trim() !== '') return { kind: 'warning', text: args.trim() }
      break
    case 'exit':
      if (/^-?\d+$/.test(args.trim())) return { kind: 'exit', exitCode: Number(args.trim()) }
      break
  }
  return { kind: 'line', text: line }
}

/**
 * Incremental parser: feed it chunks as they arrive (a line, or a multi-byte character, may be split across
 * chunks), then `end()` for a final line without a newline. CRLF line ends are accepted.
 */
export class MarkerParser {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''

  constructor(private readonly nonce: string) {}

  push(chunk: Buffer | string): OutputEvent[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    const events: OutputEvent[] = []
    let newline: number
    while ((newline = this.pending.indexOf('\n')) !== -1) {
      events.push(this.lineEvent(this.pending.slice(0, newline)))
      this.pending = this.pending.slice(newline + 1)
    }
    if (this.pending.length > MAX_LINE_CHARS) {
      events.push(this.lineEvent(this.pending))
      this.pending = ''
    }
    return events
  }

  end(): OutputEvent[] {
    this.pending += this.decoder.end()
    const events = this.pending === '' ? [] : [this.lineEvent(this.pending)]
    this.pending = ''
    return events
  }

  private lineEvent(line: string): OutputEvent {
    return parseLine(line.endsWith('\r') ? line.slice(0, -1) : line, this.nonce)
  }
}
