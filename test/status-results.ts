// What the status step reports (deploy-templates/steps/status.sh) for a healthy production deployment of the
// example project, as result markers: the base the status unit tests change one fact of at a time. Rows of
// squeue and sacct are in the shapes the test cluster (Slurm 22.05) printed them.

export const SHA = 'a'.repeat(40)
export const ROOT = '/projects/caqrn/production'
export const JOB = 'caqrn-production-daily'
/** The cluster's clock in the tests: a Wednesday, 10:00 UTC. */
export const NOW = Date.parse('2026-12-02T10:00:00Z')
/** The live release went live three days before. */
export const LIVE_SINCE = Date.parse('2026-11-29T09:00:00Z')

export const BLOCK = [
  '# >>> slurm-gitops caqrn production >>>',
  '# Managed by slurm-gitops from branch main: this block is replaced on every deploy.',
  `#SCRON --partition=standard --time=06:00:00 --job-name=${JOB} --output=${ROOT}/logs/daily.out --open-mode=append`,
  `0 2 * * * ${ROOT}/jobs/daily.sh`,
  '# <<< slurm-gitops caqrn production <<<',
  ''
].join('\n')

export const base64 = (text: string) => Buffer.from(text).toString('base64')
export const epoch = (iso: string) => String(Date.parse(iso) / 1000)

/** A run of the cron job as sacct -D prints it: REQUEUED with the run's exit code. */
export function cronRun(jobId: string, startIso: string, seconds: number, exitCode = '0:0'): string {
  const start = Date.parse(startIso) / 1000
  const elapsed = new Date(seconds * 1000).toISOString().slice(11, 19)
  return `${jobId}|${JOB}|REQUEUED|${exitCode}|${start - 3600}|${start}|${start + seconds}|${elapsed}|06:00:00|vm`
}

/** The cron job waiting for 02:00 tomorrow, submitted when its last run ended. */
export const QUEUED = `812|${JOB}|PENDING|${epoch('2026-12-03T02:00:00Z')}|${epoch('2026-12-02T02:00:07Z')}|BeginTime`

export const RUNS = [cronRun('812', '2026-12-01T02:00:01Z', 5), cronRun('812', '2026-12-02T02:00:02Z', 5)]

export function statusResults(change: Record<string, string> = {}): Record<string, string> {
  return {
    golive: '-',
    current: 'complete',
    sha: SHA,
    release: `${ROOT}/releases/${SHA}`,
    'live-since': String(LIVE_SINCE / 1000),
    'release-block': base64(BLOCK),
    'release-files': 'verified',
    'stable-links': 'ok',
    'scrontab-block': base64(BLOCK),
    clock: String(NOW / 1000),
    'time-zone': 'Etc/UTC',
    'utc-offset': '+0000',
    queue: base64(QUEUED),
    runs: base64(RUNS.join('\n')),
    ...change
  }
}
