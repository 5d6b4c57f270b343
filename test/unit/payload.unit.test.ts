// The rendered files' payload (sg_write_files), run by bash: every file comes out byte for byte, whatever it holds
// (what a heredoc had to be guarded against too: a `$`, a backslash, a quote, a line like a delimiter, no final
// newline), with its mode, and without a process per file.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { filesPayload } from '../../src/plan/payload.js'
import type { PlannedFile } from '../../src/plan/types.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-payload-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const CONTENTS = [
  '#!/bin/bash\necho "$HOME" `id` $(id) ${x:-y} \\$ \\\\n\n',
  "it's 'quoted' '\\'' \"double\"\n",
  'no final newline',
  '',
  '\n\n\n',
  "SG_EOF_0123456789ab\nEOF\n'\nSG_EOF_\n",
  'trailing backslash\\',
  'crlf\r\nline\r\n',
  'unicode: é ✓ \u{1F600}, a tab\t, a bell \u0007, the end\n',
  '%s %d %% \\n printf formats stay text\n',
  '-n\n',
  'x'.repeat(200_000) + '\n'
]

function writeAll(files: PlannedFile[]) {
  // No PATH: a process (cat) would not be found; the two commands that stay (mkdir, chmod) are
  // found by the paths they had, through functions.
  const script = `set -Eeuo pipefail
mkdir() { "$MKDIR" "$@"; }
chmod() { "$CHMOD" "$@"; }
MKDIR=$(type -P mkdir) CHMOD=$(type -P chmod) PATH=/nonexistent
${filesPayload(files)}sg_write_files "$1"
printf '%s\\n' "\${SG_RENDERED_PATHS[@]}"\n`
  // On stdin, as the deploy sends it (one argument could not hold the largest file).
  return spawnSync('bash', ['-s', path.join(dir, 'out dir')], { encoding: 'utf8', input: script })
}

describe('sg_write_files', () => {
  it('writes every file byte for byte, with its mode, by builtins', () => {
    const files: PlannedFile[] = CONTENTS.map((content, i) => ({
      path: i % 3 === 0 ? `jobs/file ${i}'s.sh` : `file-${i}`,
      mode: i % 2 === 0 ? 0o755 : 0o644,
      content
    }))
    const run = writeAll(files)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    for (const file of files) {
      const at = path.join(dir, 'out dir', file.path)
      expect(readFileSync(at, 'utf8')).toBe(file.content)
      expect(statSync(at).mode & 0o777).toBe(file.mode)
    }
    expect(run.stdout.split('\n').slice(0, -1)).toEqual(
      files.map(f => f.path).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    )
  })

  it('has no heredoc and no cat: one printf per file', () => {
    const payload = filesPayload([{ path: 'env.sh', mode: 0o644, content: 'a\nb\n' }])
    expect(payload).not.toMatch(/<<|\bcat\b/)
    expect(payload).toContain(`  printf '%s' >"$dir"/env.sh 'a\nb\n'\n`)
  })

  it('refuses a NUL byte rather than write something else', () => {
    expect(() => filesPayload([{ path: 'x', mode: 0o644, content: 'a\0b' }])).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ where: 'x', message: expect.stringMatching(/^holds a NUL byte/) })
        ]
      })
    )
  })
})
