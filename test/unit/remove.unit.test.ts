// What `remove --purge` refuses before connecting: a data directory that holds, or is shared with, something the
// project keeps.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { parseConfig } from '../../src/config/load.js'
import { purgeProblem } from '../../src/operations/remove.js'

const FILE = '.github/slurm-gitops.yml'
const exampleText = readFileSync(`examples/caqrn/${FILE}`, 'utf8')

function configWith(edits: [(string | number)[], unknown][]) {
  const document = parseDocument(exampleText)
  for (const [at, value] of edits) document.setIn(at, value)
  return parseConfig(document.toString(), FILE)
}

describe('remove --purge', () => {
  const problemFor = (branch: string, edits: [(string | number)[], unknown][] = []) => {
    const config = configWith(edits)
    return purgeProblem(
      config,
      config.deployments.find(d => d.branch === branch)!
    )?.message
  }

  it("purges production's own data directory", () => {
    expect(problemFor('main')).toBeUndefined()
  })

  it("refuses development's: the sandboxes read it (sandbox.dataDir defaults to it)", () => {
    expect(problemFor('develop')).toBe(
      'purge would remove /projects/caqrn/data/development, but sandbox.dataDir (/projects/caqrn/data/development) shares it; remove without purge, and delete what is no longer needed by hand'
    )
  })

  it('refuses a data directory that holds the project, a deployment, or is another deployment’s data', () => {
    expect(problemFor('main', [[['deployments', 'main', 'dataDir'], '/projects']])).toMatch(
      /but it holds project.root \(\/projects\/caqrn\)/
    )
    expect(problemFor('main', [[['deployments', 'main', 'dataDir'], '/projects/caqrn/development']])).toMatch(
      /but it holds deployments.develop.root/
    )
    expect(
      problemFor('main', [
        [['deployments', 'main', 'dataDir'], '/projects/caqrn/data'],
        [['sandbox', 'dataDir'], '/scratch/sandbox-data']
      ])
    ).toMatch(/but deployments.develop.dataDir \(\/projects\/caqrn\/data\/development\) shares it/)
  })
})
