#!/usr/bin/env node
// Entry of `slurm-gitops` (dist/cli.js).
import { main } from './main.js'

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(error)
    process.exit(1)
  }
)
