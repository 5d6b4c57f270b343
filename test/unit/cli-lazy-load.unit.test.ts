// The CLI loads per command only what the command uses: main registers each command with a dynamic import(),
// so that a build with code splitting leaves SSH, git, YAML and the GitHub client out of what --help and
// --version load. Checked on such a build's module graph (the build's own options, splitting turned on).
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build, type Metafile } from 'esbuild'
// @ts-expect-error: plain ESM helper shared with scripts/build.mjs, no type declarations
import { buildOptions } from '../../scripts/build-options.mjs'

/** Every input of the outputs that loading `entry` evaluates: its static imports, transitively. */
function staticallyLoaded(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>()
  const visit = (output: string) => {
    if (seen.has(output)) return
    seen.add(output)
    for (const imported of metafile.outputs[output]!.imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entry)
  return [...seen].flatMap(output => Object.keys(metafile.outputs[output]!.inputs))
}

describe('the CLI bundle', () => {
  it('loads no SSH, git, YAML, schema or GitHub code for --help and --version', async () => {
    const outdir = await mkdtemp(path.join(tmpdir(), 'slurm-gitops-split-'))
    try {
      const options = buildOptions(outdir) as Parameters<typeof build>[0]
      const { metafile } = await build({
        ...options,
        entryPoints: { cli: 'src/cli/index.ts' },
        splitting: true,
        metafile: true,
        write: false
      })
      const entry = Object.keys(metafile.outputs).find(output => output.endsWith('/cli.js'))!
      const loaded = staticallyLoaded(metafile, entry)
      expect(loaded).toContain('src/cli/main.ts')
      expect(loaded).toContain('src/cli/help.ts')
      const heavy = loaded.filter(input =>
        /node_modules\/(ssh2|node-ssh|@octokit|@actions|yaml|zod|handlebars|diff)\/|src\/(operations|transport|repo|config\/load)/.test(
          input
        )
      )
      expect(heavy).toEqual([])
      // Each command's module is reached only through its dynamic import.
      for (const command of ['plan-commands', 'remote-commands', 'sandbox-command', 'job-commands']) {
        expect(loaded).not.toContain(`src/cli/${command}.ts`)
      }
    } finally {
      await rm(outdir, { recursive: true, force: true })
    }
  }, 60000)
})
