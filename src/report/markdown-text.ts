// Text from the cluster or the config inside Markdown (job summaries): it must not turn into markup, links or
// hidden HTML, and a table cell must stay one cell (pipes and line breaks are escaped too).

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#!]/g, '\\$&').replace(/\n/g, ' ')
}

/** A fenced block whose fence is longer than any run of backticks in `text`. */
export function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${text}\n${fence}`
}
