// Sync: does the cluster run what git says for this deployment? Out of sync for every difference the status
// step found (each one a reason): the deployed commit is not the branch's tip, the table holds another block than
// the live release's or has its entries #DISABLED, `current` is missing or incomplete, a go-live is unfinished, the
// live release's files or the stable links were changed. Unknown when something could not be looked at and
// nothing was found out of sync.
import { createTwoFilesPatch } from 'diff'
import type { BranchPosition } from '../repo/branch-position.js'
import type { StatusFacts } from './facts.js'
import { enabledBlock, scrontabEntries } from './scrontab-entries.js'
import type { Reason, SyncStatus, Verdict } from './verdict.js'

export interface SyncInput {
  branch: string
  facts: StatusFacts
  position: BranchPosition
}

const short = (sha: string) => sha.slice(0, 12)

export function decideSync({ branch, facts, position }: SyncInput): Verdict<SyncStatus> {
  const outOfSync: Reason[] = []
  const unknown: Reason[] = []
  const notes: Reason[] = []
  const out = (code: string, message: string) => outOfSync.push({ code, message })

  if (facts.repaired) notes.push({ code: 'repaired', message: `status repaired first: ${facts.repaired}` })
  if (facts.goingLive === undefined) unknown.push(unreported('golive'))
  else if (facts.goingLive)
    out('going-live', `a go-live is unfinished: ${facts.goingLive}; look again when that run has ended`)

  if (facts.current === undefined) unknown.push(unreported('current'))
  else if (facts.current === 'missing')
    out(
      'not-deployed',
      `nothing is deployed: the deployment has no \`current\` (deploy ${branch} to create it)`
    )
  else if (facts.current === 'incomplete')
    out(
      'current-incomplete',
      `\`current\` points at ${facts.release || 'something'}, which is not a complete release (made by hand, or a release was removed); deploy or roll back to repair it`
    )

  const commit = commitReason(branch, facts.sha, position)
  if (commit?.code === 'tip-unknown') unknown.push(commit)
  else if (commit) outOfSync.push(commit)

  if (facts.current === 'complete') {
    outOfSync.push(...scheduleReasons(facts, unknown))
    outOfSync.push(...fileReasons(facts, unknown, notes))
  }

  const status: SyncStatus = outOfSync.length > 0 ? 'OutOfSync' : unknown.length > 0 ? 'Unknown' : 'Synced'
  return { status, reasons: [...outOfSync, ...unknown], notes }
}

function unreported(key: string): Reason {
  return {
    code: 'not-reported',
    message: `the status step did not report ${key} (an overridden steps/status.sh must keep its result keys)`
  }
}

/** The deployed commit against the branch's tip; undefined when it is the tip. */
function commitReason(branch: string, sha: string, position: BranchPosition): Reason | undefined {
  if (!sha) return undefined // nothing deployed: said once, by `current`
  if (position.tip === undefined)
    return { code: 'tip-unknown', message: `cannot tell whether ${short(sha)} is the tip: ${position.why}` }
  if (sha === position.tip) return undefined
  const deployed = `the deployed commit ${short(sha)} is not the tip of ${branch} (${short(position.tip)})`
  const distance = position.distance
  if (!distance)
    return {
      code: 'behind',
      message: `${deployed}; how many commits behind is unknown: ${short(sha)} is not in the local repository, or its history is shallow (actions/checkout: fetch-depth: 0)`
    }
  const commits = (n: number) => `${n} commit${n === 1 ? '' : 's'}`
  const be = (n: number) => (n === 1 ? 'is' : 'are')
  if (distance.ahead === 0)
    return { code: 'behind', message: `${deployed}: ${commits(distance.behind)} behind` }
  if (distance.behind === 0)
    return {
      code: 'ahead',
      message: `${deployed}: ${commits(distance.ahead)} ahead of it (a commit the local ${branch} does not have yet: fetch it; or a commit of another branch was deployed)`
    }
  return {
    code: 'diverged',
    message: `${deployed}, nor on it: ${commits(distance.behind)} of ${branch} ${be(distance.behind)} not deployed, and ${commits(distance.ahead)} deployed ${be(distance.ahead)} not on ${branch} (its history was rewritten, or another branch was deployed)`
  }
}

