// The venv's key (steps/venv.sh, SG_VENV_KEY_PROGRAM), computed by the project's python alone, is the key the
// earlier pipeline gave (`{ python -S -c 'import sys; print(sys.version)'; cat requirements; printf '%s\n'
// pip-args; } | sha256sum`), for any requirements and pip arguments: the venvs already built on clusters keep
// their keys. Also when the builtin sha256 module is missing and hashlib serves.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../repo-root.js'

const venvStep = path.join(repoRoot, 'deploy-templates/steps/venv.sh')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-venv-key-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The old key and the new one (and the new one without the builtin modules), for `requirements` and `pipArgs`. */
function keys(requirements: Buffer, pipArgs: string[], locale = 'C.UTF-8') {
  const wanted = path.join(dir, 'requirements.txt')
  writeFileSync(wanted, requirements)
  const run = spawnSync(
    'bash',
    [
      '-c',
      `set -Eeuo pipefail
       source "$1"; wanted=$2; shift 2; PIP_ARGS=("$@"); PYTHON=python3
       old=$({
         "$PYTHON" -S -c 'import sys; print(sys.version)'
         cat "$wanted"
         printf '%s\\n' "\${PIP_ARGS[@]}"
       } | sha256sum)
       new=$("$PYTHON" -S -c "$SG_VENV_KEY_PROGRAM" "$wanted" \${PIP_ARGS[@]+"\${PIP_ARGS[@]}"})
       # None in sys.modules: importing it fails, as in a python built without it.
       hashlib=$("$PYTHON" -S -c "import sys; sys.modules['_sha2'] = sys.modules['_sha256'] = None
exec(sys.argv.pop(1))" "$SG_VENV_KEY_PROGRAM" "$wanted" \${PIP_ARGS[@]+"\${PIP_ARGS[@]}"})
       printf '%s\\n' "\${old%% *}" "$new" "$hashlib"`,
      'bash',
      venvStep,
      wanted,
      ...pipArgs
    ],
    {
      encoding: 'utf8',
      // No stdin: bash reads ~/.bashrc when stdin looks like a remote shell's.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LC_ALL: locale }
    }
  )
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  return run.stdout.split('\n').slice(0, 3)
}

describe('the venv key', () => {
  const cases: [string, Buffer, string[]][] = [
    ['requirements, no pip args', Buffer.from('numpy==1.26\ncaqrn-utils==1.0.0\n'), []],
    [
      'pip args with spaces and an empty one',
      Buffer.from('numpy\n'),
      ['--no-index', '--find-links', '/a b', '']
    ],
    ['no final newline, pip args with a newline', Buffer.from('numpy'), ['a\nb', '-x']],
    ['empty requirements', Buffer.alloc(0), ['--pre']],
    ['CRLF, bytes that are not UTF-8', Buffer.from('a\r\nb\xff\xfe caf\xc3\xa9\n\n\n', 'latin1'), ['café']]
  ]
  for (const [name, requirements, pipArgs] of cases) {
    it(`is the earlier pipeline's: ${name}`, () => {
      const [old, now, hashlib] = keys(requirements, pipArgs)
      expect(old).toMatch(/^[0-9a-f]{64}$/)
      expect([now, hashlib]).toEqual([old, old])
    })
  }

  it("is the earlier pipeline's in the C locale too (the version and the arguments' bytes as they were)", () => {
    const [old, now, hashlib] = keys(Buffer.from('x==1\n'), ['caf\u00e9', '/a b'], 'C')
    expect([now, hashlib]).toEqual([old, old])
  })
})
