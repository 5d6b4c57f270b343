// The rendered files travel inside the script itself, as quoted heredocs: one stream, nothing to upload,
// and the dry run shows byte for byte what will be written.
import { createHash } from 'node:crypto'
import type { DeploymentPlan, PlannedFile } from './types.js'
import { shellQuote } from '../render/shell-quote.js'

/** A bash function `sg_write_files DIR` that recreates the files under DIR. */
export function filesPayload(files: PlannedFile[]): string {
  const lines = ['sg_write_files() {', '  local dir=$1']
  const dirs = [...new Set(files.map(f => f.path.split('/').slice(0, -1).join('/')).filter(Boolean))]
  for (const dir of dirs) lines.push(`  mkdir -p "$dir"/${shellQuote(dir)}`)
  for (const file of files) {
    const delimiter = heredocDelimiter(file.content)
    const target = `"$dir"/${shellQuote(file.path)}`
    lines.push(`  cat >${target} <<'${delimiter}'`, file.content + delimiter)
    lines.push(`  chmod ${file.mode.toString(8)} ${target}`)
  }
  lines.push('}')
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
