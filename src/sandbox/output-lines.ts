// Turns the job log's byte chunks into lines for a LogSink: a line or a multi-byte character may be split across
// chunks, and the last line of a job need not end in a newline.
import { StringDecoder } from 'node:string_decoder'

export class OutputLines {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''

  constructor(private readonly onLine: (line: string) => void) {}

  /** Feeds one chunk; calls onLine for every line it completes. */
  write(chunk: Buffer): void {
    this.pending += this.decoder.write(chunk)
    let newline: number
    while ((newline = this.pending.indexOf('\n')) !== -1) {
      this.onLine(this.pending.slice(0, newline).replace(/\r$/, ''))
      this.pending = this.pending.slice(newline + 1)
    }
  }

  /** The last, unterminated line, if any. */
  end(): void {
    this.pending += this.decoder.end()
    if (this.pending !== '') this.onLine(this.pending)
    this.pending = ''
  }
}
