// shellcheck, when installed: its findings for a script, remembered by what decides them (shellcheck's version,
// its arguments and the script's text), so that checking a plan again after an unrelated edit runs shellcheck
// only on the scripts that changed. The findings of the same script from the same shellcheck are the same: the
// cache skips a run, never a check.
import { createHash } from 'node:crypto'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { userCacheDir } from '../cache/cache-dir.js'

export interface ShellcheckFinding {
  level: string
  text: string
}

export interface Shellcheck {
  /** `shellcheck --version`'s text: part of every cache key. */
  version: string
  check(content: string): Promise<ShellcheckFinding[]>
}

const ARGS = ['--shell=bash', '--format=json1', '--severity=warning', '-']
/** Past this many entries a write removes the oldest, down to KEEP_ENTRIES. */
const MAX_ENTRIES = 300
const KEEP_ENTRIES = 200

/**
 * shellcheck, or undefined when it is not installed. Its findings are remembered in `cacheDir`: by default
 * `$SLURM_GITOPS_CACHE_DIR/shellcheck`, else `$XDG_CACHE_HOME/slurm-gitops/shellcheck` (`~/.cache/…`).
 */
export function findShellcheck(cacheDir: string = userCacheDir('shellcheck')): Shellcheck | undefined {
  const probe = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' })
  if (probe.status !== 0) return undefined
  const version = probe.stdout
  return {
    version,
    async check(content) {
      const key = createHash('sha256')
        .update(`${version}\0${ARGS.join(' ')}\0${content}`)
        .digest('hex')
      const remembered = readEntry(cacheDir, key)
      if (remembered) return remembered
      const findings = await runShellcheck(content)
      // An unreadable run (undefined) is not remembered: the next check runs shellcheck again.
      if (findings) writeEntry(cacheDir, key, findings)
      return findings ?? []
    }
  }
}

function readEntry(dir: string, key: string): ShellcheckFinding[] | undefined {
  try {
    const entry = JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as unknown
    return isFindings(entry) ? entry : undefined
  } catch {
    return undefined
  }
}

function isFindings(value: unknown): value is ShellcheckFinding[] {
  return (
    Array.isArray(value) &&
    value.every(f => {
      const finding = f as Partial<ShellcheckFinding> | null
      return typeof finding?.level === 'string' && typeof finding.text === 'string'
    })
  )
}

/** Written under a temporary name and renamed, so that a reader sees a whole entry or none; never fails the check. */
function writeEntry(dir: string, key: string, findings: ShellcheckFinding[]): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const temporary = path.join(dir, `.${key}.${process.pid}`)
    writeFileSync(temporary, JSON.stringify(findings))
    renameSync(temporary, path.join(dir, `${key}.json`))
    pruneEntries(dir)
  } catch {
    // A cache that cannot be written (read-only home, full disk) only means shellcheck runs next time too.
  }
}

function pruneEntries(dir: string): void {
  const entries = readdirSync(dir).filter(name => name.endsWith('.json'))
  if (entries.length <= MAX_ENTRIES) return
  const byAge = entries
    .map(name => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
  for (const { name } of byAge.slice(KEEP_ENTRIES)) rmSync(path.join(dir, name), { force: true })
}

/** shellcheck's findings for one script; undefined when its output cannot be read. */
function runShellcheck(content: string): Promise<ShellcheckFinding[] | undefined> {
  return new Promise(resolve => {
    const child = spawn('shellcheck', ARGS, { stdio: ['pipe', 'pipe', 'ignore'] })
    const stdout: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.on('error', () => resolve(undefined))
    child.stdin.on('error', () => undefined)
    child.on('close', () => {
      try {
        const report = JSON.parse(Buffer.concat(stdout).toString('utf8')) as {
          comments: { line: number; level: string; code: number; message: string }[]
        }
        resolve(
          report.comments.map(c => ({
            level: c.level,
            text: `shellcheck SC${c.code} line ${c.line}: ${c.message}`
          }))
        )
      } catch {
        resolve(undefined)
      }
    })
    child.stdin.end(content)
  })
}
