// Words for what the watch reports, kept apart from the watch itself so the action and the CLI show the same
// sentences (and tests can pin them).
import { formatDuration } from './slurm-time.js'
import type { WatchEvent, WatchOutcome } from './watch.js'

/** One line for the log; `warning` lines deserve a warning annotation. */
export function formatWatchEvent(event: WatchEvent): { level: 'info' | 'warning'; text: string } {
  const job = `job ${event.jobId}`
  switch (event.kind) {
    case 'state': {
      const reason = event.reason && event.reason !== 'None' ? ` (${event.reason})` : ''
      const node = event.state.name === 'RUNNING' && event.node ? ` on ${event.node}` : ''
      return { level: 'info', text: `${job} ${event.state.text}${reason}${node}` }
    }
    case 'query-failed':
      return {
        level: 'warning',
        text: `a Slurm query about ${job} failed (${event.inARow} of ${event.limit} in a row allowed): ${event.message}`
      }
    case 'accounting-pending':
      return {
        level: 'info',
        text: `${job} left the queue; waiting for its accounting record (${event.detail})`
      }
    case 'timeout':
      return {
        level: 'warning',
        text: `watch of ${job} timed out after ${formatDuration(event.afterMs / 1000)}; ${
          event.action === 'cancel' ? 'cancelling it' : 'leaving it running'
        }`
      }
    case 'cancelling':
      return { level: 'info', text: `cancelling ${job} (scancel ${event.jobId})` }
    case 'cancelled':
      return { level: event.outcome.confirmed ? 'info' : 'warning', text: event.outcome.message }
    case 'log-problem':
      return { level: 'warning', text: event.message }
    case 'connection-lost':
      return {
        level: 'warning',
        text: `connection lost while watching ${job}: ${event.reason}; reconnecting`
      }
    case 'reconnect-failed':
      return {
        level: 'info',
        text: `reconnect attempt ${event.attempt} failed (${event.reason}); next in ${formatDuration(event.nextInMs / 1000)}`
      }
    case 'reconnected':
      return {
        level: 'warning',
        text:
          `reconnected to ${event.transport} after ${formatDuration(event.downMs / 1000)}; ` +
          `${job} was not affected, its log continues where it stopped`
      }
  }
}

/** The closing line: result, times, node. */
export function formatWatchOutcome(outcome: WatchOutcome): string {
  const parts = [`job ${outcome.jobId}: ${outcome.message}`]
  const times: string[] = []
  if (outcome.queuedSeconds !== undefined) times.push(`queued for ${formatDuration(outcome.queuedSeconds)}`)
  if (outcome.ranSeconds !== undefined) times.push(`ran for ${formatDuration(outcome.ranSeconds)}`)
  if (outcome.node) times.push(`on ${outcome.node}`)
  if (times.length > 0) parts.push(`(${times.join(', ')})`)
  return parts.join(' ')
}
