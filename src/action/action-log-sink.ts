// Remote output in the Actions log: one log group per step. Remote lines are written with workflow commands
// switched off (`::stop-commands::<token>` … `::<token>::`), so a line such as `::add-mask::` or `::set-output`
// printed by a job or the script on the cluster is shown, never obeyed. Our own group and warning commands are
// written with commands on.
import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import type { LogSink } from '../exec/log-sink.js'

export class ActionLogSink implements LogSink {
  private readonly token = randomBytes(16).toString('hex')
  private stopped = false

  private stopCommands(): void {
    if (this.stopped) return
    process.stdout.write(`::stop-commands::${this.token}\n`)
    this.stopped = true
  }

  private resumeCommands(): void {
    if (!this.stopped) return
    process.stdout.write(`::${this.token}::\n`)
    this.stopped = false
  }

  startGroup(title: string): void {
    this.resumeCommands()
    core.startGroup(title)
  }

  endGroup(): void {
    this.resumeCommands()
    core.endGroup()
  }

  info(line: string): void {
    this.stopCommands()
    core.info(line)
  }

  warning(message: string): void {
    this.resumeCommands()
    core.warning(message)
  }

  /** Switches workflow commands back on; call when the remote run is over. */
  close(): void {
    this.resumeCommands()
  }
}
