import { describe, expect, it } from '@jest/globals'
import { parseSandboxJobName, sandboxJobName, sandboxJobPrefix } from '../../src/sandbox/job-name.js'

describe('sandbox job names', () => {
  it('builds <project>-sandbox-<sandbox>-<run id>-<short sha> and reads it back', () => {
    const run = { project: 'caqrn', sandbox: 'alice', runId: '9876543210', shortSha: '1a2b3c4' }
    expect(sandboxJobName(run)).toBe('caqrn-sandbox-alice-9876543210-1a2b3c4')
    expect(parseSandboxJobName('caqrn', 'caqrn-sandbox-alice-9876543210-1a2b3c4')).toEqual(run)
    expect(sandboxJobPrefix('caqrn')).toBe('caqrn-sandbox-')
  })

  it('reads a sandbox name that itself contains - and digits', () => {
    const run = {
      project: 'caqrn',
      sandbox: 'alice.test-2-12',
      runId: '20250301140207',
      shortSha: 'abcdef012'
    }
    expect(parseSandboxJobName('caqrn', sandboxJobName(run))).toEqual(run)
  })

  it('is not a scheduled job name, another project’s, or a free-form name', () => {
    for (const name of [
      'caqrn-production-daily',
      'caqrn-development-daily',
      'caqrn-sandbox',
      'caqrn-sandbox-alice',
      'caqrn-sandbox-alice-123',
      'other-sandbox-alice-1-1a2b3c4',
      'caqrn-sandbox--1-1a2b3c4',
      'caqrn-sandbox-alice-1-1A2B3C4'
    ]) {
      expect(parseSandboxJobName('caqrn', name)).toBeUndefined()
    }
  })

  it('refuses parts that would not read back', () => {
    const base = { project: 'caqrn', sandbox: 'alice', runId: '1', shortSha: '1a2b3c4' }
    expect(() => sandboxJobName({ ...base, sandbox: 'al ice' })).toThrow(/sandbox name/)
    expect(() => sandboxJobName({ ...base, runId: 'run-1' })).toThrow(/run id/)
    expect(() => sandboxJobName({ ...base, shortSha: 'main' })).toThrow(/short sha/)
  })
})
