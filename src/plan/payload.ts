// The rendered files travel inside the script itself, as quoted heredocs: one stream, nothing to upload,
// and the dry run shows byte for byte what will be written.
import { createHash } from 'node:crypto'
import type { DeploymentPlan, PlannedFile } from './types.js'
import { shellQuote } from '../render/shell-quote.js'

/**
 * A bash function `sg_write_files DIR` that recreates the files under DIR (one mkdir, and one chmod per mode,
 * whatever the number of files), and `SG_RENDERED_PATHS`, their paths in byte order (as `LC_ALL=C sort` has them).
 */
export function filesPayload(files: PlannedFile[]): string {
  const inDir = (file: string) => `"$dir"/${shellQuote(file)}`
  const lines = ['sg_write_files() {', '  local dir=$1']
  const dirs = [...new Set(files.map(f => f.path.split('/').slice(0, -1).join('/')).filter(Boolean))]
  if (dirs.length > 0) lines.push(`  mkdir -p ${dirs.map(inDir).join(' ')}`)
  for (const file of files) {
    const delimiter = heredocDelimiter(file.content)
    lines.push(`  cat >${inDir(file.path)} <<'${delimiter}'`, file.content + delimiter)
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

/** Deterministic, and never a line of the content (a quoted heredoc ends at the first such line). */
function heredocDelimiter(content: string): string {
  const lines = new Set(content.split('\n'))
  let delimiter = `SG_EOF_${createHash('sha256').update(content).digest('hex').slice(0, 12)}`
  while (lines.has(delimiter)) delimiter += '_'
  return delimiter
}
