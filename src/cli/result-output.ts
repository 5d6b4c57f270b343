// How a command's end is printed: for people (text on stdout, problems on stderr), or for scripts as one JSON
// object on stdout (--format json) in the versioned shape docs/cli-json.md describes, errors included.
import { formatProblem, type Problem } from '../errors/user-error.js'
import type { CliIO, CommandResult, ExitCode, OutputFormat } from './command.js'

/** The shape's version: a change that could break a reader of the JSON raises it. */
export const JSON_RESULT_VERSION = 1

export interface ProblemJson {
  message: string
  /** A config path (`deployments.main.jobs[0].schedule`), a flag (`--branch`), a template, … */
  where?: string
  file?: string
  line?: number
  column?: number
}

export function problemJson(problem: Problem): ProblemJson {
  const { where, message, location } = problem
  return { message, where, ...location }
}

/** The command ran to its end (whatever its outcome). */
export function writeResult(
  io: CliIO,
  format: OutputFormat,
  command: string,
  result: CommandResult,
  warnings: ProblemJson[]
): ExitCode {
  if (format === 'json') {
    writeJson(io, command, result.exitCode, {
      ...result.json,
      warnings: [...warnings, ...(result.warnings ?? []).map(problemJson)],
      problems: (result.problems ?? []).map(problemJson)
    })
  } else {
    if (result.text !== undefined) io.stdout.write(`${result.text}\n`)
    writeProblemLines(io, command, result.problems ?? [])
  }
  return result.exitCode
}

/** Bad usage, config or template (exit code 2); `hint` says where to read more. */
export function writeProblems(
  io: CliIO,
  format: OutputFormat,
  command: string,
  problems: Problem[],
  { warnings = [], hint }: { warnings?: ProblemJson[]; hint?: string } = {}
): ExitCode {
  if (format === 'json') writeJson(io, command, 2, { warnings, problems: problems.map(problemJson) })
  else {
    writeProblemLines(io, command, problems)
    if (hint) io.stderr.write(`${hint}\n`)
  }
  return 2
}

/** The operation failed (exit code 1): the connection, the cluster, a bug. */
export function writeFailure(
  io: CliIO,
  format: OutputFormat,
  command: string,
  error: unknown,
  warnings: ProblemJson[]
): ExitCode {
  const message = error instanceof Error ? error.message : String(error)
  // A TransportError's kind (config, host-key, auth, connect, channel) lets a script tell them apart.
  const kind = (error as { kind?: unknown } | null)?.kind
  if (format === 'json') {
    writeJson(io, command, 1, {
      warnings,
      problems: [],
      error: { message, ...(typeof kind === 'string' ? { kind } : {}) }
    })
  } else io.stderr.write(`slurm-gitops ${command}: ${message}\n`)
  return 1
}

function writeProblemLines(io: CliIO, command: string, problems: Problem[]): void {
  for (const problem of problems) io.stderr.write(`slurm-gitops ${command}: ${formatProblem(problem)}\n`)
}

function writeJson(io: CliIO, command: string, exitCode: ExitCode, fields: Record<string, unknown>): void {
  const result = { version: JSON_RESULT_VERSION, ok: exitCode === 0, command, ...fields }
  io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}
