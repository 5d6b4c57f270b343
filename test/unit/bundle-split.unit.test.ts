// What each start of the action loads (scripts/build-options.mjs splits the bundle): the entry only
// @actions/core, each command what it uses. A static import that drags ssh2 into a plan, or octokit in front of
// a deploy's connection, fails here rather than in a benchmark.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { build, type Metafile } from 'esbuild'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
// @ts-expect-error: plain ESM helper shared with scripts/build.mjs, no type declarations
import { buildOptions } from '../../scripts/build-options.mjs'

let outputs: Metafile['outputs']

beforeAll(async () => {
  const outdir = await mkdtemp(path.join(tmpdir(), 'slurm-gitops-split-'))
  try {
    const result = await build({ ...(buildOptions(outdir) as object), metafile: true, write: false })
    outputs = result.metafile.outputs
  } finally {
    await rm(outdir, { recursive: true, force: true })
  }
}, 60000)

/** The output file made for `entryPoint` (an entry, or a module imported dynamically). */
function outputOf(entryPoint: string): string {
  const file = Object.keys(outputs).find(f => outputs[f]!.entryPoint === entryPoint)
  if (!file) throw new Error(`no output for ${entryPoint}`)
  return file
}

/** Files loaded with `file`: it and its static imports, transitively (dynamic imports load later, if at all). */
function loadedWith(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const i of outputs[file]!.imports)
    if (i.kind === 'import-statement' && outputs[i.path]) loadedWith(i.path, seen)
  return seen
}

/** The packages (node_modules) whose code `files` contain. */
function packagesIn(files: Iterable<string>): string[] {
  const packages = new Set<string>()
  for (const file of files)
    for (const input of Object.keys(outputs[file]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
      if (match) packages.add(match[1]!)
    }
  return [...packages].sort()
}

/** What `module` adds to what `base` loaded. */
function addedBy(module: string, base: Set<string>): string[] {
  return packagesIn([...loadedWith(outputOf(module))].filter(f => !base.has(f)))
}

describe('the action bundle, split per command', () => {
  it('starts with @actions/core only (and its own helpers): main and post pick their modules themselves', () => {
    expect(packagesIn(loadedWith(outputOf('src/index.ts')))).toEqual([
      '@actions/core',
      '@actions/exec',
      '@actions/io'
    ])
    expect(addedBy('src/action/main.ts', loadedWith(outputOf('src/index.ts')))).toEqual([])
  })

  it('loads no SSH library for a plan, no diff library for a deploy, octokit only once a deploy records itself', () => {
    const main = new Set([
      ...loadedWith(outputOf('src/index.ts')),
      ...loadedWith(outputOf('src/action/main.ts'))
    ])
    const plan = addedBy('src/action/plan-command.ts', main)
    expect(plan).toEqual(expect.arrayContaining(['@actions/github', 'diff', 'handlebars', 'yaml', 'zod']))
    expect(plan).not.toEqual(expect.arrayContaining(['ssh2']))
    expect(plan).not.toContain('node-ssh')

    const deploy = addedBy('src/action/deploy-command.ts', main)
    expect(deploy).toEqual(expect.arrayContaining(['ssh2', 'yaml', 'zod']))
    expect(deploy).not.toContain('diff')
    expect(
      deploy.filter(p => p.startsWith('@octokit/') || p === '@actions/github' || p === 'undici')
    ).toEqual([])

    const sandbox = addedBy('src/action/sandbox-command.ts', main)
    expect(sandbox).toContain('ssh2')
    expect(sandbox.filter(p => p === 'diff' || p.startsWith('@octokit/') || p === 'undici')).toEqual([])
  })

  it("keeps @actions/core's OIDC client (and its HTTP client) out of every start", () => {
    const oidc = outputOf('node_modules/@actions/core/lib/oidc-utils.js')
    const entry = loadedWith(outputOf('src/index.ts'))
    expect(entry.has(oidc)).toBe(false)
    expect(packagesIn(loadedWith(oidc))).toEqual(expect.arrayContaining(['@actions/http-client', 'undici']))
  })
})
