// loadTemplates: the shipped defaults from deploy-templates/, a consuming repository's override files, and an
// override path that does not exist (a UserError naming templates.<name>); then the same through the whole config
// (parseConfig, planRepository) of a copy of examples/caqrn.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { STEP_FILES, TEMPLATE_NAMES } from '../../src/config/schema.js'
import { parseConfig } from '../../src/config/load.js'
import { UserError, type Problem } from '../../src/errors/user-error.js'
import { planRepository } from '../../src/plan/plan-repository.js'
import { defaultTemplatesDir, loadTemplates } from '../../src/render/templates.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import { repoRoot } from '../repo-root.js'

const CONFIG = '.github/slurm-gitops.yml'
const example = path.join(repoRoot, 'examples/caqrn')
const exampleText = () => readFile(path.join(example, CONFIG), 'utf8')

/** The problems of the UserError `promise` rejects with (fails when it resolves or throws something else). */
async function problemsOf(promise: Promise<unknown>): Promise<Problem[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (error === undefined) throw new Error('expected a rejection with a UserError')
  if (!(error instanceof UserError)) throw new Error('expected a UserError', { cause: error })
  return error.problems
}

/** The example config with `templates` set to `templates`. */
async function withTemplates(templates: Record<string, string>): Promise<string> {
  const document = parseDocument(await exampleText())
  document.set('templates', templates)
  return document.toString()
}

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-templates-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** A fresh directory under tmp with `files` (relative path → text). */
async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'repo-'))
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), text)
  }
  return dir
}

describe('loadTemplates', () => {
  it('uses the shipped defaults from deploy-templates/ when there are no overrides', async () => {
    const dir = await repoWith({})
    const templates = await loadTemplates({}, workingTreeReader(dir))
    expect(Object.keys(templates).sort()).toEqual([...TEMPLATE_NAMES, ...STEP_FILES].sort())
    expect(defaultTemplatesDir()).toBe(path.join(repoRoot, 'deploy-templates'))
    for (const name of TEMPLATE_NAMES) {
      const shipped = await readFile(path.join(repoRoot, 'deploy-templates', `${name}.hbs`), 'utf8')
      expect(templates[name]).toEqual({ name, file: `deploy-templates/${name}.hbs`, text: shipped })
    }
    // Step files are plain bash: shipped under their own name, no .hbs.
    for (const name of STEP_FILES) {
      const shipped = await readFile(path.join(repoRoot, 'deploy-templates', name), 'utf8')
      expect(templates[name]).toEqual({ name, file: `deploy-templates/${name}`, text: shipped })
    }
  })

  it('uses an override that exists: its text, and the override path as the file; the others stay default', async () => {
    const text = '#!/bin/bash\n# our own job script for {{job.name}}\n'
    const dir = await repoWith({ 'ci/job.sh.hbs': text })
    const templates = await loadTemplates({ 'job.sh': 'ci/job.sh.hbs' }, workingTreeReader(dir))
    expect(templates['job.sh']).toEqual({ name: 'job.sh', file: 'ci/job.sh.hbs', text })
    for (const name of TEMPLATE_NAMES.filter(n => n !== 'job.sh')) {
      expect(templates[name].file).toBe(`deploy-templates/${name}.hbs`)
    }
  })

  it('rejects an override path that does not exist: templates.<name>, the path, and how to fix it', async () => {
    const dir = await repoWith({ 'ci/other.hbs': 'x' })
    const problems = await problemsOf(
      loadTemplates({ 'job.sh': 'ci/missing.sh.hbs' }, workingTreeReader(dir))
    )
    expect(problems).toHaveLength(1)
    const [problem] = problems
    expect(problem!.where).toBe('templates.job.sh')
    expect(problem!.message).toContain('ci/missing.sh.hbs')
    expect(problem!.message).toContain('does not exist')
    expect(problem!.message).toMatch(/fix the path or remove the key to use the default/)
  })

  it('rejects an override naming a directory (it cannot be read) the same way', async () => {
    const dir = await repoWith({ 'ci/dir/file': 'x' })
    const problems = await problemsOf(loadTemplates({ scrontab: 'ci/dir' }, workingTreeReader(dir)))
    expect(problems.map(p => p.where)).toEqual(['templates.scrontab'])
    expect(problems[0]!.message).toContain('ci/dir')
  })
})

