// One run of a deployment's script on the cluster (deploy, rollback or status): the same script, one session.
import { execute, type ExecutionReport } from '../exec/executor.js'
import type { LogSink } from '../exec/log-sink.js'
import { newNonce } from '../exec/markers.js'
import { composeScript } from '../plan/payload.js'
import { completeRunValues, type DeploymentPlan, type RunValues } from '../plan/types.js'
import type { Transport } from '../transport/types.js'

export interface RemoteRun {
  plan: DeploymentPlan
  params: RunValues
  transport: Transport
  sink: LogSink
  loginShell: boolean
  timeoutSeconds: number
  signal?: AbortSignal
}

export async function runRemote(run: RemoteRun): Promise<ExecutionReport> {
  return execute(
    run.transport,
    composeScript(run.plan),
    { ...completeRunValues(run.params), nonce: newNonce() },
    run.sink,
    {
      loginShell: run.loginShell,
      timeoutSeconds: run.timeoutSeconds,
      signal: run.signal
    }
  )
}
