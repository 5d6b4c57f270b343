// The reviewed plan: each deployment's fingerprint as the PR comment records it, read back and compared with
// the plan a push deploys. Real plans of examples/caqrn, with the config or requirements changed.
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { planRepository } from '../../src/plan/plan-repository.js'
import { workingTreeReader } from '../../src/repo/working-tree.js'
import type { RepoReader } from '../../src/repo/reader.js'
import { compareFingerprints, planFingerprint } from '../../src/plan/plan-fingerprint.js'
import { decodePlanRecord, encodePlanRecord } from '../../src/report/plan-record.js'
import { judgeReview, reviewAllowsDeploy, type PlanReview, type PullRef } from '../../src/plan/plan-review.js'
import { reviewNote } from '../../src/report/review-note.js'

const CONFIG = '.github/slurm-gitops.yml'
const example = workingTreeReader(path.resolve('examples/caqrn'))

/** The example with files replaced (path → text transform). */
function edited(edits: Record<string, (text: string) => string>): RepoReader {
  return async file => {
    const text = await example(file)
    const edit = edits[file]
    return text !== undefined && edit ? edit(text) : text
  }
}

async function mainPlan(read: RepoReader = example) {
  const { plans } = await planRepository(read, CONFIG, ['main'])
  return plans[0]!
}

const pull: PullRef = {
  number: 12,
  url: 'https://github.com/caqrn/pipeline/pull/12',
  headSha: 'f'.repeat(40)
}

describe('planFingerprint', () => {
  it('is the same for the same plan, and names each file the plan shows', async () => {
    const one = planFingerprint(await mainPlan())
    expect(planFingerprint(await mainPlan())).toEqual(one)
    expect(one.plan).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.keys(one.files)).toEqual([
      '.slurm-gitops/env.sh',
      '.slurm-gitops/sandbox-env.sh',
      '.slurm-gitops/jobs/daily.sh',
      '.slurm-gitops/jobs/daily.options',
      '.slurm-gitops/scrontab',
      'requirements.txt (venv)',
      'deploy script'
    ])
  })

  it('names what a schedule change changes: the scrontab block, not the deploy script', async () => {
    const before = planFingerprint(await mainPlan())
    const after = planFingerprint(
      await mainPlan(edited({ [CONFIG]: t => t.replace("schedule: '0 2 * * *'", "schedule: '15 4 * * *'") }))
    )
    expect(compareFingerprints(before, after)).toEqual({
      same: false,
      changed: ['.slurm-gitops/scrontab'],
      added: [],
      removed: []
    })
  })

  it('names a requirements change and a new job', async () => {
    const before = planFingerprint(await mainPlan())
    const after = planFingerprint(
      await mainPlan(
        edited({
          'requirements.txt': () => 'caqrn-utils==1.1.0\n',
          [CONFIG]: t =>
            t.replace(
              "        sbatch: ['--mem=4G', '--cpus-per-task=2']\n",
              "        sbatch: ['--mem=4G', '--cpus-per-task=2']\n" +
                "      - { name: weekly, schedule: '0 5 * * 0', time: '01:00:00', command: 'python -m caqrn.pipeline' }\n"
            )
        })
      )
    )
    const comparison = compareFingerprints(before, after)
    expect(comparison.same).toBe(false)
    expect(comparison.added).toEqual(['.slurm-gitops/jobs/weekly.sh', '.slurm-gitops/jobs/weekly.options'])
    expect(comparison.changed).toEqual(
      expect.arrayContaining(['.slurm-gitops/scrontab', 'requirements.txt (venv)'])
    )
    expect(comparison.removed).toEqual([])
  })
})

