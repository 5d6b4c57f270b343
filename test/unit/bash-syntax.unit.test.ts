// `bash -n` of many scripts in one run: each script is judged alone (one's unclosed quote or `if` is never
// closed by the next), errors say the line, and a script that already parsed in this process is not run again.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bashSyntaxErrors } from '../../src/validate/bash-syntax.js'

/** A unique script each time: the cache remembers scripts by their text. */
let counter = 0
const fresh = (body: string) => `# ${Date.now()}-${++counter}\n${body}`

describe('bashSyntaxErrors', () => {
  it('names the script and the line of each error, and passes the rest', async () => {
    const results = await bashSyntaxErrors([
      fresh('echo one\n'),
      fresh('echo two\nif then\n  echo x\nfi\n'),
      fresh('for f in a b; do echo "$f"; done\n')
    ])
    expect(results[0]).toBeNull()
    expect(results[1]).toMatch(/^line 3: syntax error near unexpected token `then'/)
    expect(results[2]).toBeNull()
  })

  it('judges each script alone: an open quote or `if` is not closed by the next script', async () => {
    const results = await bashSyntaxErrors([
      fresh("echo 'open\n"),
      "echo close'\n",
      fresh('if true; then\n  echo yes\n'),
      'fi\n'
    ])
    expect(results[0]).toMatch(/unexpected EOF while looking for matching `''/)
    expect(results[1]).toMatch(/unexpected EOF while looking for matching `''/)
    expect(results[2]).toMatch(/syntax error: unexpected end of file/)
    expect(results[3]).toMatch(/syntax error near unexpected token `fi'/)
  })

  it('checks long scripts', async () => {
    const big = fresh(`${'echo "a line of a long generated script"\n'.repeat(20_000)}`)
    expect(big.length).toBeGreaterThan(512 * 1024)
    expect(await bashSyntaxErrors([big, fresh('case x in\n')])).toEqual([
      null,
      expect.stringMatching(/syntax error/)
    ])
  })

  describe('processes', () => {
    let dir: string
    let bash: string
    const log = () => path.join(dir, 'bash.log')
    const runs = () => readFileSync(log(), 'utf8').split('\n').filter(Boolean).length

    beforeEach(() => {
      // A bash that notes each start, then is the real bash.
      dir = mkdtempSync(path.join(tmpdir(), 'sg-bash-'))
      writeFileSync(log(), '')
      bash = path.join(dir, 'bash')
      writeFileSync(bash, `#!/bin/sh\necho started >>'${log()}'\nexec bash "$@"\n`)
      chmodSync(bash, 0o755)
    })

    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    it('starts one process for all the scripts, and none for scripts that already parsed', async () => {
      const scripts = [fresh('echo a\n'), fresh('echo b\n'), fresh('echo c\n'), fresh('if x; then\n')]
      const first = await bashSyntaxErrors(scripts, bash)
      expect(runs()).toBe(1)
      expect(first.map(r => r !== null)).toEqual([false, false, false, true])
      expect(first[3]).toMatch(/^line 3: syntax error: unexpected end of file/)

      await bashSyntaxErrors(scripts.slice(0, 3), bash)
      expect(runs()).toBe(1)

      // A script that failed is checked again (the cache only remembers what parsed).
      const again = await bashSyntaxErrors(scripts, bash)
      expect(runs()).toBe(2)
      expect(again).toEqual(first)
    })
  })
})
