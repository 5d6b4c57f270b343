// Where slurm-gitops keeps what it remembers on this machine, and the CLI's compile cache in it (Node 22.1+).
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { userCacheDir } from '../../src/cache/cache-dir.js'
import { enableCompileCache } from '../../src/cli/compile-cache.js'

describe('userCacheDir', () => {
  it('is $SLURM_GITOPS_CACHE_DIR/<part>, else $XDG_CACHE_HOME/slurm-gitops/<part>, else ~/.cache/slurm-gitops/<part>', () => {
    expect(userCacheDir('x', { SLURM_GITOPS_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/x')
    expect(userCacheDir('x', { XDG_CACHE_HOME: '/x' })).toBe('/x/slurm-gitops/x')
    expect(userCacheDir('x', { SLURM_GITOPS_CACHE_DIR: '', XDG_CACHE_HOME: '' })).toBe(
      path.join(homedir(), '.cache/slurm-gitops/x')
    )
  })
})

describe('enableCompileCache', () => {
  it('makes a directory of the user’s own (mode 0700) per version, turns the cache on there, and drops older versions', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sg-cache-'))
    const caches = path.join(root, 'node-compile-cache')
    const asked: string[] = []
    const enable = (dir: string) => asked.push(dir)
    const first = enableCompileCache({ SLURM_GITOPS_CACHE_DIR: root }, enable, '1.0.0')
    expect(first).toBe(path.join(caches, '1.0.0'))
    expect(statSync(first!).mode & 0o777).toBe(0o700)
    writeFileSync(path.join(first!, 'entry'), 'compiled')
    // Run again: the entries stay.
    expect(enableCompileCache({ SLURM_GITOPS_CACHE_DIR: root }, enable, '1.0.0')).toBe(first)
    expect(readdirSync(first!)).toEqual(['entry'])
    // A new version's first run: the old version's cache goes.
    const second = enableCompileCache({ SLURM_GITOPS_CACHE_DIR: root }, enable, '1.1.0')
    expect(readdirSync(caches)).toEqual(['1.1.0'])
    expect(asked).toEqual([first, first, second])
  })

  it('does nothing on a Node without the cache, and is no error when the directory cannot be made', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sg-cache-'))
    expect(enableCompileCache({ SLURM_GITOPS_CACHE_DIR: root }, null)).toBeUndefined()
    const file = path.join(root, 'a-file')
    writeFileSync(file, '')
    const asked: string[] = []
    expect(enableCompileCache({ SLURM_GITOPS_CACHE_DIR: file }, dir => asked.push(dir))).toBeUndefined()
    expect(asked).toEqual([])
  })
})
