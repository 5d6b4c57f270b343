import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { findComment, upsertStickyComment, type GitHubClient } from '../../src/github/sticky-comment.js'
import { otherComments, startFakeGitHub, type FakeGitHub } from '../action/fake-github.js'

const MARKER = '<!-- slurm-gitops:plan -->'
const target = { owner: 'caqrn', repo: 'pipeline', issueNumber: 7 }

describe('upsertStickyComment against a local HTTP server', () => {
  let github: FakeGitHub
  let octokit: GitHubClient

  beforeEach(async () => {
    github = await startFakeGitHub()
    octokit = getOctokit('test-token', { baseUrl: github.url })
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
