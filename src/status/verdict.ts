// The words status answers in, after Argo CD's and Flux's (which many users know): Sync says whether the
// cluster runs what git says, Health whether what runs works. Every verdict other than the good one comes with
// its reasons; notes say what a reader should know without changing the verdict.

export type SyncStatus = 'Synced' | 'OutOfSync' | 'Unknown'
export type HealthStatus = 'Healthy' | 'Degraded' | 'Unknown'

export interface Reason {
  /** Stable, for scripts (docs/status-json.md lists them), e.g. `behind`, `entry-disabled`, `last-run-failed`. */
  code: string
  message: string
  /** Health: the job (its config name) the reason is about. */
  job?: string
}

export interface Verdict<S extends string> {
  status: S
  /** Why it is not the good status, or what could not be known; empty when it is. */
  reasons: Reason[]
  notes: Reason[]
}
