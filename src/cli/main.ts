// The slurm-gitops CLI: the same engine as the action, for a terminal on a laptop or the login node.
// Exit codes: 0 ok, 1 the operation failed, 2 bad usage, config or template.
import { parseArgs } from 'node:util'
import { UserError, formatProblem } from '../errors/user-error.js'
import { OPTIONS, type CliCommand, type CliOptions } from './options.js'
import { PLAN_COMMANDS } from './plan-commands.js'
import { REMOTE_COMMANDS } from './remote-commands.js'
import { JOB_COMMANDS } from './job-commands.js'
import { SANDBOX_COMMANDS } from './sandbox-command.js'
import { STATUS_COMMANDS } from './status-command.js'

const COMMANDS: Record<string, CliCommand> = {
  ...PLAN_COMMANDS,
  ...REMOTE_COMMANDS,
  ...STATUS_COMMANDS,
  ...SANDBOX_COMMANDS,
  ...JOB_COMMANDS
}

const USAGE = `Usage: slurm-gitops <command> [options]

Commands:
  plan      Render what a deploy would write and run, and validate it (no connection)
            [--config FILE] [--branch main|develop|all] [--sha SHA] [--out DIR] [--format text|markdown|json]
  validate  Check the config and templates [--config FILE]
  deploy    Deploy a branch's commit to its deployment  --branch B [--sha SHA] [connection options]
  rollback  Switch a deployment back to a kept release  --branch B [--to SHA] [connection options]
  status    Sync (is the branch's commit and schedule live?) and health (do its jobs run?) of each deployment
            [--branch B] [--format text|json] [connection options]
  sandbox   Stage a ref in a sandbox, run it as a test job on the sandbox partition, follow it to its end
            --ref REF [--sandbox NAME] [--command CMD] [--partition P] [--time T] [--sbatch=--mem=4G]... [--no-wait]
            [connection options]
  watch     Follow a sandbox test job to its end, streaming its log  JOBID [connection options]
  cancel    Cancel a sandbox test job (by its id only)  JOBID [connection options]

Connection options (override cluster.* from the config):
  --host H --port N --user U --identity FILE --known-hosts FILE --local (run on this machine, no SSH)

Run 'slurm-gitops <command> --help' for details. Config default: .github/slurm-gitops.yml`

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
  let args: string[]
  try {
    const parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true })
    options = parsed.values
    args = parsed.positionals
    if (args.length > 0 && !(command in JOB_COMMANDS)) throw new Error(`unexpected argument "${args[0]}"`)
  } catch (error) {
    console.error(`slurm-gitops ${command}: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  try {
    return await handler(options, args)
  } catch (error) {
    if (error instanceof UserError) {
      for (const problem of error.problems)
        console.error(`slurm-gitops ${command}: ${formatProblem(problem)}`)
      return 2
    }
    console.error(`slurm-gitops ${command}: ${(error as Error).message ?? String(error)}`)
    return 1
  }
}
