// The config file as YAML: read, parsed, and checked to be a mapping, with what a problem's line needs. The
// schema's checks come after (load.ts); this part is all a run needs to find its cluster and start connecting.
import { LineCounter, parseDocument, type Document } from 'yaml'
import { UserError } from '../errors/user-error.js'
import type { RepoReader } from '../repo/reader.js'

/** The config's YAML, parsed: its data, and the document and line counter for the lines of problems. */
export interface ConfigYaml {
  file: string
  data: Record<string, unknown>
  document: Document
  lineCounter: LineCounter
}

/** The config file of the repository as `read` sees it, parsed as YAML. */
export async function readConfigYaml(read: RepoReader, configPath: string): Promise<ConfigYaml> {
  const text = await read(configPath)
  if (text === undefined) {
    throw new UserError({
      where: 'config',
      message: `${configPath} does not exist; create it (see examples/caqrn/.github/slurm-gitops.yml) or set the config input`
    })
  }
  return parseConfigYaml(text, configPath)
}

export function parseConfigYaml(text: string, file: string): ConfigYaml {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const [syntaxError] = document.errors
  if (syntaxError) {
    // Only the first: the parser's later errors follow from it (an unclosed bracket fails every line after it).
    const { line, col } = lineCounter.linePos(syntaxError.pos[0])
    throw new UserError({
      where: 'config',
      message: `invalid YAML: ${syntaxError.message.split('\n')[0]}`,
      location: { file, line, column: col }
    })
  }
  const data: unknown = document.toJS()
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError({
      where: 'config',
      message: 'must be a YAML mapping with cluster, project and deployments',
      location: { file, line: 1 }
    })
  }
  return { file, data: data as Record<string, unknown>, document, lineCounter }
}
