// The result keys are a contract (deploy-templates/README.md): every key the runner reads is documented there.
import { expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { RESULT_KEYS } from '../../src/deploy/results.js'
import { repoRoot } from '../repo-root.js'

it('deploy-templates/README.md documents every result key in a table', () => {
  const readme = readFileSync(path.join(repoRoot, 'deploy-templates/README.md'), 'utf8')
  const documented = new Set(
    [...readme.matchAll(/^\| ((?:`[a-z-]+`(?:, )?)+)\s*\|/gm)].flatMap(m => m[1]!.match(/[a-z-]+/g)!)
  )
  expect(Object.keys(RESULT_KEYS).filter(key => !documented.has(key))).toEqual([])
})
