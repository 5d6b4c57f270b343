// Runs one rendered script over one transport and turns its streamed output into log groups and a report.
// The script's own exit marker, not the channel, decides success: a run that ends without it (connection lost,
// killed, syntax error) failed, so a step can never be green while the remote script failed.
import { shellQuote } from '../render/shell-quote.js'
import type { Transport, RunResult } from '../transport/types.js'
import type { LogSink } from './log-sink.js'
import { isValidNonce, MarkerParser, type OutputEvent } from './markers.js'

export interface StepReport {
  name: string
  /** From the step's `end` marker; for a step that never ended, the run's exit code. */
  exitCode: number
  durationMs: number
  /** The step's last lines of output, for the failure message. */
  tail: string[]
  /** False when the step began but never reported its end (timeout, cancel, lost connection). */
  completed: boolean
}

export interface ExecutionReport {
  /** 0 only when the script reported exit 0 and no step failed. */
  exitCode: number
  steps: StepReport[]
  /** `result key=value` markers, e.g. venv=built, scrontab=changed, previous-sha=<sha>. */
  results: Record<string, string>
  /** `warning` markers: what the script wants the user to see as a warning (e.g. a process the smoke left). */
  warnings: string[]
  /** The first step that ended non-zero, or the step that was running when the run stopped. */
  failedStep?: StepReport
  timedOut: boolean
  cancelled: boolean
  /** The script printed its exit marker. */
  completed: boolean
  /** What went wrong outside the steps (timeout, cancel, lost connection, could not start). */
  problem?: string
  durationMs: number
  /** The last lines of the whole output, for failures outside any step. */
  tail: string[]
}

export interface ExecuteOptions {
  loginShell: boolean
  timeoutSeconds: number
  /** Cancellation (the action wires SIGINT/SIGTERM to it): the remote process group is killed. */
  signal?: AbortSignal
  /** Lines kept per step for the failure message. Default 30. */
  tailLines?: number
  /** How long to wait for the channel to close after the exit marker. Default 2000 ms. */
  exitGraceMs?: number
}

const NO_COMPLETION = 'the remote script ended without reporting completion (connection lost?)'

/**
 * The values of one run of a script (the deploy script's RunParameters, the sandbox script's): each field becomes
 * one read-only variable, `runUrl` → `SG_RUN_URL`, so a new field cannot be forgotten. The nonce is always one.
 */
export type ScriptParameters = { readonly nonce: string } & { readonly [field: string]: string }

/** `runUrl` → `SG_RUN_URL`. */
export function runVariableName(field: string): string {
  return 'SG_' + field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()
}

/**
 * The stdin the transport sends: the per-run values as read-only shell variables (`SG_NONCE`, `SG_SHA`,
 * `SG_ACTOR`, `SG_RUN_URL`, `SG_MODE`, …), then the script inside a `{ …; } </dev/null` group. bash parses the
 * whole group before running any of it, so a script cut short by a dropped connection runs not at all rather
 * than halfway, and commands in it cannot swallow the rest of the script from stdin. The variables are not
 * exported: jobs and child processes never see the nonce.
 */
export function buildStdin(script: string, params: ScriptParameters): string {
  const preamble = Object.entries(params)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, value]) => {
      if (typeof value !== 'string') throw new Error(`run parameter ${field} must be a string`)
      return `readonly ${runVariableName(field)}=${shellQuote(value)}\n`
    })
    .join('')
  return `${preamble}{\n${script}\n} </dev/null\n`
}

class Tail {
  private readonly lines: string[] = []
  constructor(private readonly size: number) {}
  push(line: string): void {
    this.lines.push(line)
    if (this.lines.length > this.size) this.lines.shift()
  }
  get value(): string[] {
    return [...this.lines]
  }
}

