// Runs a TypeScript file of this repository with plain node: bundles it with esbuild (as the build does) into a
// temporary module next to it, imports it, removes it. Used by `npm run bench`.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildOptions } from './build-options.mjs'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args]')
  process.exit(2)
}
const out = path.resolve(path.dirname(entry), `.${path.basename(entry, '.ts')}.${process.pid}.mjs`)
const { banner, external, platform, target, format, plugins } = buildOptions()
await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  banner,
  external,
  platform,
  target,
  format,
  plugins,
  logLevel: 'warning'
})
try {
  process.argv = [process.argv[0], out, ...args]
  await import(pathToFileURL(out).href)
} finally {
  await rm(out, { force: true })
}
