// What the deploy says about the plan it runs and the plan its pull request showed: one sentence for the log
// and the step's error, the same with links for the job summary.
import type { PlanReview } from '../plan/plan-review.js'
import { code, escapeText } from './markdown-text.js'

export interface ReviewNote {
  /** For the log and core.setFailed. */
  text: string
  /** For the job summary, with the pull request linked. */
  markdown: string
}

export interface ReviewNoteOptions {
  /** The deployment's `requireReviewedPlan`: anything but the reviewed plan is refused. */
  required: boolean
}

export function reviewNote(review: PlanReview, options: ReviewNoteOptions): ReviewNote {
  const pr = (markdown: boolean) =>
    'pull' in review
      ? markdown
        ? `[#${review.pull.number}](${review.pull.url})`
        : `#${review.pull.number}`
      : ''
  const refused = options.required && review.kind !== 'reviewed'
  const icon = review.kind === 'reviewed' ? '✅' : refused || review.kind === 'differs' ? '⚠️' : 'ℹ️'
  const say = (sentence: (markdown: boolean) => string): ReviewNote => {
    const suffix = refused ? ' requireReviewedPlan is set: nothing was deployed.' : ''
    return { text: `${sentence(false)}${suffix}`, markdown: `${icon} ${sentence(true)}${suffix}` }
  }
  switch (review.kind) {
    case 'reviewed':
      return say(md => `Deployed exactly the plan reviewed in ${pr(md)}.`)
    case 'differs': {
      const { changed, added, removed } = review.changes
      const what = (md: boolean) => {
        const list = (paths: string[]) => paths.map(p => (md ? code(p) : p)).join(', ')
        const parts = [
          changed.length > 0 ? `changed ${list(changed)}` : '',
          added.length > 0 ? `new ${list(added)}` : '',
          removed.length > 0 ? `gone ${list(removed)}` : ''
        ].filter(Boolean)
        return parts.length > 0 ? parts.join('; ') : 'the plan as a whole'
      }
      const rendered = review.record.head ? ` (rendered at head ${review.record.head.slice(0, 7)})` : ''
      return say(
        md =>
          `${refused ? 'Refused: this plan differs' : 'Differs'} from the plan reviewed in ${pr(md)}${rendered}: ` +
          `${what(md)}. The base moved after the review, or the merge combined changes that were reviewed apart.`
      )
    }
    case 'not-planned':
      return say(
        md => `Not the reviewed plan: the plan comment of ${pr(md)} shows no plan for this deployment.`
      )
    case 'no-record':
      return say(
        md =>
          `No reviewed plan: ${pr(md)} has no plan comment (a fork's pull request, comment: false, or the plan ` +
          'check did not run).'
      )
    case 'no-pull-request':
      return say(
        () => 'No reviewed plan: no pull request into this branch was merged as this commit (a direct push).'
      )
    case 'unchecked':
      return say(
        md => `The reviewed plan was not checked: ${md ? escapeText(review.reason) : review.reason}.`
      )
  }
}
