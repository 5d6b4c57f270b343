// Handlebars set up for shell scripts instead of HTML: what a template needs when it renders, whether it was
// compiled at build time (the shipped ones) or now (an override). Loads the Handlebars runtime only.
//
// Handlebars escapes `{{value}}` for HTML, which is wrong for shell. Here every string or number in the context
// is wrapped in a ShellValue whose HTML form is its shell-quoted form, so `{{value}}` is quoted by construction.
// Unquoted output needs a helper that says why it is safe: `{{cron x}}` (a validated schedule), `{{code x}}`
// (a command the user wrote as shell code), `{{word x}}` (checked to be free of shell characters) or
// `{{include "steps/x.sh"}}` (a plain bash file of deploy-templates/steps/ or the repository's override of it).
// Triple braces are refused where templates are compiled (shell-handlebars.ts), and strict mode turns a missing
// variable into an error with file and line.
import type Handlebars from 'handlebars'
import HandlebarsRuntime from 'handlebars/runtime'
import { shellQuote } from './shell-quote.js'
import { checkSlurmCron } from '../validate/slurm-cron.js'
import { UserError } from '../errors/user-error.js'

class ShellValue {
  constructor(readonly value: string) {}
  toHTML(): string {
    return shellQuote(this.value)
  }
  toString(): string {
    return this.toHTML()
  }
}

/** Values a template may receive: plain data, wrapped recursively before rendering. */
export type TemplateData = string | number | boolean | null | undefined | TemplateData[] | TemplateObject
export interface TemplateObject {
  [key: string]: TemplateData
}

export interface TemplateSource {
  name: string
  /** Shown in errors: the path of the default or the override file. */
  file: string
  text: string
}

export type CompiledTemplate = (data: TemplateObject) => string

/** The plain files `{{include}}` may insert, by name (`steps/venv.sh`). */
export type Includes = Record<string, TemplateSource>

/** What `Handlebars.precompile` makes (as source text) and `Handlebars.template` takes. */
export type TemplateSpec = Parameters<typeof Handlebars.template>[0]

function wrap(data: TemplateData): unknown {
  if (typeof data === 'string' || typeof data === 'number') return new ShellValue(String(data))
  if (Array.isArray(data)) return data.map(wrap)
  if (data && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, wrap(value)]))
  }
  return data
}

const unwrap = (value: unknown): unknown => (value instanceof ShellValue ? value.value : value)
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Registers the shell helpers on `hb`: the runtime environment and the compiler's get the same ones from here. */
export function withShellHelpers<Environment extends typeof Handlebars>(hb: Environment): Environment {
  const raw = (text: string) => new hb.SafeString(text)
  // `if`/`unless` must see through the wrapper: an empty string is falsy, as in plain Handlebars.
  const truthy = (value: unknown) => {
    const v = unwrap(value)
    return Array.isArray(v) ? v.length > 0 : Boolean(v) || v === 0
  }
  hb.registerHelper('if', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
    return truthy(value) ? options.fn(this) : options.inverse(this)
  })
  hb.registerHelper('unless', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
    return truthy(value) ? options.inverse(this) : options.fn(this)
  })
  hb.registerHelper('code', (value: unknown) => raw(String(unwrap(value))))
  hb.registerHelper('cron', (value: unknown) => {
    const text = String(unwrap(value))
    const problem = checkSlurmCron(text)
    if (problem) throw new Error(`{{cron}} got an invalid schedule: ${problem}`)
    return raw(text)
  })
  hb.registerHelper('word', (value: unknown) => {
    const text = String(unwrap(value))
    if (!SAFE_WORD.test(text)) {
      throw new Error(
        `{{word}} got ${JSON.stringify(text)}, which has characters that need quoting; use {{value}}`
      )
    }
    return raw(text)
  })
  /** `{{include "steps/venv.sh"}}`: a plain file (a step), as it is, after a line naming where it came from. */
  hb.registerHelper('include', (name: unknown, options: Handlebars.HelperOptions) => {
    const includes = (options.data as { includes?: Includes } | undefined)?.includes ?? {}
    const source = includes[String(unwrap(name))]
    if (!source) {
      const known = Object.keys(includes).join(', ') || 'none'
      throw new Error(`{{include}} got ${JSON.stringify(unwrap(name))}, which is not a step file (${known})`)
    }
    const text = source.text.endsWith('\n') ? source.text : `${source.text}\n`
    return raw(`# --- ${source.name} (${source.file})\n${text}`)
  })
  hb.registerHelper('eq', (a: unknown, b: unknown) => unwrap(a) === unwrap(b))
  /** `{{quote-each list}}`: every element shell-quoted, separated by spaces. */
  hb.registerHelper('quote-each', (list: unknown) =>
    raw(((unwrap(list) as unknown[]) ?? []).map(item => shellQuote(String(unwrap(item)))).join(' '))
  )
  return hb
}

const runtime = withShellHelpers(HandlebarsRuntime.create())

/** A template the build precompiled (`Handlebars.precompile`), made ready to render on the runtime alone. */
export function fromPrecompiled(
  spec: TemplateSpec,
  source: TemplateSource,
  includes: Includes
): CompiledTemplate {
  return rendering(runtime.template(spec), source, includes)
}

/** `template`, rendering shell-wrapped data; its errors name the template's file and line. */
export function rendering(
  template: Handlebars.TemplateDelegate,
  source: TemplateSource,
  includes: Includes
): CompiledTemplate {
  return data => {
    try {
      return template(wrap(data), { data: { includes } })
    } catch (error) {
      throw templateError(source, error)
    }
  }
}

export function templateError(source: TemplateSource, error: unknown): UserError {
  const err = error as { message?: string; lineNumber?: number; column?: number }
  const message = String(err.message ?? error)
  const line =
    err.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+$/.exec(message)?.[1])
  const friendly =
    message
      .replace(/ in (undefined|\[object Object\]) - \d+:\d+$/, '')
      .replace(
        /^"(.+)" not defined$/,
        'unknown variable "$1"; the variables are listed in deploy-templates/README.md'
      )
      .split('\n')[0] ?? message
  return new UserError({
    where: `template ${source.name}`,
    message: friendly,
    location: { file: source.file, line: Number.isFinite(line) ? line : undefined }
  })
}
