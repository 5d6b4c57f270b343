// A command's arguments against its row of the command table: every flag given must be one the command takes,
// with a value when it needs one, once unless it may repeat; required flags and the operand must be there.
// Every problem is reported at once, each naming the flag, the command and what it takes.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Problem } from '../errors/user-error.js'
import type { OutputFormat } from './command.js'
import { acceptedFlags, type CommandLineRules } from './command-table.js'
import { FLAGS, PASSPHRASE_VARIABLE, type CliOptions, type FlagName, type FlagSpec } from './flags.js'

export interface CommandLine {
  options: CliOptions
  args: string[]
  /** The --format asked for (text when it was not given, or not one the command has). */
  format: OutputFormat
  /** --help or -h was given: the rest does not matter. */
  help: boolean
  problems: Problem[]
}

// Parsed leniently (strict: false) and checked below: node's strict mode stops at the first problem, and its
// messages cannot say what the command takes instead.
const PARSE_OPTIONS: ParseArgsConfig['options'] = Object.fromEntries(
  Object.entries(FLAGS as Record<string, FlagSpec>).map(([name, spec]) => [
    name,
    {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {})
    }
  ])
)

export function parseCommandLine(command: string, rules: CommandLineRules, argv: string[]): CommandLine {
  const { tokens } = parseArgs({
    args: argv,
    options: PARSE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  const accepted = acceptedFlags(rules)
  const takes = `${command} takes ${accepted.map(name => `--${name}`).join(', ')}`
  const problems: Problem[] = []
  const options: Record<string, string | string[] | boolean> = {}
  const args: string[] = []

  for (const token of tokens) {
    if (token.kind === 'positional') args.push(token.value)
    if (token.kind !== 'option') continue
    const name = token.name
    const where = token.rawName
    if (!Object.hasOwn(FLAGS, name)) {
      problems.push({ where, message: `is not a flag of slurm-gitops${unknownFlagHint(name)}; ${takes}` })
      continue
    }
    const flag = name as FlagName
    const spec: FlagSpec = FLAGS[flag]
    if (!accepted.includes(flag)) {
      problems.push({ where: `--${flag}`, message: `does not apply to ${command}; ${takes}` })
      continue
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined)
        problems.push({ where, message: `takes no value (got "${token.value}")` })
      else options[flag] = true
      continue
    }
    const value = token.value
    if (value === undefined) {
      problems.push({ where, message: `needs a value: --${flag} ${spec.value ?? 'VALUE'}` })
      continue
    }
    if (!token.inlineValue && value.startsWith('-') && value !== '-') {
      // `--config --local` would take "--local" as the file; a value that looks like a flag must be meant.
      problems.push({
        where,
        message: `needs a value, but "${value}" looks like a flag; write --${flag}=${value} if it is the value`
      })
      continue
    }
    if (spec.multiple) options[flag] = [...((options[flag] as string[] | undefined) ?? []), value]
    else if (options[flag] !== undefined) problems.push({ where: `--${flag}`, message: 'is given twice' })
    else options[flag] = value
  }

  for (const [flag, use] of Object.entries(rules.flags)) {
    if (use.required && options[flag] === undefined && !problems.some(p => p.where === `--${flag}`)) {
      problems.push({ where: `--${flag}`, message: `is required (e.g. ${use.example ?? `--${flag} VALUE`})` })
    }
  }
  problems.push(...operandProblems(command, rules, args))

  const format = (options.format as OutputFormat | undefined) ?? 'text'
  const formatKnown = rules.formats.includes(format)
  if (!formatKnown) {
    problems.push({ where: '--format', message: `"${format}" is not one of ${rules.formats.join(', ')}` })
  }
  return {
    options,
    args,
    format: formatKnown ? format : 'text',
    help: options.help === true,
    problems
  }
}

function operandProblems(command: string, rules: CommandLineRules, args: string[]): Problem[] {
  const operand = rules.operand
  if (!operand) {
    return args.length === 0
      ? []
      : [{ where: args.join(' '), message: `is not a flag; ${command} takes no other arguments` }]
  }
  if (args.length === 0) {
    return [{ where: operand.name, message: `is required: slurm-gitops ${command} ${operand.name}` }]
  }
  if (args.length > 1) {
    return [{ where: args.slice(1).join(' '), message: `${command} takes one ${operand.name}` }]
  }
  return []
}

/** What to do instead of a flag that does not exist but is often tried. */
function unknownFlagHint(name: string): string {
  if (/passphrase|password/i.test(name)) {
    return ` (a key's passphrase is read from the environment variable ${PASSPHRASE_VARIABLE}: a flag's value is shown by ps)`
  }
  return ''
}
