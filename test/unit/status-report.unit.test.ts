// One DeploymentStatus, three presentations: the JSON of docs/status-json.md, the CLI's text, the action's job
// summary; and the verdicts that fail the action's step.
import { completeRunValues } from '../../src/plan/types.js'
import { describe, expect, it } from '@jest/globals'
import { failingVerdicts } from '../../src/action/status-command.js'
import type { ExecutionReport } from '../../src/exec/executor.js'
import type { DeploymentRun } from '../../src/operations/deployment.js'
import { renderStatusMarkdown } from '../../src/report/status-markdown.js'
import { renderStatusText } from '../../src/report/status-text.js'
import { deploymentStatus, type DeploymentStatus } from '../../src/status/deployment-status.js'
import { STATUS_JSON_VERSION, statusJson } from '../../src/status/status-json.js'
import { BLOCK, NOW, ROOT, SHA, base64, cronRun, statusResults } from '../status-results.js'

const TIP = 'b'.repeat(40)

function report(results: Record<string, string>, failed = false): ExecutionReport {
  const step = {
    name: 'status',
    exitCode: failed ? 255 : 0,
    durationMs: 900,
    tail: ['squeue: error'],
    completed: !failed
  }
  return {
    exitCode: failed ? 255 : 0,
    steps: [step],
    results,
    warnings: [],
    ...(failed
      ? {
          failedStep: step,
          problem: 'the remote script ended without reporting completion (connection lost?)'
        }
      : {}),
    timedOut: false,
    cancelled: false,
    completed: !failed,
    durationMs: 1000,
    tail: []
  }
}

function run(results: Record<string, string>, failed = false): DeploymentRun {
  return {
    kind: 'ran',
    mode: 'status',
    branch: 'main',
    plan: {
      branch: 'main',
      environment: 'production',
      root: ROOT,
      files: [],
      script: '',
      scrontabBlock: '',
      inputs: [],
      fingerprint: '',
      schedule: { jobs: [] }
    },
    params: completeRunValues({
      mode: 'status',
      sha: '',
      target: '',
      bundle: '',
      actor: 'a',
      runUrl: 'cli',
      lookbackSeconds: '604800'
    }),
    report: report(results, failed),
    outputs: {} as DeploymentRun['outputs'],
    stats: { connections: 1, commands: 1 },
    transport: 'caqrn@login (ssh)'
  }
}

const synced = () =>
  deploymentStatus(run(statusResults()), { tip: SHA, distance: { behind: 0, ahead: 0 } }, NOW)
const drifted = () =>
  deploymentStatus(
    run(
      statusResults({
        'scrontab-block': base64(BLOCK.replace('0 2 * * *', '0 5 * * *')),
        runs: base64(cronRun('812', '2026-12-02T02:00:02Z', 4, '3:0'))
      })
    ),
    { tip: TIP, distance: { behind: 2, ahead: 0 } },
    NOW
  )

describe('statusJson', () => {
  it('has the documented, versioned shape', () => {
    const json = statusJson([synced()])
    expect(STATUS_JSON_VERSION).toBe(1)
    expect(json).toMatchObject({ version: 1, command: 'status', ok: true, sync: 'Synced', health: 'Healthy' })
    const [deployment] = json.deployments
    expect(deployment).toEqual({
      branch: 'main',
      environment: 'production',
      root: ROOT,
      ok: true,
      error: null,
      deployed: {
        sha: SHA,
        release: `${ROOT}/releases/${SHA}`,
        liveSince: {
          utc: '2026-11-29T09:00:00.000Z',
          local: 'Sun 2026-11-29 09:00 Etc/UTC',
          relative: '3 d 1 h ago'
        },
        branchTip: SHA,
        commitsBehind: 0,
        commitsAhead: 0
      },
      sync: { status: 'Synced', reasons: [], notes: [] },
      health: { status: 'Healthy', reasons: [], notes: [] },
      jobs: [
        {
          name: 'daily',
          jobName: 'caqrn-production-daily',
          schedule: '0 2 * * *',
          enabled: true,
          health: 'Healthy',
          reasons: [],
          lastRuns: [
            {
              jobId: '812',
              state: 'REQUEUED',
              exitCode: '0:0',
              outcome: 'succeeded',
              summary: 'COMPLETED',
              start: {
                utc: '2026-12-02T02:00:02.000Z',
                local: 'Wed 2026-12-02 02:00 Etc/UTC',
                relative: '8 h ago'
              },
              end: {
                utc: '2026-12-02T02:00:07.000Z',
                local: 'Wed 2026-12-02 02:00 Etc/UTC',
                relative: '8 h ago'
              },
              elapsedSeconds: 5
            },
            expect.objectContaining({ start: expect.objectContaining({ utc: '2026-12-01T02:00:01.000Z' }) })
          ],
          queued: {
            jobId: '812',
            state: 'PENDING',
            reason: 'BeginTime',
            start: {
              utc: '2026-12-03T02:00:00.000Z',
              local: 'Thu 2026-12-03 02:00 Etc/UTC',
              relative: 'in 16 h'
            }
          }
        }
      ],
      clusterTime: { now: '2026-12-02T10:00:00.000Z', timeZone: 'Etc/UTC' },
      warnings: []
    })
  })

  it('gives the worst verdicts on top, reasons with codes, and unknowns where the status run failed', () => {
    const failed = deploymentStatus(run({}, true), { tip: SHA }, NOW)
    const json = statusJson([synced(), drifted(), failed])
    expect(json).toMatchObject({ ok: false, sync: 'OutOfSync', health: 'Degraded' })
    expect(json.deployments[1]!.sync.reasons.map(r => r.code)).toEqual(['behind', 'block-differs'])
    expect(json.deployments[1]!.health.reasons).toEqual([
      expect.objectContaining({ code: 'last-run-failed', job: 'daily' })
    ])
    expect(json.deployments[2]).toMatchObject({
      ok: false,
      error: expect.stringContaining('connection lost'),
      sync: { status: 'Unknown', reasons: [{ code: 'status-failed' }] },
      health: { status: 'Unknown', reasons: [{ code: 'status-failed' }] },
      deployed: { sha: null, branchTip: SHA, commitsBehind: null }
    })
  })
})

