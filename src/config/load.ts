// Validates the parsed YAML config against the schema and fills in the derived defaults.
// Every problem is reported with its config path and the line in the file.
import { isMap, isSeq, type Document, type LineCounter } from 'yaml'
import { parseConfigYaml, readConfigYaml, type ConfigYaml } from './parse-yaml.js'
import { configSchema, STEP_FILES } from './schema.js'
import type { Config } from './types.js'
import { resolveConfig } from './resolve.js'
import { formatPath, type Problem, UserError } from '../errors/user-error.js'
import type { RepoReader } from '../repo/reader.js'

export { DEFAULT_CONFIG_PATH } from './default-path.js'

/** The config file of the repository as `read` sees it, parsed and checked. */
export async function readConfig(read: RepoReader, configPath: string): Promise<Config> {
  return validateConfig(await readConfigYaml(read, configPath))
}

export function parseConfig(text: string, file: string): Config {
  return validateConfig(parseConfigYaml(text, file))
}

/** The parsed YAML against the schema, with the derived defaults filled in. */
export function validateConfig({ file, data, document, lineCounter }: ConfigYaml): Config {
  const result = configSchema.safeParse(data)
  if (!result.success) {
    const problems: Problem[] = result.error.issues.flatMap(issue => {
      // Unknown keys are reported one per key, at the key itself.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined]
      return keys.map(key => {
        const path = key === undefined ? issue.path : [...issue.path, key]
        return {
          where: formatPath(path) || 'config',
          message: key === undefined ? describeIssue(issue) : unknownKeyMessage(path),
          location: { file, line: lineOf(document, lineCounter, path) }
        }
      })
    })
    throw new UserError(problems)
  }
  return resolveConfig(result.data, file)
}

function describeIssue(issue: { code: string; message: string; issues?: { message: string }[] }): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required'
  // A bad record key (a branch name) carries the real reason one level down.
  if (issue.code === 'invalid_key' && issue.issues?.[0]) return issue.issues[0].message
  return issue.message.replace(/^Invalid input: /, '')
}

function unknownKeyMessage(path: readonly PropertyKey[]): string {
  const key = String(path[path.length - 1])
  if (path.length === 2 && path[0] === 'templates') {
    if (key.startsWith('steps/')) {
      return `unknown step file "${key}"; the step files are ${STEP_FILES.join(', ')}`
    }
    if ((STEP_FILES as readonly string[]).includes(`steps/${key}`)) {
      return `unknown template "${key}"; a step file is named with its folder: steps/${key}`
    }
  }
  return `unknown key "${key}" (check the spelling; see the config reference in the README)`
}

/** The line of the deepest node that exists along `path` (a missing key points at its parent). */
function lineOf(
  document: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[]
): number | undefined {
  let node: unknown = document.contents
  let line: number | undefined
  const lineFrom = (n: unknown) => {
    const range = (n as { range?: [number, number, number] } | null)?.range
    return range ? lineCounter.linePos(range[0]).line : undefined
  }
  line = lineFrom(node)
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(item => (item.key as { value?: unknown })?.value === key)
      if (!pair) break
      line = lineFrom(pair.key) ?? line
      node = pair.value
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key]
      line = lineFrom(node) ?? line
    } else {
      break
    }
  }
  return line
}