/** The table's block against the live release's: missing, edited, entries #DISABLED. */
function scheduleReasons(facts: StatusFacts, unknown: Reason[]): Reason[] {
  if (facts.tableError !== undefined) {
    unknown.push({
      code: 'scrontab-unreadable',
      message: `the scrontab table could not be read: ${facts.tableError}`
    })
    return []
  }
  if (facts.tableBlock === undefined || facts.releaseBlock === undefined) {
    unknown.push(unreported(facts.tableBlock === undefined ? 'scrontab-block' : 'release-block'))
    return []
  }
  const table = withFinalNewline(facts.tableBlock)
  const release = withFinalNewline(facts.releaseBlock)
  if (table === release) return []
  if (table.trim() === '')
    return [
      {
        code: 'block-missing',
        message:
          'the scrontab has no block of this deployment: it was removed, or the table was replaced (by hand or by another tool); the jobs are not scheduled until the next deploy installs it'
      }
    ]
  const reasons: Reason[] = []
  const releaseDisabled = new Set(
    scrontabEntries(release)
      .filter(e => e.disabled)
      .map(e => e.jobName)
  )
  for (const entry of scrontabEntries(table)) {
    if (!entry.disabled || releaseDisabled.has(entry.jobName)) continue
    reasons.push({
      code: 'entry-disabled',
      message: `the entry of ${entry.jobName || entry.command} is #DISABLED in the scrontab (Slurm comments an entry out when its cron job is cancelled with scancel), so it does not run; the next deploy re-enables it`
    })
  }
  // What is left after Slurm's #DISABLED: prefixes are taken off was edited.
  if (enabledBlock(table) !== enabledBlock(release))
    reasons.push({
      code: 'block-differs',
      message: `the scrontab block differs from the live release's (edited by hand?); the next deploy puts the release's back:\n${blockDiff(release, table)}`
    })
  return reasons
}

/** The live release's files against their checksums, and the stable links. */
function fileReasons(facts: StatusFacts, unknown: Reason[], notes: Reason[]): Reason[] {
  const reasons: Reason[] = []
  if (facts.releaseFiles === undefined) unknown.push(unreported('release-files'))
  else if (facts.releaseFiles === 'unverifiable')
    notes.push({
      code: 'files-unverifiable',
      message:
        'the live release was made before slurm-gitops recorded checksums: whether its env and job scripts were changed is unknown (a release made by the next deploy has them)'
    })
  else if (facts.releaseFiles === 'changed') {
    const list = facts.changedFiles.map(f => `${f.path} (${f.change})`).join(', ')
    reasons.push({
      code: 'files-changed',
      message: `files of the live release ${facts.release} were changed after the deploy: ${list || 'see the status log'}; a release is never modified, so someone edited it by hand`
    })
  }
  if (facts.staleLinks === undefined) unknown.push(unreported('stable-links'))
  else if (facts.staleLinks.length > 0)
    reasons.push({
      code: 'links-changed',
      message: `${facts.staleLinks.join(', ')} in the deployment's root no longer point into current (replaced by hand?): users and jobs do not get the live release's files there`
    })
  return reasons
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}

/** A unified diff of the release's block (what deploy installs) against the table's. */
function blockDiff(release: string, table: string): string {
  const patch = createTwoFilesPatch('live release', 'scrontab table', release, table, '', '', { context: 1 })
  // From the lines that name the two sides (`--- live release`, `+++ scrontab table`), without the rule above.
  const lines = patch.split('\n')
  return lines
    .slice(lines.findIndex(line => line.startsWith('--- ')))
    .join('\n')
    .trimEnd()
}
