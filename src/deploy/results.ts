// The keys the deploy script reports with `sg_result KEY VALUE`, listed once: the script's side of the contract
// is documented in deploy-templates/README.md, and everything that reads a result reads these typed outputs.
import type { ExecutionReport } from '../exec/executor.js'
import type { RunMode } from '../plan/types.js'

/** Each key, what it means, and the modes whose successful run must report it. */
export const RESULT_KEYS = {
  'previous-sha': { means: 'the commit live before this run, `-` when none', modes: ['deploy', 'rollback'] },
  sha: {
    means: 'the commit live after this run (status: `-` when nothing is deployed)',
    modes: ['deploy', 'rollback', 'status']
  },
  release: { means: 'the release directory now behind current', modes: ['deploy', 'rollback', 'status'] },
  'release-reused': { means: '`true` when a release with the same files already existed', modes: ['deploy'] },
  venv: { means: '`built` or `reused`', modes: ['deploy'] },
  'venv-path': { means: 'the venv the release uses', modes: ['deploy'] },
  'env-scripts': { means: '`changed` or `unchanged` against the release live before', modes: ['deploy'] },
  scrontab: {
    means: '`changed` or `unchanged` (an unchanged table is not reinstalled)',
    modes: ['deploy', 'rollback']
  },
  'scrontab-block': {
    means: 'the block in force after the run, base64 (status: the block the table holds, empty when none)',
    modes: ['deploy', 'rollback']
  },
  'target-sha': {
    means: 'rollback: the commit it restores, reported before going live',
    modes: ['rollback']
  },
  skipped: {
    means:
      'deploy: why nothing was done (the commit is an ancestor of the live one); the run still succeeded',
    modes: []
  },
  repaired: { means: 'what this run repaired first: an interrupted go-live completed or undone', modes: [] },
  resubmitted: {
    means:
      'the table was reinstalled: the job names of its live entries, which Slurm submitted again with new job ids, one a line, base64',
    modes: []
  },
  'running-jobs': {
    means:
      'the table was reinstalled while these jobs of its entries ran (each finishes as a one-off): job id, name and start, tab-separated, one a line, base64',
    modes: []
  },
  'log-path': { means: "logs: the job's output file", modes: ['logs'] },
  'log-size': { means: 'logs: its size in bytes, `-` when it does not exist', modes: ['logs'] },
  runs: {
    means:
      "logs: the job's latest runs as sacct prints them (one a line, `|`-separated), oldest first; status: sacct's records of the deployment's jobs (-D: every run); base64",
    modes: ['logs']
  },
  'log-headers': {
    means:
      "logs: the first line of each run in the output file since the oldest run listed: its byte offset, where the run's output ends, and the line, tab-separated, base64",
    modes: ['logs']
  },
  removed: { means: 'remove: what was removed, one phrase per item, `; `-separated', modes: ['remove'] },
  cancelled: { means: 'remove: the job ids cancelled (by id), space-separated', modes: [] },
  // status: facts from which src/status/ decides Sync and Health.
  current: { means: 'status: `complete`, `incomplete` or `missing`', modes: ['status'] },
  'live-since': {
    means: 'status: when `current` last changed (epoch seconds), `-` when missing',
    modes: ['status']
  },
  'release-block': { means: "status: the live release's scrontab block, base64", modes: [] },
  golive: {
    means: 'status: an unfinished go-live a running deploy holds the lock for, `-` when none',
    modes: ['status']
  },
  'release-files': {
    means: 'status: the rendered files against their checksums: `verified`, `changed` or `unverifiable`',
    modes: []
  },
  'changed-files': {
    means: 'status: `modified:PATH`, `missing:PATH`, `added:PATH`, space-separated',
    modes: []
  },
  'stable-links': { means: 'status: `ok`, or the stable paths that no longer point into current', modes: [] },
  'scrontab-error': { means: 'status: why the scrontab table could not be read', modes: [] },
  clock: { means: "status: the cluster's clock, epoch seconds", modes: ['status'] },
  'time-zone': {
    means: "status: the login node's IANA time zone, empty when it tells none",
    modes: ['status']
  },
  'utc-offset': { means: "status: the login node's UTC offset now (`date +%z`)", modes: ['status'] },
  queue: { means: "status: squeue's rows of the deployment's jobs, base64", modes: [] },
  'queue-error': { means: 'status: why squeue failed', modes: [] },
  'runs-error': { means: 'status: why sacct failed', modes: [] }
} as const satisfies Record<string, { means: string; modes: readonly RunMode[] }>

