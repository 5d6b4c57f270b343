// The runner's cancel (SIGINT, then SIGTERM 7.5 s later) or Ctrl-C cancels what `run` started, like a workflow cancel: the remote process group is
// killed, or the Slurm job cancelled by its id, and the command reports it. The handlers are gone afterwards.
export async function cancelOnSignal<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController()
  const cancel = () => abort.abort()
  process.on('SIGINT', cancel)
  process.on('SIGTERM', cancel)
  try {
    return await run(abort.signal)
  } finally {
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
  }
}
