// npm run build: bundles src/ into dist/ (see build-options.mjs).
import { build } from 'esbuild'
import { buildOptions } from './build-options.mjs'

await build(buildOptions())