describe('templates through the whole config', () => {
  it('planRepository of examples/caqrn with a missing job.sh override rejects with the UserError', async () => {
    const dir = await mkdtemp(path.join(tmp, 'caqrn-'))
    await cp(example, dir, { recursive: true })
    const text = await withTemplates({ 'job.sh': 'ci/missing.sh.hbs' })
    // The config itself is valid: the override is checked when the templates are loaded.
    expect(parseConfig(text, CONFIG).templates).toEqual({ 'job.sh': 'ci/missing.sh.hbs' })
    await writeFile(path.join(dir, CONFIG), text)

    const problems = await problemsOf(planRepository(workingTreeReader(dir), CONFIG))
    expect(problems).toHaveLength(1)
    expect(problems[0]!.where).toBe('templates.job.sh')
    expect(problems[0]!.message).toContain('ci/missing.sh.hbs')
    expect(problems[0]!.message).toMatch(/fix the path or remove the key/)

    // Once the file is there, the plan renders the jobs from it.
    await mkdir(path.join(dir, 'ci'))
    await writeFile(path.join(dir, 'ci/missing.sh.hbs'), '#!/bin/bash\n# custom job {{job.name}}\n')
    const { plans } = await planRepository(workingTreeReader(dir), CONFIG)
    const jobFiles = plans.flatMap(p => p.files).filter(f => /^jobs\/.*\.sh$/.test(f.path))
    expect(jobFiles.length).toBeGreaterThan(0)
    for (const file of jobFiles) expect(file.content).toContain('# custom job daily')
  })

  it('an unknown template name is a config error naming templates.<name>, at its line', async () => {
    const text = await withTemplates({ 'nope.sh': 'x' })
    let problems: Problem[] = []
    try {
      parseConfig(text, CONFIG)
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      problems = error.problems
    }
    const line = text.split('\n').findIndex(l => l.trim().startsWith('nope.sh:')) + 1
    expect(line).toBeGreaterThan(0)
    expect(problems).toEqual([
      {
        where: 'templates.nope.sh',
        message: 'unknown key "nope.sh" (check the spelling; see the config reference in the README)',
        location: { file: CONFIG, line }
      }
    ])

    // planRepository reports the same, before it reads any template.
    const dir = await repoWith({ [CONFIG]: text, 'requirements.txt': 'caqrn-utils==1.0.0\n' })
    expect((await problemsOf(planRepository(workingTreeReader(dir), CONFIG))).map(p => p.where)).toEqual([
      'templates.nope.sh'
    ])
  })
})

describe('overriding one step', () => {
  /** The unknown-key problems parseConfig reports for the example config with `templates`. */
  function configProblems(templates: Record<string, string>, text: string): Problem[] {
    try {
      parseConfig(text, CONFIG)
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      return error.problems
    }
    throw new Error(`expected ${JSON.stringify(templates)} to be refused`)
  }

  it('puts the override into the deploy script, exactly as written, named by its file; the other steps stay', async () => {
    const dir = await mkdtemp(path.join(tmp, 'caqrn-'))
    await cp(example, dir, { recursive: true })
    const override = 'verify() {\n  echo "our own verify"\n}\n'
    await mkdir(path.join(dir, 'ci'))
    await writeFile(path.join(dir, 'ci/verify.sh'), override)
    await writeFile(path.join(dir, CONFIG), await withTemplates({ 'steps/verify.sh': 'ci/verify.sh' }))

    const { plans } = await planRepository(workingTreeReader(dir), CONFIG)
    for (const plan of plans) {
      expect(plan.script).toContain(`# --- steps/verify.sh (ci/verify.sh)\n${override}`)
      expect(plan.script).not.toContain('# --- steps/verify.sh (deploy-templates/steps/verify.sh)')
      expect(plan.script).toContain('# --- steps/venv.sh (deploy-templates/steps/venv.sh)')
      expect(plan.script).toContain('  run_step verify\n')
    }
  })

  it('an unknown step file is a config error naming the key, at its line, and every step file', async () => {
    const text = await withTemplates({ 'steps/nope.sh': 'ci/nope.sh' })
    const line = text.split('\n').findIndex(l => l.trim().startsWith('steps/nope.sh:')) + 1
    const problems = configProblems({ 'steps/nope.sh': 'ci/nope.sh' }, text)
    expect(problems).toEqual([
      {
        where: 'templates.steps/nope.sh',
        message: `unknown step file "steps/nope.sh"; the step files are ${STEP_FILES.join(', ')}`,
        location: { file: CONFIG, line }
      }
    ])
  })

  it('a step named without its folder is refused with the name it needs', async () => {
    const text = await withTemplates({ 'venv.sh': 'ci/venv.sh' })
    expect(configProblems({ 'venv.sh': 'ci/venv.sh' }, text).map(p => [p.where, p.message])).toEqual([
      ['templates.venv.sh', 'unknown template "venv.sh"; a step file is named with its folder: steps/venv.sh']
    ])
  })

  it('a missing override file is named like a template override', async () => {
    const dir = await repoWith({})
    const problems = await problemsOf(
      loadTemplates({ 'steps/venv.sh': 'ci/venv.sh' }, workingTreeReader(dir))
    )
    expect(problems.map(p => p.where)).toEqual(['templates.steps/venv.sh'])
    expect(problems[0]!.message).toContain('ci/venv.sh does not exist')
  })
})
