// Markdown building blocks every report shares: escaping of free text, table cells, counts.

/** Free text (messages from config values) must not turn into markup, links or hidden HTML. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#!]/g, '\\$&').replace(/\n/g, ' ')
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** Inline code that no backtick in `text` can close. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const tick = '`'.repeat(longest + 1)
  return longest > 0 ? `${tick} ${text} ${tick}` : `${tick}${text}${tick}`
}

/** A Markdown table; cells are escaped for the table (their inline markup is the caller's). */
export function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows]
    .map(row => `| ${row.map(escapeCell).join(' | ')} |`)
    .join('\n')
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** A fenced block whose fence is longer than any run of backticks in `text`. */
export function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${text}\n${fence}`
}
