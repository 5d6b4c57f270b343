// POSIX sh quoting for every value that reaches a rendered script. Inside single quotes nothing is
// special to sh, bash, dash or zsh, so wrapping in '...' and writing each ' as '\'' (close, escaped quote,
// reopen) passes any byte string through unchanged, except NUL, which no shell word can hold.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Quotes `value` as one shell word that expands to exactly `value`. Throws on a NUL byte. */
export function shellQuote(value: string): string {
  if (value.includes('\0')) {
    throw new Error(
      `cannot shell-quote ${JSON.stringify(value)}: a NUL byte cannot be passed through a shell`
    )
  }
  if (value === '') return "''"
  if (SAFE.test(value)) return value
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Quotes each value and joins them with spaces, e.g. for a command's argument list. */
export function shellQuoteAll(values: readonly string[]): string {
  return values.map(shellQuote).join(' ')
}
