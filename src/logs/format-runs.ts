// The runs of a scheduled job as a terminal table, and the line that says which run's output follows.
import { cronRunResult } from '../sandbox/job-state.js'
import { runLabel, type ScheduledRun } from './scheduled-runs.js'

/** One row per run, oldest first, in columns: run (job id:run), result, start, end, elapsed, node. */
export function formatRunsTable(runs: ScheduledRun[]): string[] {
  const rows = runs.map(run => [
    runLabel(run),
    cronRunResult(run.state, run.exit).summary,
    run.startTime ?? '-',
    run.endTime ?? '-',
    run.elapsed || '-',
    run.node ?? '-'
  ])
  const header = ['run', 'result', 'start', 'end', 'elapsed', 'node']
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map(row => (row[i] ?? '').length)))
  return [header, ...rows].map(row =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  )
}

/** What is shown below: which run, from where in the file, and what was left out. */
export function formatShownRun(
  run: ScheduledRun,
  logPath: string,
  shown: { from: number; to: number; skipped: number }
): string {
  const what = `the output of run ${runLabel(run)} (started ${run.startTime ?? '?'})`
  const range = `bytes ${shown.from}-${shown.to} of ${logPath}`
  return shown.skipped > 0
    ? `${what}, its last ${shown.to - shown.from} bytes (${range}; its first ${shown.skipped} bytes are left out)`
    : `${what}, ${range}`
}