export async function execute(
  transport: Transport,
  script: string,
  params: ScriptParameters,
  sink: LogSink,
  opts: ExecuteOptions
): Promise<ExecutionReport> {
  if (!isValidNonce(params.nonce)) {
    // A guessable or empty nonce would let job output forge steps and a successful exit.
    throw new Error('the run nonce must be 32 lowercase hex characters; use newNonce()')
  }
  const started = Date.now()
  const tailLines = opts.tailLines ?? 30
  const steps: StepReport[] = []
  const results: Record<string, string> = {}
  const warnings: string[] = []
  const overallTail = new Tail(tailLines)
  const openSteps = new Map<string, { started: number; tail: Tail }>()
  let currentGroup: string | undefined
  let exitMarker: number | undefined
  let timedOut = false
  let cancelled = false
  let problem: string | undefined

  if (opts.signal?.aborted) {
    return {
      exitCode: 130,
      steps,
      results,
      warnings,
      timedOut,
      cancelled: true,
      completed: false,
      problem: 'the run was cancelled before the script started',
      durationMs: 0,
      tail: []
    }
  }

  const abort = new AbortController()
  const detach = new AbortController()
  let exitGraceTimer: NodeJS.Timeout | undefined
  let detached = false

  const timer = setTimeout(() => {
    timedOut = true
    sink.warning(`the remote script timed out after ${opts.timeoutSeconds} s; stopping it (TERM, then KILL)`)
    abort.abort()
  }, opts.timeoutSeconds * 1000)
  const onCancel = (): void => {
    if (timedOut || exitMarker !== undefined) return
    cancelled = true
    sink.warning('the run was cancelled; stopping the remote script (TERM, then KILL)')
    abort.abort()
  }
  opts.signal?.addEventListener('abort', onCancel, { once: true })

  const closeGroup = (): void => {
    if (currentGroup !== undefined) sink.endGroup()
    currentGroup = undefined
  }

  const handle = (event: OutputEvent): void => {
    switch (event.kind) {
      case 'line': {
        overallTail.push(event.text)
        const step = currentGroup !== undefined ? openSteps.get(currentGroup) : undefined
        step?.tail.push(event.text)
        sink.info(event.text)
        break
      }
      case 'begin':
        closeGroup() // groups do not nest
        openSteps.set(event.step, { started: Date.now(), tail: new Tail(tailLines) })
        sink.startGroup(event.step)
        currentGroup = event.step
        break
      case 'end': {
        const open = openSteps.get(event.step)
        openSteps.delete(event.step)
        steps.push({
          name: event.step,
          exitCode: event.exitCode,
          durationMs: event.durationMs,
          tail: open?.tail.value ?? [],
          completed: true
        })
        if (currentGroup === event.step) closeGroup()
        break
      }
      case 'result':
        results[event.key] = event.value
        break
      case 'warning':
        warnings.push(event.text)
        sink.warning(event.text)
        break
      case 'exit':
        exitMarker = event.exitCode
        clearTimeout(timer) // finished in time; what follows is only the channel closing
        // The script is done. Give the channel a moment to close by itself, then stop waiting: a background
        // process that inherited stdout must not hang the run.
        exitGraceTimer ??= setTimeout(() => {
          detached = true
          detach.abort()
        }, opts.exitGraceMs ?? 2000)
        break
    }
  }

  const parser = new MarkerParser(params.nonce)
  let result: RunResult = { exitCode: null, signal: null }
  try {
    result = await transport.runScript({
      stdin: buildStdin(script, params),
      loginShell: opts.loginShell,
      onOutput: chunk => parser.push(chunk).forEach(handle),
      signal: abort.signal,
      detach: detach.signal
    })
  } catch (err) {
    problem = `could not run the script on ${transport.description}: ${err instanceof Error ? err.message : String(err)}`
  } finally {
    clearTimeout(timer)
    clearTimeout(exitGraceTimer)
    opts.signal?.removeEventListener('abort', onCancel)
  }
  parser.end().forEach(handle)
  closeGroup()
  // A cancel or a timeout is stopping the script's processes itself: one still dying is not a background one.
  if (detached && !cancelled && !timedOut) {
    sink.warning(
      'the script finished, but a background process it started still holds its output open; not waiting ' +
        'for it (redirect its output, e.g. `nohup cmd >log 2>&1 &`, to silence this)'
    )
  }

  let exitCode: number
  // A timeout or cancel counts even when the script still printed its exit marker: killed in the middle, its
  // EXIT trap may report the status of whatever command ran last.
  if (timedOut) {
    exitCode = 124
    problem ??= `the remote script timed out after ${opts.timeoutSeconds} s and was stopped`
  } else if (cancelled) {
    exitCode = 130
    problem ??= 'the run was cancelled and the remote script was stopped'
  } else if (exitMarker !== undefined) {
    // The marker is the script's last word; a non-zero status after it (an EXIT trap) still counts.
    exitCode = exitMarker !== 0 ? exitMarker : (result.exitCode ?? 0)
  } else {
    exitCode = result.exitCode !== null && result.exitCode !== 0 ? result.exitCode : 255
    problem ??= NO_COMPLETION
  }

  // Steps that began and never ended were cut off: they are where the run stopped.
  for (const [name, open] of openSteps) {
    steps.push({
      name,
      exitCode: exitCode === 0 ? 255 : exitCode,
      durationMs: Date.now() - open.started,
      tail: open.tail.value,
      completed: false
    })
  }
  const failedStep = steps.find(s => s.exitCode !== 0)
  if (failedStep && exitCode === 0) {
    sink.warning(
      `the script reported success, but step "${failedStep.name}" failed; treating the run as failed`
    )
    exitCode = failedStep.exitCode
  }

  return {
    exitCode,
    steps,
    results,
    warnings,
    ...(failedStep ? { failedStep } : {}),
    timedOut,
    cancelled,
    completed: exitMarker !== undefined,
    ...(problem !== undefined ? { problem } : {}),
    durationMs: Date.now() - started,
    tail: overallTail.value
  }
}

export function succeeded(report: ExecutionReport): boolean {
  return report.exitCode === 0 && report.completed && !report.timedOut && !report.cancelled
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function withTail(text: string, tail: string[]): string {
  return tail.length > 0 ? `${text}:\n${tail.join('\n')}` : text
}

/** One paragraph for the job summary / error: what failed, where, and its last lines. '' when it succeeded. */
export function failureMessage(report: ExecutionReport): string {
  if (succeeded(report)) return ''
  const step = report.failedStep
  if (report.problem !== undefined) {
    const where = step ? ` during step "${step.name}" (after ${seconds(step.durationMs)})` : ''
    const code = report.timedOut || report.cancelled ? '' : ` (exit code ${report.exitCode})`
    return withTail(`${report.problem}${code}${where}`, step?.tail ?? report.tail)
  }
  if (step) {
    return withTail(
      `step "${step.name}" failed with exit code ${step.exitCode} after ${seconds(step.durationMs)}`,
      step.tail
    )
  }
  return withTail(`the remote script failed with exit code ${report.exitCode}`, report.tail)
}
