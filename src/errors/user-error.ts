// Errors caused by the user's input (config, templates, inputs, flags). They are reported as one clear message
// per problem, with where it was found, and map to exit code 2 in the CLI; anything else is a bug or a fault.

/** Where a problem was found, for messages and GitHub annotations. */
export interface SourceLocation {
  file: string
  line?: number
  column?: number
}

export interface Problem {
  /** e.g. `deployments.main.jobs[0].schedule`, an input name, or a template name. */
  where: string
  message: string
  location?: SourceLocation
}

export class UserError extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems]
    super(list.map(formatProblem).join('\n'))
    this.name = 'UserError'
    this.problems = list
  }
}

/** `file:line:column: where: message`, as compilers print it (editors and terminals link it). */
export function formatProblem(problem: Problem): string {
  return `${formatLocation(problem.location)}${problem.where}: ${problem.message}`
}

function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return ''
  const { file, line, column } = location
  if (!line) return `${file}: `
  return column ? `${file}:${line}:${column}: ` : `${file}:${line}: `
}

/** Formats a config path like `deployments.main.jobs[0].schedule`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`
    return text ? `${text}.${String(key)}` : String(key)
  }, '')
}
