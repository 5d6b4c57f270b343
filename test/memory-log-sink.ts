// A LogSink that keeps everything in memory, for tests that read the log as data.
import type { LogSink } from '../src/exec/log-sink.js'

export class MemoryLogSink implements LogSink {
  readonly events: (
    | { kind: 'startGroup'; title: string }
    | { kind: 'endGroup' }
    | { kind: 'info'; line: string }
    | { kind: 'warning'; msg: string }
  )[] = []

  startGroup(title: string): void {
    this.events.push({ kind: 'startGroup', title })
  }

  endGroup(): void {
    this.events.push({ kind: 'endGroup' })
  }

  info(line: string): void {
    this.events.push({ kind: 'info', line })
  }

  warning(msg: string): void {
    this.events.push({ kind: 'warning', msg })
  }

  get lines(): string[] {
    return this.events.flatMap(e => (e.kind === 'info' ? [e.line] : []))
  }

  get warnings(): string[] {
    return this.events.flatMap(e => (e.kind === 'warning' ? [e.msg] : []))
  }
}
