// A template made ready to render: a shipped one from the build's precompiled form, on the Handlebars runtime;
// anything else (an override, a shipped file changed after the build) compiled now, with the compiler loaded
// for it only then.
import type { PrecompiledTemplate } from './precompiled-templates.js'
import {
  fromPrecompiled,
  type CompiledTemplate,
  type Includes,
  type TemplateSource
} from './shell-runtime.js'

/** The precompiled form that `source` can use: only one made from exactly its text. */
export function precompiledFor(
  source: TemplateSource,
  precompiled: PrecompiledTemplate | undefined
): PrecompiledTemplate | undefined {
  return precompiled?.text === source.text ? precompiled : undefined
}

export async function compiledTemplate(
  source: TemplateSource,
  includes: Includes,
  precompiled: PrecompiledTemplate | undefined
): Promise<CompiledTemplate> {
  const usable = precompiledFor(source, precompiled)
  if (usable) return fromPrecompiled(usable.spec, source, includes)
  const { compileTemplate } = await import('./shell-handlebars.js')
  return compileTemplate(source, includes)
}
