// Bundles the action (dist/index.js, main and post in one file) and the CLI (dist/cli.js) with esbuild.
// ESM output; CommonJS dependencies get a `require` through createRequire.
import { build } from 'esbuild'

const banner = [
  "import { createRequire as __sgCreateRequire } from 'node:module';",
  'const require = __sgCreateRequire(import.meta.url);'
].join('\n')

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/index.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: banner },
  // ssh2's optional native speedups: it falls back to pure JS when they cannot be loaded.
  external: ['cpu-features', '*.node'],
  legalComments: 'none',
  logLevel: 'warning'
})
