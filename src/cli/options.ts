// The CLI's flags, shared by every subcommand, and where the consuming repository is.
import path from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { DEFAULT_CONFIG_PATH } from '../config/load.js'

export const OPTIONS = {
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

export type CliCommand = (options: CliOptions) => Promise<number>

/** The consuming repository is the directory holding `.github/`, found from the config path. */
export function configLocation(options: CliOptions): { repoRoot: string; configPath: string } {
  const config = path.resolve(options.config ?? DEFAULT_CONFIG_PATH)
  const repoRoot = options.repo
    ? path.resolve(options.repo)
    : path.basename(path.dirname(config)) === '.github'
      ? path.dirname(path.dirname(config))
      : process.cwd()
  return { repoRoot, configPath: path.relative(repoRoot, config) }
}
