// esbuild options for the bundles: the action (dist/index.js, main and post in one entry) and the CLI
// (dist/cli.js). ESM output with code splitting: each command's module is imported when that command runs, and
// esbuild puts it, and what only it uses, in a chunk of its own under dist/chunks/, so that `--help` loads
// neither ssh2 nor octokit and a deploy loads no diff library. Chunks are named after their first module with a
// content hash ([name]-[hash]): a review sees which chunks a change touched, and an unchanged one keeps its name.
// CommonJS dependencies get `require`, `__filename` and `__dirname` from the banner (in every chunk).
// Shared by the build and the test that checks dist/ is in sync with src/.
import path from 'node:path'

const banner = [
  "import { createRequire as __sgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sgFileURLToPath } from 'node:url';",
  "import { dirname as __sgDirname } from 'node:path';",
  'const require = __sgCreateRequire(import.meta.url);',
  'const __filename = __sgFileURLToPath(import.meta.url);',
  'const __dirname = __sgDirname(__filename);'
].join('\n')

/**
 * @actions/core imports its OIDC client (getIDToken) statically, and with it an HTTP client and undici: about
 * 40 ms of loading at every start of the action, for a token slurm-gitops never asks for. This puts that module
 * behind a dynamic import: getIDToken still works (it loads the real module first), nothing else loads it.
 */
const lazyOidcClient = {
  name: 'lazy-oidc-client',
  setup(build) {
    const namespace = 'lazy-oidc-client'
    build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, args => {
      const fromCore = args.importer.split(path.sep).join('/').includes('/node_modules/@actions/core/')
      if (!fromCore || args.namespace === namespace) return undefined
      // A path relative to the working directory: the bundle's comments must not name this checkout's location.
      return { path: path.relative(process.cwd(), path.join(args.resolveDir, args.path)), namespace }
    })
    build.onLoad({ filter: /.*/, namespace }, args => ({
      contents:
        'export class OidcClient {\n' +
        '  static async getIDToken(audience) {\n' +
        "    const real = await import('./oidc-utils.js')\n" +
        '    return real.OidcClient.getIDToken(audience)\n' +
        '  }\n' +
        '}\n',
      resolveDir: path.resolve(path.dirname(args.path)),
      loader: 'js'
    }))
  }
}

export function buildOptions(outdir = 'dist') {
  return {
    entryPoints: { index: 'src/index.ts', cli: 'src/cli/index.ts' },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: banner },
    // ssh2's optional native speedups: it falls back to pure JS when they cannot be loaded.
    external: ['cpu-features', '*.node'],
    plugins: [lazyOidcClient],
    legalComments: 'none',
    logLevel: 'warning'
  }
}
