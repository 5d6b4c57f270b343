import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import { findComment, upsertStickyComment } from '../../src/github/sticky-comment.js'
import { mergedPull, otherComments, startFakeGitHub, type FakeGitHub } from '../action/fake-github.js'
import { findReviewedPlan } from '../../src/github/reviewed-plan.js'
import { encodePlanRecord } from '../../src/report/plan-record.js'

const MARKER = '<!-- slurm-gitops:plan -->'
const target = { owner: 'caqrn', repo: 'pipeline', issueNumber: 7 }

describe('upsertStickyComment against a local HTTP server', () => {
  let github: FakeGitHub
  let octokit: GitHubClient

  beforeEach(async () => {
    github = await startFakeGitHub()
    octokit = await createGitHubClient('test-token', github.url)
  })
  afterEach(async () => {
    await github.close()
  })

  const writes = () => github.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`)

  it('creates the comment once, then updates it in place', async () => {
    const first = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nplan one`)
    expect(first.status).toBe('created')
    const second = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nplan two`)
    expect(second).toMatchObject({ status: 'updated', id: (first as { id: number }).id })
    expect(writes()).toEqual([
      'POST /repos/caqrn/pipeline/issues/7/comments',
      `PATCH /repos/caqrn/pipeline/issues/comments/${(first as { id: number }).id}`
    ])
    expect(github.comments.get(7)).toHaveLength(1)
    expect(github.comments.get(7)![0]!.body).toBe(`${MARKER}\nplan two`)
    expect(github.requests[0]!.authorization).toBe('token test-token')
  })

  it('leaves an identical comment alone', async () => {
    await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nsame`)
    const again = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nsame`)
    expect(again.status).toBe('unchanged')
    expect(writes()).toHaveLength(1)
  })

  it('pages through the comments to find the marker', async () => {
    const ours = {
      id: 9999,
      body: `${MARKER}\nold plan`,
      html_url: 'https://x/9999',
      user: { login: 'b', type: 'Bot' }
    }
    github.comments.set(7, [...otherComments(250), ours])
    const found = await findComment(octokit, target, MARKER)
    expect(found?.id).toBe(9999)
    const pages = github.requests.filter(r => r.method === 'GET').map(r => r.path)
    expect(pages).toEqual([
      '/repos/caqrn/pipeline/issues/7/comments?per_page=100',
      '/repos/caqrn/pipeline/issues/7/comments?per_page=100&page=2',
      '/repos/caqrn/pipeline/issues/7/comments?per_page=100&page=3'
    ])
    const result = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nnew plan`)
    expect(result).toMatchObject({ status: 'updated', id: 9999 })
    expect(github.comments.get(7)).toHaveLength(251)
  })

  it('does not take a comment that only quotes the marker for ours', async () => {
    github.comments.set(7, [
      { id: 5, body: `> ${MARKER}\n> quoted`, html_url: 'https://x/5', user: { login: 'r', type: 'User' } }
    ])
    const result = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nplan`)
    expect(result.status).toBe('created')
  })

  it('neither updates nor believes a comment someone else wrote with our marker: it writes its own', async () => {
    github.comments.set(7, [
      { id: 6, body: `${MARKER}\nforged`, html_url: 'https://x/6', user: { login: 'r', type: 'User' } }
    ])
    expect(await findComment(octokit, target, MARKER)).toBeUndefined()
    const result = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nplan`)
    expect(result.status).toBe('created')
    expect(github.comments.get(7)!.map(c => c.body)).toEqual([`${MARKER}\nforged`, `${MARKER}\nplan`])
  })

  it.each([403, 404])('returns forbidden without throwing when GitHub answers %d', async status => {
    github.denyWrites = status
    const result = await upsertStickyComment(octokit, target, MARKER, `${MARKER}\nplan`)
    expect(result.status).toBe('forbidden')
    expect((result as { message: string }).message).toContain(`GitHub answered ${status}`)
    expect((result as { message: string }).message).toContain('Resource not accessible by integration')
  })

  it('still throws on other failures: a server error is not a missing permission', async () => {
    github.denyWrites = 500
    await expect(upsertStickyComment(octokit, target, MARKER, `${MARKER}\nx`)).rejects.toMatchObject({
      status: 500
    })
  })
})

describe('findReviewedPlan against a local HTTP server', () => {
  let github: FakeGitHub
  let octokit: GitHubClient
  const sha = 'c'.repeat(40)
  const lookup = () =>
    findReviewedPlan(octokit, { owner: 'caqrn', repo: 'pipeline', sha, branch: 'main', marker: MARKER })
  const record = encodePlanRecord({
    head: 'f'.repeat(40),
    deployments: { main: { plan: 'd'.repeat(64), files: {} } }
  })

  beforeEach(async () => {
    github = await startFakeGitHub()
    octokit = await createGitHubClient('test-token', github.url)
  })
  afterEach(async () => {
    await github.close()
  })

  const pull = (number: number, base: string, merged: boolean) => ({
    ...mergedPull({
      number,
      base,
      baseSha: 'a'.repeat(40),
      headRef: `f${number}`,
      headSha: 'f'.repeat(40),
      mergeSha: sha
    }),
    ...(merged ? {} : { state: 'open' as const, merged_at: null, merge_commit_sha: null })
  })

  it('takes the pull request merged into the branch as the commit, and the record of its bot comment', async () => {
    // An open PR that contains the commit and one merged into another branch do not count.
    github.pullsOfCommit.set(sha, [pull(3, 'main', false), pull(4, 'develop', true), pull(5, 'main', true)])
    github.comments.set(5, [
      // Someone copying the marker and a record is not believed.
      {
        id: 1,
        body: `${MARKER}\n${record}`,
        html_url: 'https://x/1',
        user: { login: 'mallory', type: 'User' }
      },
      {
        id: 2,
        body: `${MARKER}\n${record}`,
        html_url: 'https://x/2',
        user: { login: 'github-actions[bot]', type: 'Bot' }
      }
    ])
    const found = await lookup()
    expect(found).toMatchObject({
      kind: 'found',
      pull: { number: 5, url: 'https://github.com/caqrn/pipeline/pull/5' }
    })
    expect(found.kind === 'found' && found.record.deployments.main?.plan).toBe('d'.repeat(64))
  })

  it('is no-record without a bot comment, no-pull-request for a direct push, unchecked when GitHub refuses', async () => {
    github.pullsOfCommit.set(sha, [pull(5, 'main', true)])
    github.comments.set(5, [
      {
        id: 1,
        body: `${MARKER}\n${record}`,
        html_url: 'https://x/1',
        user: { login: 'mallory', type: 'User' }
      }
    ])
    expect(await lookup()).toMatchObject({ kind: 'no-record', pull: { number: 5 } })
    github.pullsOfCommit.clear()
    expect(await lookup()).toEqual({ kind: 'no-pull-request' })
    const denied = await createGitHubClient('test-token', `${github.url}/nowhere`)
    const unchecked = await findReviewedPlan(denied, {
      owner: 'caqrn',
      repo: 'pipeline',
      sha,
      branch: 'main',
      marker: MARKER
    })
    expect(unchecked).toMatchObject({
      kind: 'unchecked',
      reason: expect.stringMatching(/HTTP 404: .*pull-requests: read/)
    })
  })
})