describe('presenters', () => {
  it('prints every reason and each job’s next start and last runs for people', () => {
    const text = renderStatusText([drifted()])
    expect(text).toContain('main → production: OutOfSync, Degraded')
    expect(text).toContain(`  deployed: ${SHA.slice(0, 12)}, 2 commits behind main (${TIP.slice(0, 12)})`)
    expect(text).toContain('    - the scrontab block differs from the live release')
    expect(text).toContain('      +0 5 * * * /projects/caqrn/production/jobs/daily.sh')
    expect(text).toContain('  jobs (times in Etc/UTC):\n    daily  0 2 * * *  Degraded')
    expect(text).toContain(
      '      next start: Thu 2026-12-03 02:00 Etc/UTC (in 16 h), job 812 PENDING (BeginTime)'
    )
    expect(text).toContain('        812  FAILED 3:0  Wed 2026-12-02 02:00 Etc/UTC (8 h ago), 4s')
  })

  it('summarizes in one table, then reasons, diffs in a block, and jobs per deployment', () => {
    const markdown = renderStatusMarkdown([synced(), drifted()])
    expect(markdown).toContain('## slurm-gitops status: ❌ OutOfSync · ❌ Degraded')
    expect(markdown).toContain('| main → production | ✅ Synced | ✅ Healthy | `aaaaaaaaaaaa` (tip) |')
    expect(markdown).toContain(
      '| main → production | ❌ OutOfSync | ❌ Degraded | `aaaaaaaaaaaa` (2 commits behind `bbbbbbbbbbbb`) |'
    )
    expect(markdown).toContain('```diff\n--- live release\n+++ scrontab table')
    expect(markdown).toContain('- **daily**: its last run (job 812')
    expect(markdown).toMatch(
      /\| daily \| `0 2 \* \* \*` \| ❌ Degraded \| Thu 2026-12-03 02:00 Etc\/UTC \(in 16 h\) \| 812 FAILED 3:0, /
    )
  })
})

describe('failingVerdicts', () => {
  const statuses = (): DeploymentStatus[] => [synced(), drifted()]

  it('fails on what fail-on names, always on a status run that failed', () => {
    expect(failingVerdicts([synced()], ['out-of-sync', 'degraded'])).toEqual([])
    const both = failingVerdicts(statuses(), ['out-of-sync', 'degraded'])
    expect(both).toHaveLength(2)
    expect(both[0]).toMatch(
      /^main \(production\) is OutOfSync: the deployed commit aaaaaaaaaaaa is not the tip of main \(bbbbbbbbbbbb\): 2 commits behind; the scrontab block differs/
    )
    expect(both[1]).toMatch(/^main \(production\) is Degraded: daily: its last run/)
    expect(failingVerdicts(statuses(), ['degraded'])).toHaveLength(1)
    expect(failingVerdicts(statuses(), [])).toEqual([])
    const failed = deploymentStatus(run({}, true), { tip: SHA }, NOW)
    expect(failingVerdicts([failed], [])).toEqual([
      expect.stringMatching(/^main \(production\): .*connection lost/)
    ])
    const unknown = deploymentStatus(
      run(statusResults()),
      { tip: undefined, why: 'no branch main here' },
      NOW
    )
    expect(failingVerdicts([unknown], ['out-of-sync'])).toEqual([])
    expect(failingVerdicts([unknown], ['unknown'])).toEqual([
      'main (production) is partly Unknown: cannot tell whether aaaaaaaaaaaa is the tip: no branch main here'
    ])
  })
})
