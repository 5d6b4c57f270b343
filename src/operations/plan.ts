// The plan (dry run) of a repository: every deployment rendered and checked at the head, diffed against the base.
// It reads only the local clone: no secret, no connection.
import { comparePlans, type PlanComparison } from '../plan/compare.js'
import { readerAt } from './repository.js'
import type { PlanRequest } from './requests.js'

export async function plan(request: PlanRequest, log?: (message: string) => void): Promise<PlanComparison> {
  const base = request.base
    ? { sha: request.base, read: await readerAt(request.repo, { sha: request.base }, log) }
    : undefined
  return comparePlans({
    head: await readerAt(request.repo, request.head, log),
    base,
    configPath: request.repo.configPath,
    branches: request.branches,
    log
  })
}
