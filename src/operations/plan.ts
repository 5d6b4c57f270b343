// The plan (dry run) of a repository: every deployment rendered and checked at the head, diffed against the base.
// It reads only the local clone: no secret, no connection.
import { comparePlans, type PlanComparison } from '../plan/compare.js'
import { resolveRef } from '../repo/commit.js'
import { readerAt } from './repository.js'
import type { PlanRequest } from './requests.js'

export async function plan(request: PlanRequest, log?: (message: string) => void): Promise<PlanComparison> {
  // A full commit id is read as it is (a shallow checkout fetches it); a branch or a short id, which only the
  // CLI's --base gives, is resolved first.
  const baseSha =
    request.base && !/^[0-9a-f]{40}$/.test(request.base)
      ? (await resolveRef(request.repo.dir, request.base, '--base', log)).sha
      : request.base
  const base = baseSha
    ? { sha: baseSha, read: await readerAt(request.repo, { sha: baseSha }, log) }
    : undefined
  return comparePlans({
    head: await readerAt(request.repo, request.head, log),
    base,
    configPath: request.repo.configPath,
    branches: request.branches,
    log
  })
}
