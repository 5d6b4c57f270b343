// The slurm-gitops CLI: the same engine as the action, for a terminal on a laptop or the login node.
// Exit codes: 0 ok, 1 the operation failed, 2 bad usage, config or template.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError, formatProblem } from '../errors/user-error.js'
import { COMMANDS, type CliCommand } from './commands.js'

const USAGE = `Usage: slurm-gitops <command> [options]

Commands:
  plan      Render what a deploy would write and run, and validate it (no connection)
            [--config FILE] [--branch main|develop|all] [--sha SHA] [--out DIR] [--format text|markdown|json]
  validate  Check the config and templates [--config FILE]
  deploy    Deploy a branch's commit to its deployment  --branch B [--sha SHA] [connection options]
  rollback  Switch a deployment back to a kept release  --branch B [--to SHA] [connection options]
  status    Show what is deployed, history and scheduled jobs [--branch B] [connection options]

Connection options (override cluster.* from the config):
  --host H --port N --user U --identity FILE --known-hosts FILE --local (run on this machine, no SSH)

Run 'slurm-gitops <command> --help' for details. Config default: .github/slurm-gitops.yml`

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  branch: { type: 'string', short: 'b' },
  sha: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  host: { type: 'string' },
  port: { type: 'string' },
  user: { type: 'string' },
  identity: { type: 'string', short: 'i' },
  'known-hosts': { type: 'string' },
  local: { type: 'boolean' },
  repo: { type: 'string' },
  actor: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} satisfies ParseArgsConfig['options']

export type CliOptions = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE)
    return command ? 0 : 2
  }
  const handler: CliCommand | undefined = COMMANDS[command]
  if (!handler) {
    console.error(`slurm-gitops: unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')}`)
    return 2
  }
  let options: CliOptions
  try {
    options = parseArgs({ args: rest, options: OPTIONS, allowPositionals: false, strict: true }).values as CliOptions
  } catch (error) {
    console.error(`slurm-gitops ${command}: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  try {
    return await handler(options)
  } catch (error) {
    if (error instanceof UserError) {
      for (const problem of error.problems) console.error(`slurm-gitops ${command}: ${formatProblem(problem)}`)
      return 2
    }
    console.error(`slurm-gitops ${command}: ${(error as Error).message ?? String(error)}`)
    return 1
  }
}
