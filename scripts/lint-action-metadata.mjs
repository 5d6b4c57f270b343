// npm run lint:action: checks action.yml against GitHub's own action metadata schema, the one its workflow editor
// validates with (shipped in @actions/workflow-parser, so nothing is downloaded).
import { register } from 'node:module'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The parser imports its schema JSON without `with { type: 'json' }`, which only bundlers accept: a load hook adds it.
const addJsonAttribute = `export async function load(url, context, nextLoad) {
  if (url.endsWith('.json')) return nextLoad(url, { ...context, importAttributes: { type: 'json' } })
  return nextLoad(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(addJsonAttribute)}`)
const { parseAction } = await import('@actions/workflow-parser/actions/index')
const { NoOperationTraceWriter } = await import('@actions/workflow-parser')

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const files = process.argv.length > 2 ? process.argv.slice(2) : ['action.yml']

let failed = false
for (const file of files) {
  const content = await readFile(path.resolve(root, file), 'utf8')
  const { context } = parseAction({ name: file, content }, new NoOperationTraceWriter())
  const errors = context.errors.getErrors()
  for (const error of errors) {
    const at = error.range ? `${file}:${error.range.start.line}:${error.range.start.column}` : file
    console.error(`${at}: ${error.rawMessage ?? error.message}`)
  }
  if (errors.length > 0) failed = true
  else console.log(`${file}: valid action metadata`)
}
process.exitCode = failed ? 1 : 0
