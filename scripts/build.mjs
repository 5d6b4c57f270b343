// npm run build: bundles src/ into dist/ (see build-options.mjs). dist/ is emptied first, so that a chunk the
// sources no longer make does not stay behind (the dist/ check would then see a file the build did not make).
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { buildOptions } from './build-options.mjs'

const options = buildOptions()
await rm(options.outdir, { recursive: true, force: true })
await build(options)
