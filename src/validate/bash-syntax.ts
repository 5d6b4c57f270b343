// `bash -n` of many scripts in one process started from node: it is given the scripts as files and checks each
// with its own `bash -n`, side by side, so that one script's unclosed quote or `if` can never hide in, or be
// blamed on, the next one. Files rather than stdin: bash reads a script from a pipe one byte per system call
// (33,000 reads for a deploy script). The files hold the rendered scripts only (no secret is ever rendered into
// one) in a private temporary directory, removed at once.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Prints the index (from 0) of each file that does not parse, each ended by a NUL byte; bash's messages for
// file F are in F.err.
const DRIVER = `pids=()
for f; do bash -n "$f" 2>"$f.err" & pids+=("$!"); done
i=0
for pid in "\${pids[@]}"; do wait "$pid" || printf '%s\\0' "$i"; i=$((i + 1)); done`

/** Scripts that parsed, by the hash of their text: checked once per process (a PR plan's unchanged deployments). */
const parsed = new Set<string>()

const hashOf = (content: string) => createHash('sha256').update(content).digest('hex')

/**
 * For each script, bash's syntax error (`line 3: syntax error near unexpected token ...`), or null when it
 * parses. Runs no process when every script is one already checked. `bash` is the program to run (tests
 * count its starts).
 */
export async function bashSyntaxErrors(contents: string[], bash = 'bash'): Promise<(string | null)[]> {
  const results: (string | null)[] = contents.map(() => null)
  const pending = contents
    .map((content, index) => ({ content, index, hash: hashOf(content) }))
    .filter(script => !parsed.has(script.hash))
  if (pending.length === 0) return results
  const dir = await mkdtemp(path.join(tmpdir(), 'slurm-gitops-bash-n-'))
  try {
    const files = pending.map((_, i) => path.join(dir, `${i}.sh`))
    await Promise.all(pending.map((script, i) => writeFile(files[i]!, script.content, { mode: 0o600 })))
    const failed = new Set((await runDriver(bash, files)).split('\0').filter(Boolean).map(Number))
    for (const [i, script] of pending.entries()) {
      if (!failed.has(i)) {
        parsed.add(script.hash)
        continue
      }
      // bash names the file (`/tmp/…/3.sh: line 5: …`): the caller names the script instead.
      const messages = (await readFile(`${files[i]}.err`, 'utf8')).split(`${files[i]}: `).join('').trim()
      results[script.index] = messages || 'bash -n failed without a message'
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function runDriver(bash: string, files: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bash, ['-c', DRIVER, 'bash', ...files], { stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', error => reject(new Error(`cannot run bash to check the scripts: ${error.message}`)))
    child.on('close', code => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'))
      else {
        const why = Buffer.concat(stderr).toString('utf8').trim()
        reject(new Error(`checking the scripts with bash -n failed (exit ${code}): ${why}`))
      }
    })
  })
}
