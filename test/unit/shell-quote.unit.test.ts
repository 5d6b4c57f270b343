import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shellQuote, shellQuoteAll } from '../../src/render/shell-quote.js'

const marker = join(tmpdir(), `pwned-${randomBytes(8).toString('hex')}`)

// Everything a config value, commit message or actor could carry that a shell might act on.
const nasty: string[] = [
  '',
  'plain',
  'two words',
  '  leading and trailing  ',
  "it's",
  "''",
  "'",
  '"double"',
  '"',
  `$(touch ${marker})`,
  `\`touch ${marker}\``,
  `; touch ${marker}`,
  `&& touch ${marker} ||`,
  `| touch ${marker}`,
  `> ${marker}`,
  `\n touch ${marker}\n`,
  'line one\nline two\n',
  '\r\n',
  '\ttab',
  '$HOME',
  '${HOME}',
  '$((1+1))',
  '*',
  '/*',
  '?',
  '[a-z]*',
  '~',
  '~root',
  '!',
  '!!',
  '!$',
  '\\',
  '\\n',
  'back\\slash\\',
  '-rf',
  '--help',
  '-',
  '#not a comment',
  'a#b',
  '{a,b}',
  '%s%d',
  '=x',
  'a=b',
  'ünïcödé',
  '日本語',
  '😀 emoji',
  '\u00a0nbsp',
  '\x01\x1b[31mred\x7f',
  `'"$\`\\!*?~#;&|<>(){}[] \t\n`
]

function runPrintf(shell: string, values: string[]): string[] {
  const script = `printf '%s\\0' ${shellQuoteAll(values)}`
  const out = execFileSync(shell, ['-c', script], {
    encoding: 'buffer',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }
  })
  const parts = out.toString('utf8').split('\0')
  expect(parts.pop()).toBe('')
  return parts
}

afterAll(() => rmSync(marker, { force: true }))

describe('shellQuote', () => {
  it.each([
    ['plain', 'plain'],
    ['/projects/caqrn/production', '/projects/caqrn/production'],
    ['a_b@c%d+e=f:g,h.i/j-k', 'a_b@c%d+e=f:g,h.i/j-k'],
    ['-rf', '-rf']
  ])('leaves %j bare', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted)
  })

  it.each([
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['*', "'*'"],
    ['~', "'~'"],
    ['ü', "'ü'"]
  ])('quotes %j as %s', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted)
  })

  it('refuses a NUL byte with a message saying why', () => {
    expect(() => shellQuote('a\0b')).toThrow('a NUL byte cannot be passed through a shell')
    expect(() => shellQuoteAll(['ok', '\0'])).toThrow('NUL byte')
  })

  it('shellQuoteAll joins quoted words with single spaces', () => {
    expect(shellQuoteAll(['echo', 'a b', '', "it's"])).toBe("echo 'a b' '' 'it'\\''s'")
    expect(shellQuoteAll([])).toBe('')
  })
})

describe('shellQuote survives real shells byte for byte', () => {
  it.each(['/bin/bash', '/bin/sh'])('%s -c printf returns every value unchanged', shell => {
    expect(runPrintf(shell, nasty)).toEqual(nasty)
    expect(existsSync(marker)).toBe(false)
  })

  it.each(['/bin/bash', '/bin/sh'])('%s: each value alone round-trips', shell => {
    for (const value of nasty) expect(runPrintf(shell, [value])).toEqual([value])
    expect(existsSync(marker)).toBe(false)
  })

  it('the harness would notice an injection: the same values unquoted do run the command', () => {
    const control = `${marker}-control`
    try {
      execFileSync('/bin/sh', ['-c', `printf '%s\\0' $(touch ${control})`])
      expect(existsSync(control)).toBe(true)
    } finally {
      rmSync(control, { force: true })
    }
  })

  it('bash -l style interactive expansions (history, braces) do not fire either', () => {
    const script = `set -H; set -B; printf '%s\\0' ${shellQuoteAll(['!!', '{a,b}', '!$'])}`
    const out = execFileSync('/bin/bash', ['-c', script], { encoding: 'utf8' })
    expect(out.split('\0').slice(0, -1)).toEqual(['!!', '{a,b}', '!$'])
  })
})
