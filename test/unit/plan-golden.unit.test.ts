// Golden tests: the full plan of examples/caqrn, byte for byte, and the sticky PR comment of a typical pull request
// into main. A template, engine or presentation change shows up here as a diff to review. Regenerate with:
// UPDATE_GOLDEN=1 npm run test:unit -- plan-golden
import { describe, expect, it } from '@jest/globals'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { planRepository } from '../../src/plan/plan-repository.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import { composeScript } from '../../src/plan/payload.js'
import { validatePlans } from '../../src/plan/validate.js'
import { diffPlans } from '../../src/plan/plan-diff.js'
import { renderPlanMarkdown } from '../../src/report/plan-markdown.js'
import { COMMENT_LIMIT, PLAN_COMMENT_MARKER } from '../../src/action/constants.js'
import type { RepoReader } from '../../src/repo/reader.js'

const example = path.resolve('examples/caqrn')
const goldenDir = path.resolve('test/golden/caqrn')

async function renderedTree(): Promise<Map<string, string>> {
  const { plans } = await planRepository(workingTreeReader(example), '.github/slurm-gitops.yml')
  const tree = new Map<string, string>()
  for (const plan of plans) {
    for (const file of plan.files) tree.set(`${plan.branch}/${file.path}`, file.content)
    tree.set(`${plan.branch}/deploy.sh`, composeScript(plan))
  }
  tree.set('pr-comment.md', await prComment())
  return tree
}

/**
 * The sticky comment of a pull request into main that moved production's daily job from 01:30 to 02:00 and
 * upgraded a requirement (the base is the example with those two undone), at a fixed moment.
 */
async function prComment(): Promise<string> {
  const head = workingTreeReader(example)
  const base: RepoReader = async file => {
    const text = await head(file)
    if (file === '.github/slurm-gitops.yml')
      return text?.replace("schedule: '0 2 * * *'", "schedule: '30 1 * * *'")
    if (file === 'requirements.txt') return text?.replace('caqrn-utils==1.0.0', 'caqrn-utils==0.9.0')
    return text
  }
  const { plans } = await planRepository(head, '.github/slurm-gitops.yml')
  const { plans: basePlans } = await planRepository(base, '.github/slurm-gitops.yml')
  // shellcheck off: the golden must not depend on what this machine has installed.
  const validation = await validatePlans(plans, { shellcheck: false })
  return renderPlanMarkdown(
    {
      configFile: '.github/slurm-gitops.yml',
      headSha: 'b'.repeat(40),
      base: { kind: 'planned', sha: 'a'.repeat(40) },
      head: { kind: 'planned', diff: diffPlans(plans, basePlans), validation, plans },
      targetBranch: 'main',
      runUrl: 'https://github.com/caqrn/caqrn-pipeline/actions/runs/42',
      links: { url: 'https://github.com/caqrn/caqrn-pipeline', configPath: '.github/slurm-gitops.yml' }
    },
    {
      limit: COMMENT_LIMIT,
      marker: PLAN_COMMENT_MARKER,
      planRecord: true,
      fullReportUrl: 'https://github.com/caqrn/caqrn-pipeline/actions/runs/42',
      now: new Date('2026-12-02T12:00:00Z')
    }
  )
}

async function goldenTree(dir = goldenDir, prefix = ''): Promise<Map<string, string>> {
  const tree = new Map<string, string>()
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory())
      for (const [k, v] of await goldenTree(path.join(dir, entry.name), relative)) tree.set(k, v)
    else tree.set(relative, await readFile(path.join(dir, entry.name), 'utf8'))
  }
  return tree
}

describe('the plan of examples/caqrn', () => {
  it('matches the golden files byte for byte', async () => {
    const rendered = await renderedTree()
    if (process.env.UPDATE_GOLDEN === '1') {
      await rm(goldenDir, { recursive: true, force: true })
      for (const [file, content] of rendered) {
        await mkdir(path.dirname(path.join(goldenDir, file)), { recursive: true })
        await writeFile(path.join(goldenDir, file), content)
      }
    }
    const golden = await goldenTree()
    expect([...rendered.keys()].sort()).toEqual([...golden.keys()].sort())
    for (const [file, content] of rendered)
      expect({ file, content }).toEqual({ file, content: golden.get(file) })
  })

  it('is deterministic and valid', async () => {
    const first = await renderedTree()
    const second = await renderedTree()
    expect(second).toEqual(first)
    const { plans } = await planRepository(workingTreeReader(example), '.github/slurm-gitops.yml')
    const validation = await validatePlans(plans)
    expect(validation.errors).toEqual([])
    expect(validation.checks).toContain('bash -n')
  })

  it('puts each deployment on its own partition, data and schedule', async () => {
    const rendered = await renderedTree()
    expect(rendered.get('main/env.sh')).toContain('export CAQRN_DATA=/projects/caqrn/data/production')
    expect(rendered.get('develop/env.sh')).toContain('export CAQRN_DATA=/projects/caqrn/data/development')
    expect(rendered.get('main/sandbox-env.sh')).toContain(
      'export CAQRN_DATA=/projects/caqrn/data/development'
    )
    expect(rendered.get('main/scrontab')).toContain('#SCRON --partition=standard --time=06:00:00')
    expect(rendered.get('develop/scrontab')).toContain('30 3 * * * /projects/caqrn/development/jobs/daily.sh')
    expect(rendered.get('develop/jobs/daily.options')).toContain('--partition=dev')
  })
})
