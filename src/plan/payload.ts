// The rendered files travel inside the script itself: one stream, nothing to upload, and the dry run shows
// byte for byte what will be written. Each is one shell-quoted word written by bash's printf, a builtin: a
// heredoc needed a `cat` per file (a process each, on every deploy), and a delimiter no line of it could be.
import type { DeploymentPlan, PlannedFile } from './types.js'
import { shellQuote } from '../render/shell-quote.js'
import { UserError } from '../errors/user-error.js'

/**
 * A bash function `sg_write_files DIR` that recreates the files under DIR (one mkdir, and one chmod per mode,
 * whatever the number of files), and `SG_RENDERED_PATHS`, their paths in byte order (as `LC_ALL=C sort` has them).
 */
export function filesPayload(files: PlannedFile[]): string {
  const inDir = (file: string) => `"$dir"/${shellQuote(file)}`
  const lines = ['sg_write_files() {', '  local dir=$1']
  const dirs = [...new Set(files.map(f => f.path.split('/').slice(0, -1).join('/')).filter(Boolean))]
  if (dirs.length > 0) lines.push(`  mkdir -p ${dirs.map(inDir).join(' ')}`)
  // The path before the content, so that the line that starts a file names it. Exact for any content:
  // shellQuote passes every byte but NUL, and printf '%s' adds nothing.
  for (const file of files) {
    if (file.content.includes('\0'))
      throw new UserError({
        where: file.path,
        message: 'holds a NUL byte, which no shell script can carry: remove it from its template'
      })
    lines.push(`  printf '%s' >${inDir(file.path)} ${shellQuote(file.content)}`)
  }
  for (const mode of [...new Set(files.map(f => f.mode))]) {
    const paths = files.filter(f => f.mode === mode).map(f => inDir(f.path))
    lines.push(`  chmod ${mode.toString(8)} ${paths.join(' ')}`)
  }
  lines.push('}')
  const paths = files.map(f => f.path).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  lines.push(`SG_RENDERED_PATHS=(${paths.map(shellQuote).join(' ')})`)
  return `${lines.join('\n')}\n`
}

/** What is sent after the run's values: the files, then the script. */
export function composeScript(plan: DeploymentPlan): string {
  return `${filesPayload(plan.files)}${plan.script}`
}
