// Scheduled jobs and what scrontab does with them: `enabled: false` rendered as Slurm disables an entry, the
// entries of a table read the same way by the plan (TypeScript) and by the deploy script (bash), the warning for
// an entry found disabled on the cluster, and what the PR plan and the deploy summary say about a reinstall.
import { completeRunValues } from '../../src/plan/types.js'
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { parseConfig } from '../../src/config/load.js'
import { UserError } from '../../src/errors/user-error.js'
import type { DeploymentRun } from '../../src/operations/deployment.js'
import { planDeployments } from '../../src/plan/plan.js'
import { diffPlans } from '../../src/plan/plan-diff.js'
import { scrontabEntries } from '../../src/plan/scrontab-entries.js'
import { validatePlans } from '../../src/plan/validate.js'
import { loadTemplates } from '../../src/render/templates.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import { deploySummary } from '../../src/report/deploy-summary.js'
import { scheduleNotes } from '../../src/report/schedule-notes.js'
import { parseResults } from '../../src/deploy/results.js'
import type { ExecutionReport } from '../../src/exec/executor.js'
import { repoRoot } from '../repo-root.js'

const FILE = '.github/slurm-gitops.yml'
const exampleText = readFileSync(path.join(repoRoot, 'examples/caqrn', FILE), 'utf8')
const steps = path.join(repoRoot, 'deploy-templates/steps')

function configWith(edits: [(string | number)[], unknown][]) {
  const document = parseDocument(exampleText)
  for (const [at, value] of edits) document.setIn(at, value)
  return parseConfig(document.toString(), FILE)
}

async function plansWith(edits: [(string | number)[], unknown][]) {
  const config = configWith(edits)
  const templates = await loadTemplates(
    config.templates,
    workingTreeReader(path.join(repoRoot, 'examples/caqrn'))
  )
  return planDeployments(config, templates)
}

/** Runs `script` in bash with the scrontab library and the runtime (markers with a fixed nonce) loaded. */
function bash(
  script: string,
  input = '',
  env: Record<string, string> = {}
): { status: number | null; stdout: string } {
  // --norc: bash reads ~/.bashrc when its stdin looks like a remote shell's.
  const run = spawnSync(
    'bash',
    [
      '--norc',
      '-c',
      `set -Eeuo pipefail
       SG_NONCE=n DISABLED_PREFIX='#DISABLED: '
       BLOCK_BEGIN='# >>> slurm-gitops caqrn production >>>' BLOCK_END='# <<< slurm-gitops caqrn production <<<'
       source ${steps}/runtime.sh; source ${steps}/scrontab-table.sh; source ${steps}/schedule.sh
       ${script}`
    ],
    { input, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } }
  )
  return { status: run.status, stdout: run.stdout + run.stderr }
}

const TABLE = [
  '# hand-written',
  'MAILTO=someone',
  '#SCRON --job-name=foreign-nightly -p dev',
  '0 3 * * * /bin/true',
  '@hourly /bin/echo unnamed',
  '# >>> slurm-gitops caqrn production >>>',
  '# Managed by slurm-gitops from branch main: this block is replaced on every deploy.',
  '#DISABLED: #SCRON --partition=standard --job-name=caqrn-production-daily --output=/x/logs/daily.out',
  '#DISABLED: 0 2 * * * /projects/caqrn/production/jobs/daily.sh',
  '#SCRON -J caqrn-production-weekly',
  '  0 4 * * sun /projects/caqrn/production/jobs/weekly.sh',
  '# <<< slurm-gitops caqrn production <<<',
  ''
].join('\n')

describe('jobs[].enabled', () => {
  it('defaults to true and must be a boolean', () => {
    expect(configWith([]).deployments[0]!.jobs[0]!.enabled).toBe(true)
    try {
      configWith([[['deployments', 'main', 'jobs', 0, 'enabled'], 'no']])
      throw new Error('expected a config error')
    } catch (error) {
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).problems[0]).toMatchObject({ where: 'deployments.main.jobs[0].enabled' })
    }
  })

  it('false renders the entry disabled as Slurm writes it, still checked against its rules; the job script stays', async () => {
    const [main] = await plansWith([[['deployments', 'main', 'jobs', 0, 'enabled'], false]])
    expect(main!.scrontabBlock.split('\n').slice(2, 4)).toEqual([
      '#DISABLED: #SCRON --partition=standard --time=06:00:00 --job-name=caqrn-production-daily --output=/projects/caqrn/production/logs/daily.out --open-mode=append --mem=4G --cpus-per-task=2',
      '#DISABLED: 0 2 * * * /projects/caqrn/production/jobs/daily.sh'
    ])
    expect(main!.files.map(f => f.path)).toContain('jobs/daily.sh')
    expect((await validatePlans([main!], { shellcheck: false })).errors).toEqual([])
    const broken = { ...main!, scrontabBlock: main!.scrontabBlock.replace('--time=06:00:00', '--array=1-3') }
    expect(
      (await validatePlans([broken], { shellcheck: false })).errors.map(e => e.message).join('\n')
    ).toMatch(/--array/)
  })
})

