// The Handlebars compiler for shell templates (see shell-runtime.ts for what they render with): compiles an
// override when a run needs it, and the shipped templates at build time (precompiled-templates-module.ts), both
// with the same checks and options. Loaded only when a template must be compiled: it brings the compiler.
import Handlebars from 'handlebars'
import {
  rendering,
  templateError,
  withShellHelpers,
  type CompiledTemplate,
  type Includes,
  type TemplateSource
} from './shell-runtime.js'
import { UserError } from '../errors/user-error.js'

const environment = withShellHelpers(Handlebars.create())

/** Strict: a missing variable is an error, never an empty string; escaping on: it is what quotes a value. */
const COMPILE_OPTIONS: CompileOptions = { strict: true, noEscape: false }

export function compileTemplate(source: TemplateSource, includes: Includes = {}): CompiledTemplate {
  return rendering(environment.compile(checkedTemplate(source), COMPILE_OPTIONS), source, includes)
}

/** The JavaScript source of the template's specification, for `Handlebars.template` on the runtime. */
export function precompileTemplate(source: TemplateSource): string {
  // Typed as the specification object; without the `asObject` option it is its source text.
  return environment.precompile(checkedTemplate(source), COMPILE_OPTIONS) as unknown as string
}

/** The template parsed, with the file and line of a syntax error, and refused if it can insert unquoted. */
function checkedTemplate(source: TemplateSource): hbs.AST.Program {
  let ast: hbs.AST.Program
  try {
    ast = environment.parse(source.text)
  } catch (error) {
    throw templateError(source, error)
  }
  refuseUnescaped(ast, source)
  return ast
}

/** Walks the template and rejects `{{{x}}}` / `{{& x}}`, which would bypass quoting. */
function refuseUnescaped(program: hbs.AST.Program, source: TemplateSource): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; escaped?: boolean; loc?: hbs.AST.SourceLocation }
    if (n.type === 'MustacheStatement' && n.escaped === false) {
      throw new UserError({
        where: `template ${source.name}`,
        message:
          'triple braces insert a value unquoted; use {{value}} (shell-quoted) or {{word value}} / {{code value}}',
        location: { file: source.file, line: n.loc?.start.line }
      })
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object' && value !== n.loc) visit(value)
    }
  }
  visit(program)
}
