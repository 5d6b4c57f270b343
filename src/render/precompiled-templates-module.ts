// The source of the module the build puts in place of precompiled-templates.ts: every shipped template
// precompiled, beside the text it came from. Run by the build (scripts/build-options.mjs, which bundles this file)
// and by the test that renders the shipped templates both ways; a template that fails the compiler's checks
// (triple braces, a syntax error) fails the build.
import { TEMPLATE_NAMES } from '../config/schema.js'
import { precompileTemplate } from './shell-handlebars.js'
import { loadTemplates } from './templates.js'

const noOverrides = (): never => {
  throw new Error('the shipped templates are read without overrides')
}

export async function precompiledTemplatesModule(defaultsDir: string): Promise<string> {
  const shipped = await loadTemplates({}, noOverrides, defaultsDir)
  const entries = TEMPLATE_NAMES.map(name => {
    const source = shipped[name]
    const text = JSON.stringify(source.text)
    return `  ${JSON.stringify(name)}: {\n    text: ${text},\n    spec: ${precompileTemplate(source)}\n  }`
  })
  return [
    '// Made by the build from deploy-templates/ (src/render/precompiled-templates-module.ts).',
    `export const precompiledTemplates = {\n${entries.join(',\n')}\n}`,
    ''
  ].join('\n')
}
