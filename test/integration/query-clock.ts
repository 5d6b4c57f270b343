// A real transport that notes the time of every Slurm command sent through it, to check the watch's poll budget
// from the outside (test and benchmark).
import type { ExecResult, RunOptions, RunResult, Transport } from '../../src/transport/types.js'

export class QueryClock implements Transport {
  readonly queries: { at: number; command: string }[] = []

  constructor(private readonly inner: Transport) {}

  get description(): string {
    return this.inner.description
  }

  get stats(): Transport['stats'] {
    return this.inner.stats
  }

  runScript(opts: RunOptions & { loginShell: boolean }): Promise<RunResult> {
    return this.inner.runScript(opts)
  }

  exec(command: string): Promise<ExecResult> {
    if (/\b(squeue|sacct|scontrol|scancel|sbatch)\b/.test(command))
      this.queries.push({ at: Date.now(), command })
    return this.inner.exec(command)
  }

  putFile(localPath: string, remotePath: string): Promise<void> {
    return this.inner.putFile(localPath, remotePath)
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}

/** Queries per 10 s after the first 30 s of a watch that started at `started`. */
export function queriesPer10sAfter30s(queries: { at: number }[], started: number, ended: number): number {
  const late = queries.filter(q => q.at - started >= 30_000).length
  const seconds = (ended - started - 30_000) / 1000
  return seconds > 0 ? (late / seconds) * 10 : 0
}
