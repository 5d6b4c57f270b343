// Requirements for the benchmark's project: `count` small packages (sgbench-000, sgbench-001, …) written as
// wheels straight into the test cluster's wheelhouse by the same builder the cluster script uses
// (scripts/cluster.d/build-wheels.py), so pip on the cluster installs them offline like the others. The first
// package comes in several versions: bumping it changes the requirements (a new venv) and nothing else.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../test/repo-root.js'

const PREFIX = 'sgbench'
/** What the example project itself needs (examples/caqrn/requirements.txt). */
const EXAMPLE_REQUIREMENT = 'caqrn-utils==1.0.0'

export interface BenchWheels {
  /** requirements.txt with `count` requirements in all, the first package at `version` (1.0.0, 1.0.1, …). */
  requirements(count: number, version: string): string
  /** The versions of the first package, in order: one per requirements change. */
  versions: string[]
  /** Removes the wheels again: the wheelhouse is left as the cluster script made it. */
  remove(): void
}

const packageName = (index: number) => `${PREFIX}-${String(index).padStart(3, '0')}`

export function writeBenchWheels(wheelhouse: string, most: number, bumps: number): BenchWheels {
  const versions = Array.from({ length: bumps + 1 }, (_, i) => `1.0.${i}`)
  const src = mkdtempSync(path.join(tmpdir(), 'sg-bench-wheels-'))
  const project = (index: number, version: string) => {
    const name = packageName(index)
    const module = name.replace(/-/g, '_')
    const dir = path.join(src, `${name}-${version}`)
    mkdirSync(path.join(dir, module), { recursive: true })
    writeFileSync(path.join(dir, module, '__init__.py'), `VERSION = '${version}'\n`)
    writeFileSync(
      path.join(dir, 'pyproject.toml'),
      `[project]\nname = "${name}"\nversion = "${version}"\ndescription = "slurm-gitops benchmark package"\n`
    )
  }
  for (const version of versions) project(0, version)
  for (let i = 1; i < most - 1; i++) project(i, '1.0.0')
  const built = execFileSync(
    '/usr/bin/python3',
    [path.join(repoRoot, 'scripts/cluster.d/build-wheels.py'), src, wheelhouse],
    { encoding: 'utf8' }
  )
  rmSync(src, { recursive: true, force: true })
  const wheels = built.split('\n').filter(line => line.endsWith('.whl'))
  return {
    versions,
    requirements(count, version) {
      const lines = [EXAMPLE_REQUIREMENT, `${packageName(0)}==${version}`]
      for (let i = 1; i < count - 1; i++) lines.push(`${packageName(i)}==1.0.0`)
      return `${lines.join('\n')}\n`
    },
    remove() {
      for (const wheel of wheels) rmSync(wheel, { force: true })
    }
  }
}
