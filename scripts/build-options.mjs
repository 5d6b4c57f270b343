// esbuild options for the bundles: the action (dist/index.js, main and post in one entry) and the CLI
// (dist/cli.js). ESM output with code splitting: each command's module is imported when that command runs, and
// esbuild puts it, and what only it uses, in a chunk of its own under dist/chunks/, so that `--help` loads
// neither ssh2 nor octokit and a deploy loads no diff library. Chunks are named after their first module with a
// content hash ([name]-[hash]): a review sees which chunks a change touched, and an unchanged one keeps its name.
// CommonJS dependencies get `require`, `__filename` and `__dirname` from the banner (in every chunk).
// Shared by the build, the test that checks dist/ is in sync with src/, and scripts/run-ts.mjs.
import { build as esbuild } from 'esbuild'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const banner = [
  "import { createRequire as __sgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sgFileURLToPath } from 'node:url';",
  "import { dirname as __sgDirname } from 'node:path';",
  'const require = __sgCreateRequire(import.meta.url);',
  'const __filename = __sgFileURLToPath(import.meta.url);',
  'const __dirname = __sgDirname(__filename);'
].join('\n')

/**
 * An esbuild plugin that gives the modules under `importerDir` (a folder of node_modules) other code for the
 * imports `shims` names (import specifier → module text); every other importer, and the shims' own imports, get
 * the real modules.
 */
function shimImports(name, importerDir, shims) {
  const escaped = Object.keys(shims).map(specifier => specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return {
    name,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${escaped.join('|')})$`) }, args => {
        const fromImporter = args.importer.split(path.sep).join('/').includes(`/node_modules/${importerDir}/`)
        if (!fromImporter || args.namespace === name) return undefined
        // A path relative to the working directory: the bundle's comments must not name this checkout's location.
        const relative = path.relative(process.cwd(), path.join(args.resolveDir, args.path))
        return { path: relative, namespace: name, pluginData: shims[args.path] }
      })
      build.onLoad({ filter: /.*/, namespace: name }, args => ({
        contents: args.pluginData,
        resolveDir: path.resolve(path.dirname(args.path)),
        loader: 'js'
      }))
    }
  }
}

/**
 * @actions/core imports its OIDC client (getIDToken) statically, and with it an HTTP client and undici: about
 * 40 ms of loading at every start of the action, for a token slurm-gitops never asks for. This puts that module
 * behind a dynamic import: getIDToken still works (it loads the real module first), nothing else loads it.
 */
const lazyOidcClient = shimImports('lazy-oidc-client', '@actions/core', {
  './oidc-utils.js':
    'export class OidcClient {\n' +
    '  static async getIDToken(audience) {\n' +
    "    const real = await import('./oidc-utils.js')\n" +
    '    return real.OidcClient.getIDToken(audience)\n' +
    '  }\n' +
    '}\n'
})

/**
 * node-ssh imports all of ssh2 (its server, SSH agents over HTTP with node:http, https and tls, key generation)
 * and make-dir (with semver, to check Node's version), to use ssh2's Client, and make-dir to make local folders
 * in getDirectory, which slurm-gitops never calls: about 15 ms of every connecting run's start. Here node-ssh
 * gets ssh2's Client alone and a make-dir on fs.promises.mkdir (what make-dir itself does on Node 10.12+).
 */
const leanNodeSsh = shimImports('lean-node-ssh', 'node-ssh', {
  ssh2: "module.exports = { Client: require('ssh2/lib/client.js') }\n",
  'make-dir':
    "const { mkdir } = require('node:fs/promises')\n" +
    "const { resolve } = require('node:path')\n" +
    'module.exports = async (dir, options = {}) => {\n' +
    '  await mkdir(dir, { recursive: true, mode: options.mode })\n' +
    '  return resolve(dir)\n' +
    '}\n'
})

/**
 * The shipped templates, precompiled: src/render/precompiled-templates.ts (an empty table in the TypeScript
 * sources) becomes the table that src/render/precompiled-templates-module.ts makes from deploy-templates/, so that
 * a run whose templates are not overridden renders on the Handlebars runtime and never loads its compiler. That
 * maker is TypeScript and uses the same compiler checks and options as a run: it is bundled, run and removed here.
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async args => {
      const root = path.resolve(path.dirname(args.path), '../..')
      const templatesDir = path.join(root, 'deploy-templates')
      const { precompiledTemplatesModule } = await importTypeScript(
        path.join(root, 'src/render/precompiled-templates-module.ts')
      )
      try {
        return {
          contents: await precompiledTemplatesModule(templatesDir),
          loader: 'js',
          watchDirs: [templatesDir]
        }
      } catch (error) {
        // A shipped template that the compiler refuses (triple braces, a syntax error) fails the build, saying where.
        return { errors: [{ text: error instanceof Error ? error.message : String(error) }] }
      }
    })
  }
}

/** Imports a TypeScript module of this repository: bundled into a temporary file, which is removed again. */
async function importTypeScript(entry) {
  const dir = await mkdtemp(path.join(tmpdir(), 'slurm-gitops-build-'))
  try {
    const result = await esbuild({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      banner: { js: banner },
      write: false,
      logLevel: 'warning'
    })
    const file = path.join(dir, 'module.mjs')
    await writeFile(file, result.outputFiles[0].contents)
    return await import(pathToFileURL(file).href)
  } finally {
    await rm(dir, { recursive: true, force: true })
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
    plugins: [lazyOidcClient, leanNodeSsh, precompiledTemplates],
    legalComments: 'none',
    logLevel: 'warning'
  }
}