export type ResultKey = keyof typeof RESULT_KEYS

/** The typed outputs of one run of the deploy script. Empty strings where the run did not get that far. */
export interface RunOutputs {
  sha: string
  /** Empty on the first deploy. */
  previousSha: string
  release: string
  releaseReused: boolean
  environment: string
  venv: '' | 'built' | 'reused'
  venvPath: string
  envScripts: '' | 'changed' | 'unchanged'
  scrontab: '' | 'changed' | 'unchanged'
  /** The scrontab block in force after the run (rollback: the restored release's). */
  scrontabBlock: string
  /** rollback: the commit it restores, known before it goes live (also when going live then fails). */
  targetSha: string
  /** deploy: why it changed nothing (an older commit than the live one); '' when it deployed. */
  skipped: string
  /** What the run repaired before its own work (an interrupted go-live); '' when nothing. */
  repaired: string
  /** The table was reinstalled: the job names of the entries Slurm submitted again (`-` for one without). */
  cronResubmitted: string[]
  /** The table was reinstalled while these jobs of its entries ran: they finish as one-off runs. */
  cronRunning: RunningCronJob[]
  /** logs: the output file, its size (-1: none), the runs (sacct rows) and the run headers found in it. */
  logs: { path: string; size: number; runs: string; headers: string }
  /** remove: what was removed; the job ids it cancelled. */
  removed: string[]
  cancelled: string[]
}

export interface RunningCronJob {
  jobId: string
  name: string
  /** As squeue printed it, in the cluster's time zone. */
  start: string
}

function isResultKey(key: string): key is ResultKey {
  return Object.hasOwn(RESULT_KEYS, key)
}

/**
 * Reads the reported results into typed outputs. An unknown key (an overridden step that reports something new)
 * or a key a successful run of this mode must report but did not is a warning, never a failure: the run's exit
 * marker decides success.
 */
export function parseResults(
  report: ExecutionReport,
  mode: RunMode,
  environment: string,
  warn: (message: string) => void = () => {}
): RunOutputs {
  const values: Partial<Record<ResultKey, string>> = {}
  for (const [key, value] of Object.entries(report.results)) {
    if (isResultKey(key)) values[key] = value
    else
      warn(
        `the deploy script reported an unknown result "${key}" (known: ${Object.keys(RESULT_KEYS).join(', ')})`
      )
  }
  // A skipped deploy ends before the steps that report the rest.
  if (report.exitCode === 0 && values.skipped === undefined) {
    const missing = Object.entries(RESULT_KEYS)
      .filter(
        ([key, spec]) =>
          (spec.modes as readonly RunMode[]).includes(mode) && values[key as ResultKey] === undefined
      )
      .map(([key]) => key)
    if (missing.length > 0) warn(`the deploy script did not report ${missing.join(', ')} (${mode})`)
  }
  const value = (key: ResultKey) => values[key] ?? ''
  const oneOf = <T extends string>(key: ResultKey, allowed: readonly T[]): T | '' =>
    (allowed as readonly string[]).includes(value(key)) ? (value(key) as T) : ''
  const noneIsEmpty = (text: string) => (text === '-' ? '' : text)
  return {
    sha: noneIsEmpty(value('sha')),
    previousSha: noneIsEmpty(value('previous-sha')),
    release: value('release'),
    releaseReused: value('release-reused') === 'true',
    environment,
    venv: oneOf('venv', ['built', 'reused'] as const),
    venvPath: value('venv-path'),
    envScripts: oneOf('env-scripts', ['changed', 'unchanged'] as const),
    scrontab: oneOf('scrontab', ['changed', 'unchanged'] as const),
    scrontabBlock: base64(value('scrontab-block')),
    targetSha: value('target-sha'),
    skipped: value('skipped'),
    repaired: value('repaired'),
    cronResubmitted: lines(base64(value('resubmitted'))),
    cronRunning: lines(base64(value('running-jobs'))).map(line => {
      const [jobId = '', name = '', start = ''] = line.split('\t')
      return { jobId, name, start }
    }),
    logs: {
      path: value('log-path'),
      size: /^\d+$/.test(value('log-size')) ? Number(value('log-size')) : -1,
      runs: base64(value('runs')),
      headers: base64(value('log-headers'))
    },
    removed: value('removed') ? value('removed').split('; ') : [],
    cancelled: value('cancelled').split(' ').filter(Boolean)
  }
}

const base64 = (text: string) => Buffer.from(text, 'base64').toString('utf8')
const lines = (text: string) => text.split('\n').filter(line => line !== '')
