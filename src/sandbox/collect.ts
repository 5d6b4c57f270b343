// After the job: its log and the files the config declares (sandbox.collect.globs, under the run directory) are
// copied back to a directory on this machine, up to sandbox.collect.maxMegabytes; what did not fit is listed.
// One command on the open connection: the files travel as a base64 tar on its stdout.
import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { shellQuoteAll } from '../render/shell-quote.js'
import type { Transport } from '../transport/types.js'

const run = promisify(execFile)

export interface Collected {
  dir: string
  /** Paths relative to the run directory, as copied. */
  files: string[]
  /** What matched but did not fit under the cap, with its size. */
  leftOut: { path: string; bytes: number }[]
}

// Runs in the run directory with the globs as arguments: the log first, then every matching file, each once,
// while the total stays under the cap. The globs are the config's (checked: no "..", no shell characters).
const COLLECT_SCRIPT = `
cd "$1" || exit 3
cap=$2; shift 2
shopt -s globstar nullglob dotglob
declare -A seen=()
take=() total=0
for pattern in job.log "$@"; do
  for file in $pattern; do
    [ -f "$file" ] && [ -z "\${seen[$file]:-}" ] || continue
    seen[$file]=1
    size=$(stat -c %s -- "$file")
    if [ $((total + size)) -le "$cap" ]; then take+=("$file"); total=$((total + size)); else printf 'left-out %s %s\\n' "$size" "$file"; fi
  done
done
echo tar
if [ \${#take[@]} -gt 0 ]; then tar -cz -- "\${take[@]}" | base64 -w0; fi
echo
`

export async function collectRun(
  transport: Transport,
  options: { runDir: string; globs: string[]; maxMegabytes: number; loginShell: boolean },
  localDir: string
): Promise<Collected> {
  const args = [options.runDir, String(options.maxMegabytes * 1024 * 1024), ...options.globs]
  const command = `bash -c ${shellQuoteAll([COLLECT_SCRIPT])} collect ${shellQuoteAll(args)}`
  const result = await transport.exec(options.loginShell ? `bash -lc ${shellQuoteAll([command])}` : command)
  const lines = result.stdout.split('\n')
  const at = lines.indexOf('tar')
  if (result.code !== 0 || at === -1) {
    throw new Error(
      `collecting ${options.runDir} failed: ${(result.stderr || result.stdout).trim().slice(-300)}`
    )
  }
  const leftOut = lines.slice(0, at).flatMap(line => {
    const match = /^left-out (\d+) (.+)$/.exec(line)
    return match ? [{ path: match[2]!, bytes: Number(match[1]) }] : []
  })
  await mkdir(localDir, { recursive: true })
  const encoded = lines[at + 1] ?? ''
  if (encoded === '') return { dir: localDir, files: [], leftOut }
  const archive = path.join(localDir, '.collect.tar.gz')
  await writeFile(archive, Buffer.from(encoded, 'base64'))
  try {
    const { stdout } = await run('tar', ['-xzvf', archive, '-C', localDir])
    return { dir: localDir, files: stdout.split('\n').filter(f => f && !f.endsWith('/')), leftOut }
  } finally {
    await rm(archive, { force: true })
  }
}