describe('the plan record in the sticky comment', () => {
  it('survives the round trip through a comment body, hidden in one HTML comment', async () => {
    const record = {
      head: 'b'.repeat(40),
      base: 'a'.repeat(40),
      deployments: { main: planFingerprint(await mainPlan()) }
    }
    const line = encodePlanRecord(record)
    expect(line).toMatch(/^<!-- slurm-gitops:reviewed-plan v1 \{.*\} -->$/)
    expect(line.slice(4, -3)).not.toMatch(/[<>]/)
    const body = `<!-- slurm-gitops:plan -->\n${line}\n### slurm-gitops plan\n`
    expect(decodePlanRecord(body)).toEqual(record)
  })

  it('cannot be ended early by a branch name, and a malformed or foreign record reads as none', () => {
    const line = encodePlanRecord({ deployments: { 'x-->y': { plan: 'c'.repeat(64), files: {} } } })
    expect(line.indexOf('-->')).toBe(line.length - 3)
    expect(decodePlanRecord(line)?.deployments['x-->y']).toBeDefined()
    expect(decodePlanRecord('<!-- slurm-gitops:reviewed-plan v1 {not json} -->')).toBeUndefined()
    expect(
      decodePlanRecord(
        '<!-- slurm-gitops:reviewed-plan v1 {"deployments":{"main":{"plan":"x","files":{}}}} -->'
      )
    ).toBeUndefined()
    expect(decodePlanRecord('a comment without a record')).toBeUndefined()
  })
})

describe('judgeReview and what the deploy says', () => {
  it('is "reviewed" only for exactly the recorded plan', async () => {
    const fingerprint = planFingerprint(await mainPlan())
    const record = { head: pull.headSha, deployments: { main: fingerprint } }
    const review = judgeReview({ kind: 'found', pull, record }, 'main', fingerprint)
    expect(review.kind).toBe('reviewed')
    expect(reviewAllowsDeploy(review, true)).toBe(true)
    expect(reviewNote(review, { required: true })).toEqual({
      text: 'Deployed exactly the plan reviewed in #12.',
      markdown: '✅ Deployed exactly the plan reviewed in [#12](https://github.com/caqrn/pipeline/pull/12).'
    })
  })

  it('says what differs, and refuses it when required', async () => {
    const reviewed = planFingerprint(await mainPlan())
    const deployed = planFingerprint(
      await mainPlan(edited({ [CONFIG]: t => t.replace("schedule: '0 2 * * *'", "schedule: '15 4 * * *'") }))
    )
    const review = judgeReview(
      { kind: 'found', pull, record: { head: pull.headSha, deployments: { main: reviewed } } },
      'main',
      deployed
    )
    expect(review.kind).toBe('differs')
    expect(reviewAllowsDeploy(review, false)).toBe(true)
    expect(reviewAllowsDeploy(review, true)).toBe(false)
    expect(reviewNote(review, { required: false }).text).toBe(
      'Differs from the plan reviewed in #12 (rendered at head fffffff): changed .slurm-gitops/scrontab. The base ' +
        'moved after the review, or the merge combined changes that were reviewed apart.'
    )
    expect(reviewNote(review, { required: true }).markdown).toMatch(
      /^⚠️ Refused: this plan differs from the plan reviewed in \[#12\]\(.*\) \(rendered at head fffffff\): changed `\.slurm-gitops\/scrontab`\. .* requireReviewedPlan is set: nothing was deployed\.$/
    )
  })

  const others: [PlanReview, string][] = [
    [
      { kind: 'not-planned', pull },
      'Not the reviewed plan: the plan comment of #12 shows no plan for this deployment.'
    ],
    [{ kind: 'no-record', pull }, 'No reviewed plan: #12 has no plan comment (a fork'],
    [
      { kind: 'no-pull-request' },
      'No reviewed plan: no pull request into this branch was merged as this commit'
    ],
    [
      { kind: 'unchecked', reason: 'the github-token input is empty' },
      'The reviewed plan was not checked: the github-token input is empty.'
    ]
  ]
  it.each(others.map(([review, text]) => ({ kind: review.kind, review, text })))(
    '$kind: a note, and a refusal only when required',
    ({ review, text }) => {
      expect(reviewNote(review, { required: false }).text).toContain(text)
      expect(reviewNote(review, { required: false }).markdown).toMatch(/^ℹ️|^⚠️/)
      expect(reviewAllowsDeploy(review, false)).toBe(true)
      expect(reviewAllowsDeploy(review, true)).toBe(false)
      expect(reviewNote(review, { required: true }).text).toMatch(
        /requireReviewedPlan is set: nothing was deployed\.$/
      )
    }
  )

  it('finds no plan for a deployment the comment does not record', async () => {
    const fingerprint = planFingerprint(await mainPlan())
    const review = judgeReview(
      { kind: 'found', pull, record: { deployments: { main: fingerprint } } },
      'develop',
      fingerprint
    )
    expect(review).toEqual({ kind: 'not-planned', pull })
  })
})
