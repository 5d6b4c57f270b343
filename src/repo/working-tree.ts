// Reads the consuming repository as it is on disk (the checked-out tree).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { RepoReader } from './reader.js'
import { UserError } from '../errors/user-error.js'

export function workingTreeReader(repoRoot: string): RepoReader {
  return async relativePath => {
    try {
      return await readFile(path.join(repoRoot, relativePath), 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // Only a missing file is "not there"; a directory or an unreadable file is a problem to name.
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
      throw new UserError({ where: relativePath, message: `cannot be read (${code ?? String(error)})` })
    }
  }
}
