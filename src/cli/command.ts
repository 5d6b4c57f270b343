// What a CLI command is given and what it returns. A command turns its flags into a request, has the core carry
// it out and returns the outcome twice: as text for people and as an object for --format json. Printing the
// result, and every error, is the runner's (run-command.ts), so that both forms hold for every command.
import type { Problem } from '../errors/user-error.js'
import type { CliOptions } from './flags.js'

export type OutputFormat = 'text' | 'markdown' | 'json'

/** 0 ok, 1 the operation failed, 2 bad usage, config or template. */
export type ExitCode = 0 | 1 | 2

export interface CliIO {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export interface CommandContext {
  command: string
  options: CliOptions
  /** Positional arguments: the job id of watch and cancel. */
  args: string[]
  format: OutputFormat
  io: CliIO
  /**
   * Where output streamed while the command runs goes (the remote script's steps, a job's log): stdout, or
   * stderr under --format json, so that stdout carries the result object alone.
   */
  stream: NodeJS.WritableStream
  /** A line for people on stderr (progress, what happened): never part of the result. */
  note: (text: string) => void
  /** A non-fatal problem: on stderr now, and in the result's warnings. */
  warn: (text: string) => void
  /** The environment as the CLI started (the passphrase variable is taken out of process.env). */
  env: NodeJS.ProcessEnv
}

export interface CommandResult {
  exitCode: ExitCode
  /** The outcome under --format json, beside version, ok, command, warnings and problems. */
  json: Record<string, unknown>
  /** The outcome for people, on stdout (text and markdown). */
  text?: string
  /** What made it fail with exit code 2 (e.g. the plan's errors): on stderr, or in the JSON's problems. */
  problems?: Problem[]
  /** Problems that do not fail it (e.g. the plan's warnings); the text already shows them. */
  warnings?: Problem[]
}

export type CliCommand = (context: CommandContext) => Promise<CommandResult>
