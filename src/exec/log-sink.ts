// Where the executor sends the remote output: the action maps it to `core.startGroup`/`core.info`, the CLI to
// the terminal. Groups do not nest (GitHub's don't), so the executor closes one before opening the next.

export interface LogSink {
  startGroup(title: string): void
  endGroup(): void
  info(line: string): void
  warning(msg: string): void
}

/** Plain terminal output for the CLI: a header per step, output indented under it, warnings on stderr. */
export class ConsoleLogSink implements LogSink {
  private inGroup = false

  constructor(
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WritableStream = process.stderr
  ) {}

  startGroup(title: string): void {
    this.out.write(`▶ ${title}\n`)
    this.inGroup = true
  }

  endGroup(): void {
    this.inGroup = false
  }

  info(line: string): void {
    this.out.write(this.inGroup ? `  ${line}\n` : `${line}\n`)
  }

  warning(msg: string): void {
    this.err.write(`warning: ${msg}\n`)
  }
}
