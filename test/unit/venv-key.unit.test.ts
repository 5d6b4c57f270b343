// The venv's key (steps/venv.sh, sg_venv_key) is the sha256 of the python's version line, the requirements file
// and one line per pip argument (none: one empty line). Venvs already built on clusters keep their keys only while
// these bytes stay the same: this pins them, for any requirements and pip arguments, also under bash's set -u
// with no pip arguments (bash before 4.4 takes an empty array for an unset one).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
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

function bash(script: string, args: string[]) {
  const run = spawnSync('bash', ['-c', `set -Eeuo pipefail\n${script}`, 'bash', ...args], {
    encoding: 'utf8',
    // No stdin: bash reads ~/.bashrc when stdin looks like a remote shell's.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LC_ALL: 'C.UTF-8' }
  })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  return run.stdout
}

/** sg_venv_key's answer, and the key as its definition says, for `requirements` and `pipArgs`. */
function keys(requirements: Buffer, pipArgs: string[]) {
  const wanted = path.join(dir, 'requirements.txt')
  writeFileSync(wanted, requirements)
  const key = bash(
    'source "$1"; wanted=$2; shift 2; PIP_ARGS=("$@"); PYTHON=python3; sg_venv_key "$wanted"',
    [venvStep, wanted, ...pipArgs]
  ).trim()
  const version = bash(`python3 -S -c 'import sys; print(sys.version)'`, [])
  const args = pipArgs.length > 0 ? pipArgs.map(a => `${a}\n`).join('') : '\n'
  const expected = createHash('sha256')
    .update(Buffer.concat([Buffer.from(version), requirements, Buffer.from(args)]))
    .digest('hex')
  return { key, expected }
}

describe('the venv key', () => {
  const cases: [string, Buffer, string[]][] = [
    ['requirements, no pip args', Buffer.from('numpy==1.26\ncaqrn-utils==1.0.0\n'), []],
    [
      'pip args with spaces and an empty one',
      Buffer.from('numpy\n'),
      ['--no-index', '--find-links', '/a b', '']
    ],
    ['no final newline, a pip arg with a newline', Buffer.from('numpy'), ['a\nb', '-x']],
    ['empty requirements', Buffer.alloc(0), ['--pre']],
    ['CRLF, bytes that are not UTF-8', Buffer.from('a\r\nb\xff\xfe caf\xc3\xa9\n\n\n', 'latin1'), ['café']]
  ]
  for (const [name, requirements, pipArgs] of cases) {
    it(`is the sha256 of the version, the requirements and the pip args: ${name}`, () => {
      const { key, expected } = keys(requirements, pipArgs)
      expect(key).toMatch(/^[0-9a-f]{64}$/)
      expect(key).toBe(expected)
    })
  }
})
