#!/usr/bin/env node
// Entry of `slurm-gitops` (dist/cli.js).
import { main } from './main.js'
import { PASSPHRASE_VARIABLE } from './flags.js'

// The key's passphrase is read once from the environment as it was, and taken out of process.env: git, a
// --local script and the jobs it submits (sbatch exports the environment) inherit process.env.
const env = { ...process.env }
delete process.env[PASSPHRASE_VARIABLE]

/** Exits once stdout has taken everything: writes to a pipe are asynchronous, and exit would cut a JSON result. */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.exit(code))
}

main(process.argv.slice(2), undefined, env).then(exitAfterOutput, error => {
  console.error(error)
  exitAfterOutput(1)
})
