import { describe, expect, it } from '@jest/globals'
import { renderPlanMarkdown, planMarkdown, type PlanReport } from '../../src/report/plan-markdown.js'
import { diffPlans } from '../../src/plan/plan-diff.js'
import type { DeploymentPlan } from '../../src/plan/types.js'
import type { ValidationResult } from '../../src/plan/validate.js'

const MARKER = '<!-- slurm-gitops:plan -->'
const LIMIT = 65536

function plan(branch: string, files: Record<string, string>, script = 'echo deploy\n'): DeploymentPlan {
  return {
    branch,
    environment: branch === 'main' ? 'production' : 'development',
    root: `/projects/caqrn/${branch === 'main' ? 'production' : 'development'}`,
    files: Object.entries(files).map(([path, content]) => ({ path, mode: 0o644, content })),
    script,
    scrontabBlock: files.scrontab ?? '',
    inputs: [],
    fingerprint: '',
    schedule: { jobs: [] }
  }
}

const valid: ValidationResult = { errors: [], warnings: [], checks: ['bash -n', 'scrontab rules'] }

function report(head: DeploymentPlan[], base: DeploymentPlan[], validation = valid): PlanReport {
  return {
    configFile: '.github/slurm-gitops.yml',
    headSha: 'b'.repeat(40),
    base: { kind: 'planned', sha: 'a'.repeat(40) },
    head: { kind: 'planned', diff: diffPlans(head, base), validation, plans: head },
    targetBranch: 'main',
    runUrl: 'https://github.com/caqrn/pipeline/actions/runs/42'
  }
}

const mainBase = plan('main', { 'env.sh': 'export A=1\n', scrontab: '0 2 * * * /x/daily.sh\n' })
const mainHead = plan('main', { 'env.sh': 'export A=1\n', scrontab: '30 4 * * * /x/daily.sh\n' })
const develop = plan('develop', { 'env.sh': 'export B=1\n' })

describe('renderPlanMarkdown', () => {
  const text = renderPlanMarkdown(report([mainHead, develop], [mainBase, develop]), {
    limit: LIMIT,
    marker: MARKER
  })

  it('starts with the hidden marker', () => {
    expect(text.startsWith(`${MARKER}\n`)).toBe(true)
  })

  it('tables the deployment the merge deploys with its file counts, and names the others', () => {
    expect(text).toContain(
      '| Deployment | Environment | Root | Status | Changed | Added | Removed | Unchanged | Script |'
    )
    expect(text).toContain(
      '| `main` (PR target) | production | `/projects/caqrn/production` | ✏️ changed | 1 | 0 | 0 | 1 | unchanged |'
    )
    expect(text).not.toContain('| `develop` |')
    expect(text).toContain(
      'Not deployed by this merge into `main`: `develop` (development); each is deployed by a push to its own branch.'
    )
    expect(text).toContain(
      '✅ **The plan is valid**; merging into `main` deploys production: 1 file changes.'
    )
    expect(text).toContain('base `aaaaaaa` · head `bbbbbbb`')
  })

  it('counts every deployment when there is no PR target (a push, the CLI with --base)', () => {
    const both = renderPlanMarkdown(
      { ...report([mainHead, develop], [mainBase, develop]), targetBranch: undefined },
      { limit: LIMIT }
    )
    expect(both).toContain('1 of 2 deployments change.')
    expect(both).toContain('| `develop` | development |')
    expect(both).not.toContain('Not deployed by this merge')
  })

  it('says a merge into a branch without a deployment deploys nothing, and shows no diff', () => {
    const none = renderPlanMarkdown(
      { ...report([mainHead, develop], [mainBase, develop]), targetBranch: 'feature/x' },
      { limit: LIMIT }
    )
    expect(none).toContain('merging into `feature/x` deploys nothing (no deployment follows that branch).')
    expect(none).not.toContain('| Deployment |')
    expect(none).not.toContain('<details>')
  })

  it('lists the checks that ran, and says shellcheck was skipped when it was not installed', () => {
    expect(text).toContain('checks: bash -n, scrontab rules, shellcheck (not installed, skipped)')
    expect(text).toContain('No problems found.')
  })

  it('shows each changed file as a collapsed diff, and no unchanged one', () => {
    expect(text).toContain(
      '<details><summary><code>.slurm-gitops/scrontab</code> — changed (+1 −1)</summary>'
    )
    expect(text).toContain('```diff\n--- a/.slurm-gitops/scrontab\n+++ b/.slurm-gitops/scrontab\n')
    expect(text).toContain('-0 2 * * * /x/daily.sh\n+30 4 * * * /x/daily.sh\n```\n\n</details>')
    expect(text).not.toContain('<code>.slurm-gitops/env.sh</code>')
    expect(text).not.toContain('did not fit')
    expect(text).toContain('[Workflow run](https://github.com/caqrn/pipeline/actions/runs/42)')
  })

  it('reports validation errors and marks the plan failed', () => {
    const failing = renderPlanMarkdown(
      report([mainHead], [mainBase], {
        errors: [{ where: 'main: .slurm-gitops/scrontab line 3', message: '"*/1" <b>is</b> not allowed' }],
        warnings: [],
        checks: ['bash -n', 'scrontab rules', 'shellcheck']
      }),
      { limit: LIMIT }
    )
    expect(failing).toContain('❌ **The plan has 1 error**')
    expect(failing).toContain('checks: bash -n, scrontab rules, shellcheck.')
    // Messages are text, never markup.
    expect(failing).toContain('- main: .slurm-gitops/scrontab line 3: "\\*/1" \\<b\\>is\\</b\\> not allowed')
  })

  it('reports an invalid head config with file and line instead of a table', () => {
    const invalid = renderPlanMarkdown(
      {
        configFile: '.github/slurm-gitops.yml',
        headSha: 'b'.repeat(40),
        base: { kind: 'planned', sha: 'a'.repeat(40) },
        head: {
          kind: 'invalid',
          problems: [
            {
              where: 'deployments.main.jobs[0].schedule',
              message: 'step 1 is not allowed',
              location: { file: '.github/slurm-gitops.yml', line: 25 }
            }
          ]
        }
      },
      { limit: LIMIT, marker: MARKER }
    )
    expect(invalid).toContain('❌ **The plan failed**')
    expect(invalid).toContain(
      '.github/slurm-gitops.yml:25: deployments.main.jobs\\[0\\].schedule: step 1 is not allowed'
    )
    expect(invalid).not.toContain('| Deployment |')
  })

  it('says when the base had no config or an invalid one', () => {
    const absent = renderPlanMarkdown(
      { ...report([mainHead], []), base: { kind: 'absent', sha: 'a'.repeat(40) } },
      { limit: LIMIT }
    )
    expect(absent).toContain('The config did not exist at the base `aaaaaaa`')
    expect(absent).toContain('🆕 added')
    const invalid = renderPlanMarkdown(
      {
        ...report([mainHead], []),
        base: {
          kind: 'invalid',
          sha: 'a'.repeat(40),
          problems: [{ where: 'cluster.host', message: 'is required' }]
        }
      },
      { limit: LIMIT }
    )
    expect(invalid).toContain('The config at the base `aaaaaaa` is invalid')
    expect(invalid).toContain('- cluster.host: is required')
  })

  it('fences content with more backticks than the content holds', () => {
    const tricky = plan('main', { 'env.sh': 'echo ```not a fence```\n' })
    const out = renderPlanMarkdown(report([tricky], [plan('main', { 'env.sh': 'x\n' })]), { limit: LIMIT })
    expect(out).toContain('````diff\n')
    expect(out).toContain('\n````\n\n</details>')
  })
})

