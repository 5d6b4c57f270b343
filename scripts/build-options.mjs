// esbuild options for the bundles: the action (dist/index.js, main and post in one file) and the CLI
// (dist/cli.js). ESM output; CommonJS dependencies get `require`, `__filename` and `__dirname` from the banner.
// Shared by the build and the test that checks dist/ is in sync with src/.
const banner = [
  "import { createRequire as __sgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sgFileURLToPath } from 'node:url';",
  "import { dirname as __sgDirname } from 'node:path';",
  'const require = __sgCreateRequire(import.meta.url);',
  'const __filename = __sgFileURLToPath(import.meta.url);',
  'const __dirname = __sgDirname(__filename);'
].join('\n')

export function buildOptions(outdir = 'dist') {
  return {
    entryPoints: { index: 'src/index.ts', cli: 'src/cli/index.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: banner },
    // ssh2's optional native speedups: it falls back to pure JS when they cannot be loaded.
    external: ['cpu-features', '*.node'],
    legalComments: 'none',
    logLevel: 'warning'
  }
}
