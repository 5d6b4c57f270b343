// The runner's description of the run, read without @actions/github, and the run's URL built from it.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runEnvironment } from '../../src/github/run-environment.js'
import { runUrl } from '../../src/github/run-url.js'

function eventFile(payload: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sg-event-')), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

describe('runEnvironment', () => {
  it('reads the event and the run as the runner sets them', () => {
    const run = runEnvironment({
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile({ inputs: { command: 'rollback' } }),
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_REPOSITORY: 'caqrn/pipeline'
    })
    expect(run).toEqual({
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'rollback' } },
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      actor: 'octocat',
      runId: 4242,
      runAttempt: 2,
      serverUrl: 'https://github.com',
      repository: { owner: 'caqrn', repo: 'pipeline' }
    })
  })

  it('takes the repository from the payload when GITHUB_REPOSITORY is not set, and has none outside a run', () => {
    const payload = { repository: { name: 'pipeline', owner: { login: 'caqrn' } } }
    expect(runEnvironment({ GITHUB_EVENT_PATH: eventFile(payload) }).repository).toEqual({
      owner: 'caqrn',
      repo: 'pipeline'
    })
    const outside = runEnvironment({})
    expect(outside).toMatchObject({ eventName: '', payload: {}, repository: undefined })
    expect(outside.runId).toBeNaN()
  })
})

describe('runUrl', () => {
  const env = {
    GITHUB_RUN_ID: '4242',
    GITHUB_REPOSITORY: 'caqrn/pipeline',
    GITHUB_SERVER_URL: 'https://ghe.example'
  }

  it('links the run, and its attempt after the first', () => {
    expect(runUrl(undefined, runEnvironment({ ...env, GITHUB_RUN_ATTEMPT: '1' }))).toBe(
      'https://ghe.example/caqrn/pipeline/actions/runs/4242'
    )
    expect(runUrl({ owner: 'o', repo: 'r' }, runEnvironment({ ...env, GITHUB_RUN_ATTEMPT: '3' }))).toBe(
      'https://ghe.example/o/r/actions/runs/4242/attempts/3'
    )
  })

  it('is undefined outside a workflow run', () => {
    expect(runUrl(undefined, runEnvironment({}))).toBeUndefined()
  })
})