describe('renderPlanMarkdown under a size limit', () => {
  // 40 deployments × a 4 kB file each: far over 65,536 characters in full.
  const big = (tag: string) =>
    Array.from({ length: 40 }, (_, i) =>
      plan(`feature-${i}`, {
        'env.sh': Array.from({ length: 100 }, (_, n) => `export ${tag}_${n}=${i}`).join('\n')
      })
    )
  // No PR target: every deployment is shown (a push, or the CLI with --base).
  const full = { ...report(big('NEW'), big('OLD')), targetBranch: undefined }

  it('is complete without a limit', () => {
    const text = renderPlanMarkdown(full, { limit: Number.POSITIVE_INFINITY })
    expect(text.length).toBeGreaterThan(150_000)
    expect(text).not.toContain('did not fit')
  })

  it('stays under 65,536 characters and points at the job summary', () => {
    const text = renderPlanMarkdown(full, { limit: LIMIT, marker: MARKER, fullReportUrl: full.runUrl })
    expect(text.length).toBeLessThanOrEqual(LIMIT)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LIMIT)
    expect(text.length).toBeGreaterThan(LIMIT - 8000)
    expect(text.startsWith(MARKER)).toBe(true)
    // The table is whole; diffs were dropped from the end.
    expect(text).toContain('| `feature-39` |')
    expect(text).toMatch(
      /> \d+ more sections did not fit here: the full plan is in the \[job summary\]\(https:\/\/github.com\/caqrn\/pipeline\/actions\/runs\/42\)\./
    )
    expect(text.trimEnd().endsWith('slurm-gitops</sub>')).toBe(true)
    // Every fence that was opened was closed.
    expect((text.match(/<details>/g) ?? []).length).toBe((text.match(/<\/details>/g) ?? []).length)
  })

  it('cuts one long diff at a line rather than dropping everything', () => {
    const long = Array.from({ length: 5000 }, (_, n) => `export LINE_${n}=1`).join('\n')
    const one = report([plan('main', { 'env.sh': long })], [plan('main', { 'env.sh': 'x\n' })])
    expect(one.targetBranch).toBe('main')
    const text = renderPlanMarkdown(one, { limit: 20_000, fullReportUrl: 'https://example.invalid/run' })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000)
    expect(text).toContain('+export LINE_0=1\n')
    expect(text).toContain('… (cut here; the rest is in the job summary)\n```\n\n</details>')
    expect(text).not.toContain('LINE_4999')
  })
})

