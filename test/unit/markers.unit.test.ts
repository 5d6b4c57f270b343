import { describe, expect, it } from '@jest/globals'
import { isValidNonce, MarkerParser, newNonce, parseLine, type OutputEvent } from '../../src/exec/markers.js'

const nonce = '0123456789abcdef0123456789abcdef'
const m = (rest: string): string => `::sg-${nonce}::${rest}`

function parseAll(chunks: (string | Buffer)[]): OutputEvent[] {
  const parser = new MarkerParser(nonce)
  return [...chunks.flatMap(c => parser.push(typeof c === 'string' ? Buffer.from(c) : c)), ...parser.end()]
}

describe('newNonce', () => {
  it('gives 32 hex characters, different each time', () => {
    const a = newNonce()
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(isValidNonce(a)).toBe(true)
    expect(newNonce()).not.toBe(a)
    expect(isValidNonce('')).toBe(false)
  })
})

describe('marker lines', () => {
  it('parses every marker kind', () => {
    expect(parseLine(m('begin venv'), nonce)).toEqual({ kind: 'begin', step: 'venv' })
    expect(parseLine(m('end venv 0 1234'), nonce)).toEqual({
      kind: 'end',
      step: 'venv',
      exitCode: 0,
      durationMs: 1234
    })
    expect(parseLine(m('result release=/p/releases/abc def'), nonce)).toEqual({
      kind: 'result',
      key: 'release',
      value: '/p/releases/abc def'
    })
    expect(parseLine(m('result a=b=c'), nonce)).toEqual({ kind: 'result', key: 'a', value: 'b=c' })
    expect(parseLine(m('warning the smoke command left processes running'), nonce)).toEqual({
      kind: 'warning',
      text: 'the smoke command left processes running'
    })
    expect(parseLine(m('exit 3'), nonce)).toEqual({ kind: 'exit', exitCode: 3 })
  })

  it('allows spaces in step names (end is parsed from the right)', () => {
    expect(parseLine(m('end install jobs 2 15'), nonce)).toEqual({
      kind: 'end',
      step: 'install jobs',
      exitCode: 2,
      durationMs: 15
    })
  })

  it('treats markers with another nonce, or malformed ones, as ordinary output', () => {
    const forged = '::sg-ffffffffffffffffffffffffffffffff::exit 0'
    expect(parseLine(forged, nonce)).toEqual({ kind: 'line', text: forged })
    expect(parseLine(`  ${m('exit 0')}`, nonce)).toEqual({ kind: 'line', text: `  ${m('exit 0')}` })
    expect(parseLine(m('exit zero'), nonce)).toEqual({ kind: 'line', text: m('exit zero') })
    expect(parseLine(m('end venv'), nonce)).toEqual({ kind: 'line', text: m('end venv') })
    expect(parseLine(m('shrug'), nonce)).toEqual({ kind: 'line', text: m('shrug') })
    expect(parseLine(m('warning '), nonce)).toEqual({ kind: 'line', text: m('warning ') })
  })
})

describe('MarkerParser', () => {
  it('joins lines split across chunks, including inside a marker', () => {
    const text = `hello\n${m('begin fetch')}\nworking\n${m('end fetch 0 7')}\n${m('exit 0')}\n`
    const whole = parseAll([text])
    for (const size of [1, 2, 3, 7, 13]) {
      const chunks: string[] = []
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size))
      expect(parseAll(chunks)).toEqual(whole)
    }
    expect(whole).toEqual([
      { kind: 'line', text: 'hello' },
      { kind: 'begin', step: 'fetch' },
      { kind: 'line', text: 'working' },
      { kind: 'end', step: 'fetch', exitCode: 0, durationMs: 7 },
      { kind: 'exit', exitCode: 0 }
    ])
  })

  it('keeps multi-byte characters split across chunks intact', () => {
    const bytes = Buffer.from('größe ✓\n')
    expect(parseAll([bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)])).toEqual([
      { kind: 'line', text: 'größe ✓' }
    ])
  })

  it('accepts CRLF line ends', () => {
    expect(parseAll([`a\r\n${m('begin x')}\r\n${m('exit 1')}\r\n`])).toEqual([
      { kind: 'line', text: 'a' },
      { kind: 'begin', step: 'x' },
      { kind: 'exit', exitCode: 1 }
    ])
  })

  it('emits a final line without a newline at the end', () => {
    expect(parseAll(['one\ntwo'])).toEqual([
      { kind: 'line', text: 'one' },
      { kind: 'line', text: 'two' }
    ])
    expect(parseAll([`x\n${m('exit 0')}`])).toEqual([
      { kind: 'line', text: 'x' },
      { kind: 'exit', exitCode: 0 }
    ])
  })

  it('does not let a huge unterminated line grow without bound', () => {
    const parser = new MarkerParser(nonce)
    const events = parser.push('x'.repeat(100 * 1024))
    expect(events).toHaveLength(1)
    expect(parser.end()).toEqual([])
  })
})
