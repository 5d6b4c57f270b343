#!/usr/bin/env node
// Entry of `slurm-gitops` (dist/cli.js).
import { enableCompileCache } from './compile-cache.js'
import { main } from './main.js'
import { PASSPHRASE_VARIABLE } from './flags.js'

// Before a command's modules load (each is imported when the command runs).
enableCompileCache()

// The key's passphrase is read once from the environment as it was, and taken out of process.env: git, a
// --local script and the jobs it submits (sbatch exports the environment) inherit process.env.
const env = { ...process.env }
delete process.env[PASSPHRASE_VARIABLE]

/**
 * Exits once stdout and stderr have taken everything: writes to a pipe are asynchronous, and exiting at once
 * would cut a JSON result, or the end of a job's log (on stderr under --format json).
 */
function exitAfterOutput(code: number): void {
  let open = 2
  const flushed = () => {
    open -= 1
    if (open === 0) process.exit(code)
  }
  process.stdout.write('', flushed)
  process.stderr.write('', flushed)
}

main(process.argv.slice(2), undefined, env).then(exitAfterOutput, error => {
  console.error(error)
  exitAfterOutput(1)
})
