// Ctrl-C (SIGINT) or SIGTERM cancels what `run` started, like a workflow cancel: the remote process group is
// killed, or the Slurm job cancelled by its id, and the command reports it. The handlers are gone afterwards.
export async function cancelOnSignal<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController()
  const cancel = () => abort.abort()
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  try {
    return await run(abort.signal)
  } finally {
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
  }
}
