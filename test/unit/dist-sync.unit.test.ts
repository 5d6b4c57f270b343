// dist/ is committed (the action runs it as is); it must be exactly what the build makes from src/ now: the same
// files (entries and chunks) with the same content.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
// @ts-expect-error: plain ESM helper shared with scripts/build.mjs, no type declarations
import { buildOptions } from '../../scripts/build-options.mjs'

/** Every file under `dir`, as paths relative to it, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter(entry => entry.isFile())
    .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('dist/', () => {
  it('is in sync with src/ (run `npm run build` and commit dist/ when this fails)', async () => {
    const outdir = await mkdtemp(path.join(tmpdir(), 'slurm-gitops-dist-'))
    try {
      await build(buildOptions(outdir))
      const fresh = await files(outdir)
      expect(await files('dist')).toEqual(fresh)
      for (const file of fresh) {
        const [built, committed] = await Promise.all([
          readFile(path.join(outdir, file), 'utf8'),
          readFile(path.join('dist', file), 'utf8')
        ])
        expect({ file, upToDate: built === committed }).toEqual({ file, upToDate: true })
      }
    } finally {
      await rm(outdir, { recursive: true, force: true })
    }
  }, 60000)
})
