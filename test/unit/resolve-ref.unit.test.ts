// Which commit a ref names (resolveRef), in a real clone whose origin has branches the clone lacks locally, some
// named like the clone's own refs. No fetch is needed for any of these: the test runs offline.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { resolveRef } from '../../src/repo/commit.js'
import { testGit as git } from '../test-git.js'

function commit(dir: string, message: string): string {
  writeFileSync(path.join(dir, 'file.txt'), message)
  git(dir, 'add', '-A')
  git(dir, 'commit', '--quiet', '-m', message)
  return git(dir, 'rev-parse', 'HEAD')
}

describe('resolveRef', () => {
  let top: string
  let clone: string
  /** origin's main, release and feature: the clone's origin/HEAD, origin/release and origin/feature. */
  let originTip: string
  /** The clone's main, one commit ahead of origin's, and its tag `release`. */
  let localMain: string
  /** The clone's detached HEAD, on no branch. */
  let detached: string

  beforeAll(() => {
    top = mkdtempSync(path.join(tmpdir(), 'sg-resolve-ref-'))
    const origin = path.join(top, 'origin')
    clone = path.join(top, 'clone')
    git(top, 'init', '--quiet', '-b', 'main', origin)
    originTip = commit(origin, 'on origin')
    git(origin, 'branch', 'release')
    git(origin, 'branch', 'feature')
    git(top, 'clone', '--quiet', origin, clone)
    localMain = commit(clone, 'on the clone’s main')
    git(clone, 'tag', 'release')
    git(clone, 'checkout', '--quiet', '--detach')
    detached = commit(clone, 'detached')
  })

  afterAll(() => rmSync(top, { recursive: true, force: true }))

  const resolve = (ref: string) => resolveRef(clone, ref, '--ref')

  it('reads HEAD as the checkout’s own, not as origin/HEAD', async () => {
    expect(await resolve('HEAD')).toEqual({ sha: detached })
  })

  it('reads a tag as the tag, not as a branch of origin of the same name', async () => {
    expect(await resolve('release')).toEqual({ sha: localMain })
    expect(await resolve('refs/tags/release')).toEqual({ sha: localMain })
  })

  it('reads a branch as the local branch first, then as origin’s', async () => {
    expect(await resolve('main')).toEqual({ sha: localMain, branch: 'main' })
    expect(await resolve('feature')).toEqual({ sha: originTip, branch: 'feature' })
  })
})
