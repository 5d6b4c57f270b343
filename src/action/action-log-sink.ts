// Remote output in the Actions log: one log group per step. Between groups, workflow commands are switched off
// (`::stop-commands::<token>`), so a line such as `::add-mask::` or `::set-output` printed by a job or the
// script on the cluster is shown, never obeyed.
import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import type { LogSink } from '../exec/log-sink.js'

export class ActionLogSink implements LogSink {
  private readonly token = randomBytes(16).toString('hex')
  private stopped = false

  /** Runs `fn` with workflow commands enabled, then switches them off again for remote output. */
  private commands(fn: () => void): void {
    if (this.stopped) process.stdout.write(`::${this.token}::\n`)
    fn()
    process.stdout.write(`::stop-commands::${this.token}\n`)
    this.stopped = true
  }

  startGroup(title: string): void {
    this.commands(() => core.startGroup(title))
  }

  endGroup(): void {
    this.commands(() => core.endGroup())
  }

  info(line: string): void {
    if (!this.stopped) this.commands(() => undefined)
    core.info(line)
  }

  warning(message: string): void {
    this.commands(() => core.warning(message))
  }

  /** Switches workflow commands back on; call when the remote run is over. */
  close(): void {
    if (this.stopped) process.stdout.write(`::${this.token}::\n`)
    this.stopped = false
  }
}
