// What each start of the action loads (scripts/build-options.mjs splits the bundle): the entry only
// @actions/core, each command what it uses; a deploy starts with what reads its config and finds its cluster, and
// loads YAML and ssh2 then, the schema and Handlebars while it connects, and octokit when it looks up its review
// or records its GitHub deployment; @actions/github's HTTP stack (undici) only behind a proxy; the Handlebars
// compiler only for a template that is not the shipped one. A static import that drags ssh2 into a plan, the
// schema in front of a deploy's connection, or the compiler into a deploy, fails here rather than in a benchmark.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { build, type Metafile } from 'esbuild'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
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

/** Files that `file` may ever load: its static and dynamic imports, transitively (but not through `skip`). */
function reachableFrom(file: string, seen = new Set<string>(), skip?: string): Set<string> {
  if (seen.has(file) || file === skip) return seen
  seen.add(file)
  for (const i of outputs[file]!.imports) if (outputs[i.path]) reachableFrom(i.path, seen, skip)
  return seen
}

/** The source modules (node_modules or src paths) bundled into `files`. */
function modulesIn(files: Iterable<string>): string[] {
  return [...files].flatMap(file => Object.keys(outputs[file]!.inputs)).sort()
}

/** The packages (node_modules) whose code `files` contain. */
function packagesIn(files: Iterable<string>): string[] {
  const packages = new Set<string>()
  for (const input of modulesIn(files)) {
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

  it('never loads an SSH library for a plan', () => {
    const plan = packagesIn(reachableFrom(outputOf('src/action/plan-command.ts')))
    expect(plan).toEqual(expect.arrayContaining(['@actions/github', 'diff', 'handlebars', 'yaml', 'zod']))
    expect(plan.filter(p => p === 'ssh2' || p === 'node-ssh')).toEqual([])
  })

  it('starts a deploy with what finds its cluster; YAML, the SSH library, the schema, Handlebars and octokit load as it connects', () => {
    const main = new Set([
      ...loadedWith(outputOf('src/index.ts')),
      ...loadedWith(outputOf('src/action/main.ts'))
    ])
    const later = ['yaml', 'ssh2', 'node-ssh', 'zod', 'handlebars', 'undici', '@actions/github', 'diff']
    for (const command of [
      'src/action/deploy-command.ts',
      'src/action/status-command.ts',
      'src/cli/remote-commands.ts'
    ]) {
      const start = addedBy(command, main)
      expect({ command, early: start.filter(p => later.includes(p) || p.startsWith('@octokit/')) }).toEqual({
        command,
        early: []
      })
    }
    const deploy = packagesIn(reachableFrom(outputOf('src/action/deploy-command.ts')))
    expect(deploy).toEqual(expect.arrayContaining(['yaml', 'zod', 'handlebars', 'ssh2', 'node-ssh']))
    expect(deploy).not.toContain('diff')
    // The YAML parser is all the config needs before the connection starts; the schema comes after.
    expect(packagesIn(loadedWith(outputOf('src/config/parse-yaml.ts')))).toEqual(['yaml'])
    expect(addedBy('src/transport/connect.ts', main)).toEqual(expect.arrayContaining(['node-ssh', 'ssh2']))

    const sandbox = addedBy('src/action/sandbox-command.ts', main)
    expect(sandbox.filter(p => later.slice(1).includes(p) || p.startsWith('@octokit/'))).toEqual([])
  })

  it("gives node-ssh ssh2's client alone: no SSH server, HTTP agents or key generation, no make-dir or semver", () => {
    const connect = modulesIn(reachableFrom(outputOf('src/transport/connect.ts')))
    const ssh2 = connect.filter(m => m.includes('node_modules/ssh2/'))
    expect(ssh2).toEqual(expect.arrayContaining(['node_modules/ssh2/lib/client.js']))
    for (const left of ['index.js', 'server.js', 'http-agents.js', 'keygen.js'])
      expect(ssh2).not.toContain(`node_modules/ssh2/lib/${left}`)
    const packages = packagesIn(reachableFrom(outputOf('src/transport/connect.ts')))
    expect(packages.filter(p => p === 'make-dir' || p === 'semver')).toEqual([])
  })

  it("gives deploy and plan one GitHub client, which loads @actions/github's HTTP stack only behind a proxy", () => {
    const client = outputOf('src/github/client.ts')
    // Imported by each when it first calls GitHub, not before.
    for (const command of ['src/action/deploy-command.ts', 'src/action/plan-command.ts']) {
      const output = outputOf(command)
      expect([command, reachableFrom(output).has(client), loadedWith(output).has(client)]).toEqual([
        command,
        true,
        false
      ])
    }
    const withClient = loadedWith(client)
    expect(packagesIn(withClient)).toEqual(
      expect.arrayContaining([
        '@octokit/core',
        '@octokit/plugin-paginate-rest',
        '@octokit/plugin-rest-endpoint-methods'
      ])
    )
    const httpStack = ['@actions/github', 'undici', 'tunnel']
    expect(packagesIn(withClient).filter(p => httpStack.includes(p))).toEqual([])
    // Of @actions/http-client, only its proxy rule (a module with no imports).
    expect(modulesIn(withClient).filter(m => m.includes('/@actions/http-client/'))).toEqual([
      'node_modules/@actions/http-client/lib/proxy.js'
    ])
    // What a proxy loads: @actions/github, imported by the client only when it is needed.
    const proxied = outputOf('node_modules/@actions/github/lib/github.js')
    expect(withClient.has(proxied)).toBe(false)
    expect(packagesIn(loadedWith(proxied))).toEqual(expect.arrayContaining(['undici', 'tunnel']))
  })

  it("keeps @actions/core's OIDC client (and its HTTP client) out of every start", () => {
    const oidc = outputOf('node_modules/@actions/core/lib/oidc-utils.js')
    const entry = loadedWith(outputOf('src/index.ts'))
    expect(entry.has(oidc)).toBe(false)
    expect(packagesIn(loadedWith(oidc))).toEqual(expect.arrayContaining(['@actions/http-client', 'undici']))
  })

  it('renders a deploy on the Handlebars runtime: the compiler loads only to compile a template that is not shipped', async () => {
    const compiler = (inputs: string[]) =>
      inputs.filter(input =>
        /node_modules\/(handlebars\/dist\/cjs\/handlebars\/compiler|source-map)\//.test(input)
      )
    const compilerModule = outputOf('src/render/shell-handlebars.ts')
    expect(compiler(modulesIn(loadedWith(compilerModule)))).toEqual(
      expect.arrayContaining([expect.stringContaining('handlebars/compiler/compiler.js')])
    )
    for (const deploy of ['src/action/deploy-command.ts', 'src/cli/remote-commands.ts']) {
      const reached = reachableFrom(outputOf(deploy), new Set(), compilerModule)
      expect({ deploy, compiler: compiler(modulesIn(reached)) }).toEqual({ deploy, compiler: [] })
      expect(modulesIn(reached)).toContain('node_modules/handlebars/dist/cjs/handlebars.runtime.js')
    }
    // The build put the shipped templates' table in place of the empty one: it holds at least their text.
    const shipped = await readdir('deploy-templates')
    const shippedBytes = await Promise.all(
      shipped
        .filter(file => file.endsWith('.hbs'))
        .map(async file => (await stat(`deploy-templates/${file}`)).size)
    )
    const table = Object.values(outputs).find(output => output.inputs['src/render/precompiled-templates.ts'])
    expect(table?.inputs['src/render/precompiled-templates.ts']!.bytesInOutput).toBeGreaterThan(
      shippedBytes.reduce((a, b) => a + b, 0)
    )
  })
})
