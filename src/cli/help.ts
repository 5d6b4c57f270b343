// The usage text: short at the top level, and per command made from its row of the command table (the same
// rows the flag check reads), so that help and the check cannot disagree.
import { DEFAULT_CONFIG_PATH } from '../config/default-path.js'
import { acceptedFlags, COMMAND_TABLE, type CommandSpec } from './command-table.js'
import { FLAGS, flagLabel, PASSPHRASE_VARIABLE, type FlagName, type FlagSpec } from './flags.js'

export function topUsage(): string {
  const names = Object.keys(COMMAND_TABLE)
  const width = Math.max(...names.map(name => name.length)) + 2
  return [
    'Usage: slurm-gitops <command> [flags]',
    '',
    'Commands:',
    ...names.map(name => `  ${name.padEnd(width)}${COMMAND_TABLE[name]!.summary}`),
    '',
    "Run 'slurm-gitops <command> --help' for its flags and an example; 'slurm-gitops --version' for the version.",
    `The config is read from ${DEFAULT_CONFIG_PATH} unless --config says otherwise.`,
    ''
  ].join('\n')
}

export function commandHelp(name: string, spec: CommandSpec): string {
  const flags = acceptedFlags(spec)
  const rows = flags.map(flag => [flagColumn(flag, spec), flagHelp(flag, spec)] as const)
  const width = Math.max(...rows.map(([label]) => label.length)) + 2
  const lines = [`Usage: ${usageLine(name, spec)}`, '', `${spec.summary}.`]
  if (spec.details) lines.push(...wrap(spec.details, 100))
  lines.push('')
  if (spec.operand)
    lines.push('Argument:', `  ${spec.operand.name.padEnd(width - 2)}${spec.operand.help}`, '')
  lines.push('Flags:', ...rows.map(([label, help]) => `  ${label.padEnd(width)}${help}`), '')
  // The passphrase belongs with the key: a command that takes --identity reads it.
  if (flags.includes('identity')) {
    lines.push(
      'Environment:',
      `  ${PASSPHRASE_VARIABLE}  the passphrase of an encrypted --identity key (never a flag: ps shows flags)`,
      ''
    )
  }
  lines.push(spec.examples.length === 1 ? 'Example:' : 'Examples:', ...spec.examples.map(e => `  ${e}`), '')
  return lines.join('\n')
}

/** `slurm-gitops deploy --branch BRANCH [flags]`: the required parts, then the rest. */
function usageLine(name: string, spec: CommandSpec): string {
  const required = Object.entries(spec.flags)
    .filter(([, use]) => use.required)
    .map(([flag]) => `--${flag} ${(FLAGS[flag as FlagName] as FlagSpec).value ?? ''}`.trimEnd())
  return ['slurm-gitops', name, ...required, ...(spec.operand ? [spec.operand.name] : []), '[flags]'].join(
    ' '
  )
}

/** The flag as the help lists it; --format shows the formats this command has. */
function flagColumn(flag: FlagName, spec: CommandSpec): string {
  return flag === 'format' ? flagLabel(flag).replace('FORMAT', spec.formats.join('|')) : flagLabel(flag)
}

function flagHelp(flag: FlagName, spec: CommandSpec): string {
  const use = spec.flags[flag]
  const help = use?.help ?? FLAGS[flag].help
  return use?.required ? `${help} (required)` : help
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}
