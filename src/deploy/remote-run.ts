// One run of a deployment's script on the cluster (deploy, rollback or status): the same script, one session.
import { execute, type ExecutionReport } from '../exec/executor.js'
import type { LogSink } from '../exec/log-sink.js'
import { newNonce } from '../exec/markers.js'
import { composeScript } from '../plan/payload.js'
import type { DeploymentPlan, RunParameters } from '../plan/types.js'
import type { Transport } from '../transport/types.js'

export interface RemoteRun {
  plan: DeploymentPlan
  params: Omit<RunParameters, 'nonce'>
  transport: Transport
  sink: LogSink
  loginShell: boolean
  timeoutSeconds: number
  signal?: AbortSignal
}

export async function runRemote(run: RemoteRun): Promise<ExecutionReport> {
  return execute(run.transport, composeScript(run.plan), { ...run.params, nonce: newNonce() }, run.sink, {
    loginShell: run.loginShell,
    timeoutSeconds: run.timeoutSeconds,
    signal: run.signal
  })
}

/** The outputs of a deploy or rollback, from the script's result markers. */
export interface DeployOutputs {
  sha: string
  previousSha: string
  release: string
  environment: string
  venv: string
  scrontab: string
  /** The scrontab block in force after the run (rollback: the restored release's), when the run got that far. */
  scrontabBlock: string
  /** rollback: the commit it restores, known before it goes live (also when going live then fails). */
  targetSha: string
}

export function deployOutputs(plan: DeploymentPlan, report: ExecutionReport): DeployOutputs {
  const result = (key: string) => report.results[key] ?? ''
  return {
    sha: result('sha'),
    previousSha: result('previous-sha') === '-' ? '' : result('previous-sha'),
    release: result('release'),
    environment: plan.environment,
    venv: result('venv'),
    scrontab: result('scrontab'),
    scrontabBlock: result('scrontab-block')
      ? Buffer.from(result('scrontab-block'), 'base64').toString('utf8')
      : '',
    targetSha: result('target-sha')
  }
}
