// Sync from the status step's facts: one kind of drift at a time, each with its reason.
import { describe, expect, it } from '@jest/globals'
import type { BranchPosition } from '../../src/repo/branch-position.js'
import { statusFacts } from '../../src/status/facts.js'
import { scrontabEntries } from '../../src/status/scrontab-entries.js'
import { decideSync } from '../../src/status/sync.js'
import { BLOCK, JOB, ROOT, SHA, base64, statusResults } from '../status-results.js'

const TIP = 'b'.repeat(40)
const atTip: BranchPosition = { tip: SHA, distance: { behind: 0, ahead: 0 } }

function sync(change: Record<string, string | undefined> = {}, position: BranchPosition = atTip) {
  const results = statusResults() as Record<string, string | undefined>
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete results[key]
    else results[key] = value
  }
  return decideSync({ branch: 'main', facts: statusFacts(results as Record<string, string>), position })
}

const codes = (verdict: { reasons: { code: string }[] }) => verdict.reasons.map(r => r.code)
const disabled = (block: string) => block.replace(/^(#SCRON .*|0 2 .*)$/gm, line => `#DISABLED: ${line}`)

describe('decideSync', () => {
  it('is Synced when the tip is live with its own block, files and links', () => {
    expect(sync()).toEqual({ status: 'Synced', reasons: [], notes: [] })
  })

  it('says how far the deployed commit is from the tip, and when that is unknown', () => {
    expect(sync({}, { tip: TIP, distance: { behind: 3, ahead: 0 } }).reasons).toEqual([
      {
        code: 'behind',
        message: `the deployed commit ${SHA.slice(0, 12)} is not the tip of main (${TIP.slice(0, 12)}): 3 commits behind`
      }
    ])
    expect(sync({}, { tip: TIP }).reasons[0]!.message).toContain(
      'how many commits behind is unknown: aaaaaaaaaaaa is not in the local repository, or its history is shallow'
    )
    expect(codes(sync({}, { tip: TIP, distance: { behind: 0, ahead: 2 } }))).toEqual(['ahead'])
    const diverged = sync({}, { tip: TIP, distance: { behind: 1, ahead: 2 } })
    expect(diverged.status).toBe('OutOfSync')
    expect(diverged.reasons[0]!.message).toContain(
      '1 commit of main is not deployed, and 2 commits deployed are not on main'
    )
  })

  it('is Unknown, not Synced, when the branch is not in the local repository', () => {
    const verdict = sync({}, { tip: undefined, why: 'branch main is not in the repository at /w' })
    expect(verdict.status).toBe('Unknown')
    expect(codes(verdict)).toEqual(['tip-unknown'])
  })

  it('is OutOfSync when nothing, or no complete release, is behind current', () => {
    const none = sync({ current: 'missing', sha: '-', release: '', 'release-block': undefined }, { tip: TIP })
    expect(none.status).toBe('OutOfSync')
    expect(codes(none)).toEqual(['not-deployed'])
    expect(codes(sync({ current: 'incomplete', 'release-block': undefined }))).toEqual(['current-incomplete'])
  })

  it('tells a block that is gone, entries Slurm disabled (scancel), and a hand edit apart', () => {
    expect(codes(sync({ 'scrontab-block': '' }))).toEqual(['block-missing'])

    const scancelled = sync({ 'scrontab-block': base64(disabled(BLOCK)) })
    expect(scancelled.status).toBe('OutOfSync')
    expect(scancelled.reasons).toEqual([
      {
        code: 'entry-disabled',
        message: `the entry of ${JOB} is #DISABLED in the scrontab (Slurm comments an entry out when its cron job is cancelled with scancel), so it does not run; the next deploy re-enables it`
      }
    ])

    const edited = sync({ 'scrontab-block': base64(BLOCK.replace('0 2 * * *', '0 5 * * *')) })
    expect(codes(edited)).toEqual(['block-differs'])
    expect(edited.reasons[0]!.message).toContain(
      `--- live release\n+++ scrontab table\n@@ -3,3 +3,3 @@\n #SCRON`
    )
    expect(edited.reasons[0]!.message).toContain(
      `-0 2 * * * ${ROOT}/jobs/daily.sh\n+0 5 * * * ${ROOT}/jobs/daily.sh`
    )

    const both = sync({
      'scrontab-block': base64(disabled(BLOCK.replace('0 2 * * *', '0 2 * * *\n0 9 * * * x')))
    })
    expect(codes(both)).toEqual(['entry-disabled', 'block-differs'])
  })

  it('takes an entry the live release itself disables as it is', () => {
    const off = disabled(BLOCK)
    expect(scrontabEntries(off)[0]).toMatchObject({ jobName: JOB, disabled: true })
    expect(sync({ 'release-block': base64(off), 'scrontab-block': base64(off) }).status).toBe('Synced')
  })

  it('is OutOfSync while a go-live is unfinished, and notes a go-live it repaired', () => {
    const live = sync({ golive: 'a run is going live right now: the deploy of b by octocat' })
    expect(codes(live)).toEqual(['going-live'])
    const repaired = sync({ repaired: 'completed the interrupted deploy of b' })
    expect(repaired.status).toBe('Synced')
    expect(repaired.notes).toEqual([
      { code: 'repaired', message: 'status repaired first: completed the interrupted deploy of b' }
    ])
  })

  it('is OutOfSync when the live release was changed by hand; a release without checksums is only noted', () => {
    const changed = sync({
      'release-files': 'changed',
      'changed-files': 'modified:env.sh missing:jobs/daily.options added:jobs/extra.sh '
    })
    expect(changed.reasons).toEqual([
      {
        code: 'files-changed',
        message: `files of the live release ${ROOT}/releases/${SHA} were changed after the deploy: env.sh (modified), jobs/daily.options (missing), jobs/extra.sh (added); a release is never modified, so someone edited it by hand`
      }
    ])
    const old = sync({ 'release-files': 'unverifiable' })
    expect(old.status).toBe('Synced')
    expect(codes({ reasons: old.notes })).toEqual(['files-unverifiable'])
    expect(codes(sync({ 'stable-links': 'env.sh jobs' }))).toEqual(['links-changed'])
  })

  it('is Unknown when the table or a fact could not be read', () => {
    const unreadable = sync({
      'scrontab-block': undefined,
      'scrontab-error': 'error: scrontab -l failed (exit 1)'
    })
    expect(unreadable.status).toBe('Unknown')
    expect(codes(unreadable)).toEqual(['scrontab-unreadable'])
    // An overridden status step that does not report a key.
    expect(sync({ golive: undefined }).reasons).toEqual([
      {
        code: 'not-reported',
        message:
          'the status step did not report golive (an overridden steps/status.sh must keep its result keys)'
      }
    ])
  })

  it('lists every reason at once', () => {
    const verdict = sync(
      {
        'scrontab-block': base64(disabled(BLOCK)),
        'release-files': 'changed',
        'changed-files': 'modified:env.sh'
      },
      { tip: TIP, distance: { behind: 1, ahead: 0 } }
    )
    expect(codes(verdict)).toEqual(['behind', 'entry-disabled', 'files-changed'])
  })
})
