// A deploy checks its plan before it connects: a rendered script that does not parse never reaches a cluster.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseConfig } from '../../src/config/load.js'
import { runOperation } from '../../src/deploy/operations.js'
import { MemoryLogSink } from '../../src/exec/log-sink.js'
import { loadTemplates } from '../../src/render/templates.js'
import { UserError } from '../../src/errors/user-error.js'

describe('runOperation', () => {
  it('refuses a plan whose script does not parse, before any connection', async () => {
    const config = parseConfig(
      readFileSync('examples/caqrn/.github/slurm-gitops.yml', 'utf8'),
      '.github/slurm-gitops.yml'
    )
    config.templates = { 'job.sh': 'ci/job.sh.hbs' }
    const templates = await loadTemplates(
      config.templates,
      async () => '#!/bin/bash\nif then fi {{job.name}}\n'
    )
    const sink = new MemoryLogSink()
    let error: unknown
    try {
      await runOperation({
        config,
        templates,
        branch: 'main',
        mode: 'deploy',
        sha: 'a'.repeat(40),
        actor: 'octocat',
        runUrl: '',
        // Nothing listens there: reaching it would be a connection error, not the UserError expected.
        connection: {
          kind: 'ssh',
          host: '127.0.0.1',
          port: 1,
          username: 'caqrn',
          privateKey: 'x',
          knownHosts: 'x'
        },
        sink,
        repoDir: '.'
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    const problem = (error as UserError).problems[0]!
    expect(problem.where).toBe('main: .slurm-gitops/jobs/daily.sh')
    expect(problem.message).toMatch(/^bash -n: .*syntax error/)
    expect(sink.events).toEqual([])
  })
})
