// shellcheck's findings, remembered by script text: a second check of the same text is answered from the cache,
// another text (or an unreadable entry) runs shellcheck, and the cache stays bounded.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findShellcheck } from '../../src/validate/shellcheck.js'

const installed = spawnSync('shellcheck', ['--version']).status === 0
const shellcheckIt = installed ? it : it.skip

// SC2034 (a warning): a variable nothing uses.
const UNUSED = '#!/bin/bash\nunused=1\n'

describe('shellcheck with its findings cache', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-shellcheck-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const entries = () => readdirSync(dir).filter(name => name.endsWith('.json'))

  shellcheckIt('reports what shellcheck finds, and answers the same text again from the cache', async () => {
    const shellcheck = findShellcheck(dir)!
    const first = await shellcheck.check(UNUSED)
    expect(first.map(f => f.text).join('\n')).toMatch(/^shellcheck SC2034 line 2: /)
    expect(entries()).toHaveLength(1)
    // The entry now says something shellcheck never would: a check that gives it back did not run shellcheck.
    const entry = path.join(dir, entries()[0]!)
    writeFileSync(entry, JSON.stringify([{ level: 'warning', text: 'from the cache' }]))
    expect(await shellcheck.check(UNUSED)).toEqual([{ level: 'warning', text: 'from the cache' }])
    // Another text is another key.
    expect(await shellcheck.check('#!/bin/bash\necho "$1"\n')).toEqual([])
    expect(entries()).toHaveLength(2)
  })

  shellcheckIt('runs shellcheck again when an entry cannot be read, and rewrites it', async () => {
    const shellcheck = findShellcheck(dir)!
    await shellcheck.check(UNUSED)
    const entry = path.join(dir, entries()[0]!)
    writeFileSync(entry, '{"not": "findings"')
    const again = await shellcheck.check(UNUSED)
    expect(again.map(f => f.text).join('\n')).toMatch(/SC2034/)
    expect(JSON.parse(readFileSync(entry, 'utf8'))).toEqual(again)
  })

  shellcheckIt('keeps the newest 200 entries once there are more than 300', async () => {
    const old = Date.now() / 1000 - 3600
    for (let i = 0; i < 301; i++) {
      const file = path.join(dir, `${String(i).padStart(64, '0')}.json`)
      writeFileSync(file, '[]')
      utimesSync(file, old + i, old + i)
    }
    await findShellcheck(dir)!.check(UNUSED)
    const kept = entries()
    expect(kept).toHaveLength(200)
    // The one just written is kept, and so are the youngest of the old ones; the oldest went.
    expect(kept.filter(name => !name.startsWith('000'))).toHaveLength(1)
    expect(kept).toContain(`${String(300).padStart(64, '0')}.json`)
    expect(kept).not.toContain(`${String(0).padStart(64, '0')}.json`)
  })

  shellcheckIt('still checks when the cache cannot be written', async () => {
    const file = path.join(dir, 'a-file')
    writeFileSync(file, '')
    // A cache directory below a regular file cannot be made.
    const findings = await findShellcheck(path.join(file, 'cache'))!.check(UNUSED)
    expect(findings.map(f => f.text).join('\n')).toMatch(/SC2034/)
  })
})
