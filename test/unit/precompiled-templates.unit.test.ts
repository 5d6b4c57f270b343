// The shipped templates, as the build precompiles them (the same maker the build's plugin runs), render byte for
// byte what they render compiled at run time; an override, or a shipped file changed after the build, is compiled
// from its own text with the compiler's checks (triple braces refused, errors at its file and line).
import { beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { TEMPLATE_NAMES } from '../../src/config/schema.js'
import { parseConfig } from '../../src/config/load.js'
import { UserError } from '../../src/errors/user-error.js'
import { compileTemplates, planDeployment, type CompiledTemplates } from '../../src/plan/plan.js'
import { planSandbox, planSandboxRemoval } from '../../src/plan/sandbox-plan.js'
import { precompiledFor } from '../../src/render/compiled-template.js'
import type { PrecompiledTemplates } from '../../src/render/precompiled-templates.js'
import { precompiledTemplatesModule } from '../../src/render/precompiled-templates-module.js'
import { defaultTemplatesDir, loadTemplates, type TemplateSet } from '../../src/render/templates.js'
import { resolveSandboxRun } from '../../src/sandbox/sandbox-run.js'
import { repoRoot } from '../repo-root.js'

const FILE = '.github/slurm-gitops.yml'
const noOverrides = (): never => {
  throw new Error('no override was asked for')
}

/** The table the build's module would export, from the templates in `dir`. */
async function precompiledFrom(dir: string): Promise<PrecompiledTemplates> {
  const source = await precompiledTemplatesModule(dir)
  const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
    precompiledTemplates: PrecompiledTemplates
  }
  return module.precompiledTemplates
}

let shipped: TemplateSet
let precompiled: PrecompiledTemplates
beforeAll(async () => {
  shipped = await loadTemplates({}, noOverrides)
  precompiled = await precompiledFrom(defaultTemplatesDir())
})

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof UserError)) throw new Error('expected a UserError', { cause: error })
  return error.problems[0]
}

describe('the precompiled shipped templates', () => {
  it('hold every template, each usable for the shipped text', () => {
    expect(Object.keys(precompiled).sort()).toEqual([...TEMPLATE_NAMES].sort())
    for (const name of TEMPLATE_NAMES) {
      expect({ name, usable: precompiledFor(shipped[name], precompiled[name]) !== undefined }).toEqual({
        name,
        usable: true
      })
    }
  })

  it('render byte for byte what the templates compiled at run time render, for the example config', async () => {
    const config = parseConfig(await readFile(path.join(repoRoot, 'examples/caqrn', FILE), 'utf8'), FILE)
    const run = resolveSandboxRun(
      config,
      { ref: 'feature/x', actor: 'alice-hpc' },
      {
        ref: 'ref',
        sandbox: 'sandbox',
        command: 'command',
        partition: 'partition',
        timeLimit: 'time-limit',
        sbatch: 'sbatch',
        actor: 'actor'
      }
    )
    const everything = (templates: CompiledTemplates) => ({
      deployments: config.deployments.map(deployment => planDeployment(config, deployment, templates)),
      sandbox: planSandbox(config, templates, run, { sha: 'a'.repeat(40), branch: 'feature/x', runId: '7' }),
      removal: planSandboxRemoval(config, templates, 'alice', true)
    })
    const fromPrecompiled = everything(await compileTemplates(shipped, precompiled))
    const compiledNow = everything(await compileTemplates(shipped, {}))
    expect(fromPrecompiled).toEqual(compiledNow)
    expect(fromPrecompiled.deployments[0]!.script).toContain('# --- steps/')
  })

  it('report a template error at the shipped file and line, as the compiled ones do', async () => {
    const problems = async (table: PrecompiledTemplates) => {
      const templates = await compileTemplates(shipped, table)
      try {
        templates['env.sh']({})
      } catch (error) {
        if (error instanceof UserError) return error.problems
        throw error
      }
      throw new Error('expected env.sh to refuse an empty context')
    }
    const fromPrecompiled = await problems(precompiled)
    expect(fromPrecompiled).toEqual(await problems({}))
    expect(fromPrecompiled[0]).toMatchObject({
      where: 'template env.sh',
      message: expect.stringContaining('unknown variable'),
      location: { file: 'deploy-templates/env.sh.hbs', line: expect.any(Number) as unknown }
    })
  })

  it('are not made when a shipped template inserts a value unquoted: the build fails, naming file and line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sg-precompile-'))
    try {
      await cp(defaultTemplatesDir(), dir, { recursive: true })
      await writeFile(path.join(dir, 'job.sh.hbs'), '#!/bin/bash\necho {{{project.name}}}\n')
      expect(await problemOf(precompiledFrom(dir))).toMatchObject({
        where: 'template job.sh',
        message: expect.stringContaining('triple braces'),
        location: { file: 'deploy-templates/job.sh.hbs', line: 2 }
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('a template that is not the shipped text', () => {
  const override = (text: string): TemplateSet => ({
    ...shipped,
    'job.sh': { name: 'job.sh', file: 'ci/job.sh.hbs', text }
  })

  it('is compiled from its own text (an override, or a shipped file changed after the build)', async () => {
    const templates = override(`${shipped['job.sh'].text}# tuned by the lab\n`)
    expect(precompiledFor(templates['job.sh'], precompiled['job.sh'])).toBeUndefined()
    const compiled = await compileTemplates(templates, precompiled)
    const config = parseConfig(await readFile(path.join(repoRoot, 'examples/caqrn', FILE), 'utf8'), FILE)
    const job = planDeployment(config, config.deployments[0]!, compiled).files.find(f =>
      f.path.startsWith('jobs/')
    )
    expect(job?.content).toMatch(/# tuned by the lab\n$/)
  })

  it('with triple braces is refused at its file and line', async () => {
    expect(
      await problemOf(compileTemplates(override('#!/bin/bash\n\necho {{{job.name}}}\n'), precompiled))
    ).toEqual({
      where: 'template job.sh',
      message: expect.stringContaining('triple braces insert a value unquoted') as unknown,
      location: { file: 'ci/job.sh.hbs', line: 3 }
    })
  })
})
