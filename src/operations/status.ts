// Status of deployments: every branch asked for runs its status step over one connection (deployment.ts), then
// each is decided into Sync and Health against its branch in the local repository (src/status/). The action and
// the CLI present the result.
import { branchPosition } from '../repo/branch-position.js'
import type { DeploymentStatus } from '../status/deployment-status.js'
import { statusFacts } from '../status/facts.js'
import { status, type OperationIO } from './deployment.js'
import type { StatusRequest } from './requests.js'

export async function deploymentStatuses(
  request: StatusRequest,
  io: OperationIO
): Promise<DeploymentStatus[]> {
  const outcomes = await status(request, io)
  // The deciding (and its diff library) is loaded once the status steps ran, not before the run connects.
  const { deploymentStatus } = await import('../status/deployment-status.js')
  return Promise.all(
    outcomes.map(async outcome => {
      // status() refuses a branch without a deployment before it connects.
      if (outcome.kind !== 'ran') throw new Error(`no deployment for ${outcome.branch}`)
      const deployed = statusFacts(outcome.report.results).sha
      return deploymentStatus(outcome, await branchPosition(request.repo.dir, outcome.branch, deployed))
    })
  )
}
