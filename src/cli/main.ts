// The slurm-gitops CLI: the same engine as the action, for a terminal on a laptop or the login node.
// Exit codes: 0 ok, 1 the operation failed, 2 bad usage, config or template.
import type { CliIO } from './command.js'
import { COMMAND_TABLE, commandSpec, type CommandLineRules } from './command-table.js'
import { FLAGS, type FlagName } from './flags.js'
import { commandHelp, topUsage } from './help.js'
import { parseCommandLine } from './parse-command-line.js'
import { writeProblems } from './result-output.js'
import { runCommand } from './run-command.js'
import { VERSION } from './version.js'

const PROCESS_IO: CliIO = { stdout: process.stdout, stderr: process.stderr }

/** For a word that is no command: every flag, so that only --format is looked at (a JSON error, if asked). */
const ANY_COMMAND: CommandLineRules = {
  flags: Object.fromEntries(Object.keys(FLAGS).map(flag => [flag as FlagName, {}])),
  formats: ['text', 'markdown', 'json']
}

export async function main(argv: string[], io: CliIO = PROCESS_IO, env = process.env): Promise<number> {
  const [command, ...rest] = argv
  if (command === '--version' || command === '-V') {
    io.stdout.write(`${VERSION}\n`)
    return 0
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const asked = command === 'help' && rest[0] !== undefined ? commandSpec(rest[0]) : undefined
    if (asked) io.stdout.write(commandHelp(rest[0]!, asked))
    else (command === undefined ? io.stderr : io.stdout).write(topUsage())
    return command === undefined ? 2 : 0
  }
  const spec = commandSpec(command)
  const line = parseCommandLine(command, spec ?? ANY_COMMAND, rest)
  if (!spec) {
    const commands = Object.keys(COMMAND_TABLE).join(', ')
    const problem = { where: command, message: `is not a command; the commands are ${commands}` }
    return writeProblems(io, line.format, command, [problem], { hint: "Run 'slurm-gitops --help'." })
  }
  if (line.help) {
    io.stdout.write(commandHelp(command, spec))
    return 0
  }
  if (line.problems.length > 0) {
    const hint = `Run 'slurm-gitops ${command} --help' for its flags.`
    return writeProblems(io, line.format, command, line.problems, { hint })
  }
  return runCommand(command, spec, line, io, env)
}
