// Finds the template sources: the defaults shipped in deploy-templates/, or a consuming repo's override files.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { STEP_FILES, TEMPLATE_NAMES, type OverridableName, type TemplateName } from '../config/schema.js'
import type { TemplateSource } from './shell-runtime.js'
import type { RepoReader } from '../repo/reader.js'
import { UserError } from '../errors/user-error.js'

/** Every template (Handlebars) and every step file (plain bash, inserted as it is), default or overridden. */
export type TemplateSet = Record<OverridableName, TemplateSource>

function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name)
}

/** Where a default lives in deploy-templates/: templates as `<name>.hbs`, step files under their own name. */
const shippedFile = (name: OverridableName) => (isTemplateName(name) ? `${name}.hbs` : name)

/** The shipped templates: `deploy-templates/` beside `src/` or `dist/`, whichever this module runs from. */
export function defaultTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(dir, 'deploy-templates')
    if (existsSync(path.join(candidate, 'deploy.sh.hbs'))) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('deploy-templates/ not found beside the slurm-gitops installation')
    dir = parent
  }
}

export async function loadTemplates(
  overrides: Partial<Record<OverridableName, string>>,
  readRepoFile: RepoReader,
  defaultsDir: string = defaultTemplatesDir()
): Promise<TemplateSet> {
  const entries = await Promise.all(
    [...TEMPLATE_NAMES, ...STEP_FILES].map(async (name): Promise<[OverridableName, TemplateSource]> => {
      const override = overrides[name]
      if (override) {
        const where = `templates.${name}`
        const text = await readRepoFile(override).catch((error: unknown) => {
          if (!(error instanceof UserError)) throw error
          throw new UserError({
            where,
            message: `the override file ${override} ${error.problems[0]?.message}`
          })
        })
        if (text === undefined) {
          throw new UserError({
            where,
            message: `the override file ${override} does not exist in the repository; fix the path or remove the key to use the default`
          })
        }
        return [name, { name, file: override, text }]
      }
      const file = shippedFile(name)
      // Small files beside the installation: a synchronous read costs less than a thread-pool round trip.
      const text = readFileSync(path.join(defaultsDir, file), 'utf8')
      return [name, { name, file: `deploy-templates/${file}`, text }]
    })
  )
  return Object.fromEntries(entries) as TemplateSet
}
