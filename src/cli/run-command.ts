// Runs one command whose command line checked out: loads its module (only now), gives it its context, and
// prints how it ended. A UserError is bad input (exit code 2); anything else thrown is a failed operation (1).
import { UserError } from '../errors/user-error.js'
import type { CliIO, CommandContext } from './command.js'
import type { CommandSpec } from './command-table.js'
import type { CommandLine } from './parse-command-line.js'
import { writeFailure, writeProblems, writeResult, type ProblemJson } from './result-output.js'

export async function runCommand(
  command: string,
  spec: CommandSpec,
  line: CommandLine,
  io: CliIO,
  env: NodeJS.ProcessEnv
): Promise<number> {
  const warnings: ProblemJson[] = []
  const context: CommandContext = {
    command,
    options: line.options,
    args: line.args,
    format: line.format,
    io,
    stream: line.format === 'json' ? io.stderr : io.stdout,
    note: text => io.stderr.write(`slurm-gitops: ${text}\n`),
    warn: text => {
      warnings.push({ message: text })
      io.stderr.write(`slurm-gitops: warning: ${text}\n`)
    },
    env
  }
  try {
    const run = await spec.load()
    return writeResult(io, line.format, command, await run(context), warnings)
  } catch (error) {
    if (error instanceof UserError)
      return writeProblems(io, line.format, command, error.problems, { warnings })
    return writeFailure(io, line.format, command, error, warnings)
  }
}