describe('the entries of a scrontab table', () => {
  it('are read the same way by the plan and by the deploy script', () => {
    const ours = scrontabEntries(TABLE)
    expect(ours).toEqual([
      { state: 'live', name: 'foreign-nightly', line: '0 3 * * * /bin/true' },
      { state: 'live', name: '-', line: '@hourly /bin/echo unnamed' },
      {
        state: 'disabled',
        name: 'caqrn-production-daily',
        line: '0 2 * * * /projects/caqrn/production/jobs/daily.sh'
      },
      {
        state: 'live',
        name: 'caqrn-production-weekly',
        line: '0 4 * * sun /projects/caqrn/production/jobs/weekly.sh'
      }
    ])
    const script = bash('sg_scrontab_entries -', TABLE)
    expect(script.status).toBe(0)
    expect(script.stdout).toBe(ours.map(e => `${e.state}\t${e.name}\t${e.line}\n`).join(''))
    expect(bash('sg_scrontab_job_names disabled -', TABLE).stdout).toBe('caqrn-production-daily\n')
  })

  it('an entry of the block disabled on the cluster and live in the new block is named in a warning; one kept off is not', () => {
    const block = (daily: string) =>
      [
        '# >>> slurm-gitops caqrn production >>>',
        '#SCRON --job-name=caqrn-production-daily',
        `${daily}0 2 * * * /projects/caqrn/production/jobs/daily.sh`,
        '#SCRON --job-name=caqrn-production-weekly',
        '0 4 * * sun /projects/caqrn/production/jobs/weekly.sh',
        '# <<< slurm-gitops caqrn production <<<'
      ].join('\n')
    const run = (newBlock: string) =>
      bash(
        `t=$(mktemp -d); cat >"$t/old"; printf '%s\\n' "$NEW_BLOCK" >"$t/new"
         sg_scrontab_reenabled "$t/old" "$t/new"; rm -r "$t"`,
        TABLE,
        { NEW_BLOCK: newBlock }
      )
    const enabled = run(block(''))
    expect(enabled.status).toBe(0)
    expect(enabled.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        /^::sg-n::warning the scheduled job caqrn-production-daily was disabled on the cluster \(#DISABLED: in the scrontab.*set enabled: false/
      )
    ])
    expect(run(block('#DISABLED: ')).stdout).toBe('')
  })
})

describe('what the PR plan says about scheduled jobs', () => {
  it('names a job kept off, and what a changed block makes Slurm do to every cron job of the account', async () => {
    const base = await plansWith([])
    const head = await plansWith([
      [['deployments', 'main', 'jobs', 0, 'enabled'], false],
      [['deployments', 'develop', 'jobs', 0, 'schedule'], '45 3 * * *']
    ])
    const notes = scheduleNotes(head, diffPlans(head, base))
    expect(notes?.split('\n')).toEqual([
      '**Scheduled jobs**',
      '',
      '- `caqrn-production-daily` of `main` → production is **off** (`enabled: false`): its entry is in the block as `#DISABLED:`, so Slurm does not run it.',
      "- Deploying `main` installs a changed scrontab block. Slurm then drops every cron job of the service account and submits each entry again, with a new job id: `caqrn-development-daily`, and any entry outside them. A run in progress finishes as a one-off, and its entry next runs at its next scheduled time; the deploy's summary names the jobs that were running.",
      "- Deploying `develop` installs a changed scrontab block. Slurm then drops every cron job of the service account and submits each entry again, with a new job id: `caqrn-development-daily`, and any entry outside them. A run in progress finishes as a one-off, and its entry next runs at its next scheduled time; the deploy's summary names the jobs that were running."
    ])
    expect(scheduleNotes(base, diffPlans(base, base))).toBeUndefined()
  })

  it('says that the jobs of a deployment dropped from the config stay scheduled until it is removed', async () => {
    const base = await plansWith([])
    const head = base.filter(plan => plan.branch === 'main')
    expect(scheduleNotes(head, diffPlans(head, base))).toContain(
      '- `develop` is no longer in the config: its jobs stay scheduled on the cluster until `slurm-gitops remove --branch develop` removes the deployment.'
    )
  })
})

describe('the deploy summary after a reinstall', () => {
  it('names the entries resubmitted and the jobs that were running', async () => {
    const [plan] = await plansWith([])
    const b64 = (text: string) => Buffer.from(text).toString('base64')
    const report: ExecutionReport = {
      exitCode: 0,
      steps: [],
      results: {
        scrontab: 'changed',
        resubmitted: b64('foreign-nightly\n-\ncaqrn-production-daily\n'),
        'running-jobs': b64('123\tcaqrn-development-daily\t2026-12-02T03:30:00\n')
      },
      warnings: [],
      timedOut: false,
      cancelled: false,
      completed: true,
      durationMs: 1,
      tail: []
    }
    const outcome: DeploymentRun = {
      kind: 'ran',
      mode: 'deploy',
      branch: 'main',
      plan: plan!,
      params: completeRunValues({ mode: 'deploy', sha: '', target: '', bundle: '', actor: 'a', runUrl: '' }),
      report,
      outputs: parseResults(report, 'deploy', 'production'),
      stats: { connections: 1, commands: 1 },
      transport: 'test'
    }
    const notes = deploySummary(outcome).sections.find(s => s.title === 'Notes')?.body
    expect(notes?.split('\n')).toEqual([
      '- **scrontab reinstalled:** Slurm dropped every cron job of the service account and submitted each entry again, with a new job id: `foreign-nightly`, `caqrn-production-daily`, 1 entry without a job name.',
      '- **Running during the install:** `caqrn-development-daily` (job 123, since 2026-12-02T03:30:00) finishes as a one-off run; its entry next runs at its next scheduled time.'
    ])
  })
})
