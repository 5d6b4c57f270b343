// Submits a batch job and notes the login node's clock just before, so that the watch can ask sacct about this
// job only (`--starttime`): a job id can be reused after the controller lost its state.
import { shellQuoteAll } from '../render/shell-quote.js'
import type { Transport } from '../transport/types.js'
import { checkJobId } from './slurm-queries.js'

export interface SubmittedJob {
  jobId: string
  /** The login node's time just before sbatch, as Slurm prints times; the job's submit time is not earlier. */
  submittedAfter: string
}

/** `sbatch --parsable ARGS…` (each argument quoted) in one command; throws with sbatch's message on failure. */
export async function submitBatchJob(
  transport: Transport,
  args: readonly string[],
  { loginShell = true, directory }: { loginShell?: boolean; directory?: string } = {}
): Promise<SubmittedJob> {
  const cd = directory === undefined ? '' : `cd ${shellQuoteAll([directory])} && `
  const command = `${cd}date +%Y-%m-%dT%H:%M:%S && sbatch --parsable ${shellQuoteAll(args)}`
  const result = await transport.exec(loginShell ? `bash -lc ${shellQuoteAll([command])}` : command)
  const [time = '', answer = ''] = result.stdout.trim().split('\n')
  // --parsable prints "jobid" or "jobid;cluster".
  const jobId = answer.split(';')[0]?.trim() ?? ''
  if (result.code !== 0 || checkJobId(jobId) !== null) {
    const why = (result.stderr.trim() || result.stdout.trim() || `exit ${result.code}`).split('\n').slice(-3)
    throw new Error(`sbatch failed: ${why.join(' / ')}`)
  }
  return { jobId, submittedAfter: time.trim() }
}
