// The repository root: the nearest directory up from this module that holds package.json. Found by walking up,
// not by a fixed `../..`, so it also holds when the module is bundled elsewhere (npm run bench).
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('package.json not found above the test helpers')
    dir = parent
  }
  return dir
}

export const repoRoot = findRoot()