describe('planMarkdown (CLI)', () => {
  it('shows every file and the complete script', () => {
    const text = planMarkdown([mainHead], valid)
    expect(text).toContain('| `main` | production |')
    expect(text).toContain('+30 4 * * * /x/daily.sh')
    expect(text).toContain('Complete script for <code>main</code>, as sent to the cluster')
    expect(text).toContain('sg_write_files() {')
  })
})

describe('renderPlanMarkdown: what a reader of the PR needs', () => {
  const withInputs = (p: DeploymentPlan, requirements: string): DeploymentPlan => ({
    ...p,
    inputs: [{ path: 'requirements.txt', mode: 0o644, content: requirements }]
  })

  it('says plainly that a requirements change rebuilds the venv, with the number of packages', () => {
    const text = renderPlanMarkdown(
      report(
        [withInputs(mainHead, '# pinned\ncaqrn-utils==1.1.0\nnumpy>=2  # arrays\n--find-links=/wheels\n\n')],
        [withInputs(mainBase, 'caqrn-utils==1.0.0\n')]
      ),
      { limit: LIMIT }
    )
    expect(text).toContain(
      "📦 `requirements.txt` changed: the venv will be rebuilt (2 packages), unless the project's venv store " +
        'already holds one for these requirements.'
    )
    expect(text).toContain('merging into `main` deploys production: 2 files change.')
  })

  it('does not call a deploy script changed when only its embedded fingerprint differs', () => {
    const withHash = (p: DeploymentPlan, hash: string): DeploymentPlan => ({
      ...p,
      fingerprint: hash,
      script: `RENDER_HASH=${hash}\necho deploy\n`
    })
    const text = renderPlanMarkdown(
      report([withHash(mainHead, '1111222233334444')], [withHash(mainBase, '5555666677778888')]),
      { limit: LIMIT }
    )
    expect(text).toContain('| ✏️ changed | 1 | 0 | 0 | 1 | unchanged |')
    expect(text).not.toContain('<code>deploy script</code>')
    expect(text).toContain('deploys production: 1 file changes.')
  })

  it('links the commits, the compare view and the config file when it knows the repository', () => {
    const text = renderPlanMarkdown(
      {
        ...report([mainHead], [mainBase]),
        links: { url: 'https://github.com/caqrn/pipeline', configPath: 'pipeline/.github/slurm-gitops.yml' }
      },
      { limit: LIMIT }
    )
    const a = 'a'.repeat(40)
    const b = 'b'.repeat(40)
    expect(text).toContain(
      `Config [\`.github/slurm-gitops.yml\`](https://github.com/caqrn/pipeline/blob/${b}/pipeline/.github/slurm-gitops.yml)` +
        ` · base [\`aaaaaaa\`](https://github.com/caqrn/pipeline/commit/${a})` +
        ` · head [\`bbbbbbb\`](https://github.com/caqrn/pipeline/commit/${b})` +
        ` · [compare](https://github.com/caqrn/pipeline/compare/${a}...${b})`
    )
  })

  it('hides the plan record after the marker only when asked, and appends no script unless given', () => {
    const withRecord = renderPlanMarkdown(report([mainHead, develop], [mainBase, develop]), {
      limit: LIMIT,
      marker: MARKER,
      planRecord: true
    })
    const lines = withRecord.split('\n')
    expect(lines[0]).toBe(MARKER)
    expect(lines[2]).toMatch(
      /^<!-- slurm-gitops:reviewed-plan v1 \{"head":"b{40}","base":"a{40}","deployments":\{"main":/
    )
    const without = renderPlanMarkdown(report([mainHead], [mainBase]), { limit: LIMIT, marker: MARKER })
    expect(without).not.toContain('reviewed-plan')
    expect(without).not.toContain('Complete script for')
  })

  it('shows the jobs of the deployment the merge deploys', () => {
    const scheduled: DeploymentPlan = {
      ...mainHead,
      schedule: {
        timezone: 'Europe/Berlin',
        jobs: [{ name: 'daily', cron: '30 4 * * *', partition: 'standard', time: '06:00:00', sbatch: [] }]
      }
    }
    const text = renderPlanMarkdown(report([scheduled], [mainBase]), {
      limit: LIMIT,
      now: new Date('2026-12-02T12:00:00Z')
    })
    expect(text).toContain('#### `main` → production (`/projects/caqrn/production`)')
    expect(text).toContain(
      '| `daily` | At 04:30 (`30 4 * * *`) | Thu 2026-12-03 04:30<br>Fri 2026-12-04 04:30<br>Sat 2026-12-05 04:30 |'
    )
  })
})
