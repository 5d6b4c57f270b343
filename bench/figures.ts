// How the benchmark prints its figures: medians with their range, ratios, peak memory, as markdown tables (the
// README quotes them as printed).

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`)

/** `412 ms (398–450)`, or `—` when there is nothing. */
export function timing(values: number[]): string {
  if (values.length === 0) return '—'
  if (values.length === 1) return ms(values[0]!)
  return `${ms(median(values))} (${ms(Math.min(...values)).replace(/ (ms|s)$/, '')}–${ms(Math.max(...values))})`
}

/** `1.9×`: the ratio of the medians. */
export function ratio(values: number[], floor: number[]): string {
  if (values.length === 0 || floor.length === 0) return '—'
  return `${(median(values) / median(floor)).toFixed(1)}×`
}

/** The largest peak of the runs, in MiB. */
export function peak(values: (number | undefined)[]): string {
  const known = values.filter((v): v is number => v !== undefined)
  return known.length === 0 ? '—' : `${Math.round(Math.max(...known))} MiB`
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
