// The pure parts around the watcher: identity rules, the remote scripts, line splitting, timeouts, wording.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { classifyJob, type IdentifiedJob } from '../../src/sandbox/job-identity.js'
import { parseJobState } from '../../src/sandbox/job-state.js'
import { drainScript, followScript } from '../../src/sandbox/log-stream.js'
import { OutputLines } from '../../src/sandbox/output-lines.js'
import { formatWatchEvent, formatWatchOutcome } from '../../src/sandbox/watch-events.js'
import { watchSettings, watchTimeoutMs, type WatchOutcome } from '../../src/sandbox/watch.js'
import type { Transport } from '../../src/transport/types.js'

const job = (name: string, user = 'caqrn'): IdentifiedJob => ({
  jobId: '12',
  name,
  user,
  state: parseJobState('RUNNING'),
  source: 'controller'
})

describe('which jobs watch and cancel may touch', () => {
  it('a sandbox job of this project run by the service account', () => {
    expect(classifyJob(job('caqrn-sandbox-alice-42-1a2b3c4'), 'caqrn', 'caqrn')).toMatchObject({
      kind: 'sandbox',
      run: { sandbox: 'alice', runId: '42', shortSha: '1a2b3c4' }
    })
  })

  it('refuses, naming what the job is', () => {
    const refusal = (name: string, user = 'caqrn') => {
      const identity = classifyJob(job(name, user), 'caqrn', 'caqrn')
      return identity.kind === 'refused' ? identity.message : `not refused: ${identity.kind}`
    }
    expect(refusal('caqrn-production-daily')).toBe(
      'job 12 ("caqrn-production-daily", user caqrn, RUNNING) looks like a scheduled job of caqrn ' +
        '(<project>-<environment>-<job>), not a sandbox test job; scheduled jobs follow their deployment ' +
        '(their scrontab entry), and cancelling one by hand ends its run'
    )
    expect(refusal('caqrn-sandbox-alice-42-1a2b3c4', 'bob')).toMatch(
      /belongs to bob, not caqrn; leaving it alone$/
    )
    expect(refusal('interactive')).toMatch(
      /is not a sandbox test job of caqrn: those are named caqrn-sandbox-<sandbox>-<run id>-<short sha>$/
    )
    expect(refusal('caqrn-sandbox')).toMatch(/is not a sandbox test job of caqrn/)
  })
})

describe('the remote scripts of the log stream', () => {
  const bash = (script: string) => spawnSync('bash', ['-n'], { input: script }).status

  it('quote the path, start after the bytes delivered, and parse', () => {
    const follow = followScript("/data/it's here.out", 10, 'SG_LOG_ab')
    expect(follow).toContain(`f='/data/it'\\''s here.out'`)
    expect(follow).toContain('exec tail -c +11 -F --sleep-interval=0.5 --pid="$p" -- "$f" 2>/dev/null')
    expect(bash(follow)).toBe(0)
    const drain = drainScript('/data/x.out', 0, 'SG_LOG_ab')
    expect(drain).toContain('exec tail -c +1 -- "$f" 2>/dev/null')
    expect(bash(drain)).toBe(0)
  })

  it('the drain prints the marker, then exactly the bytes after the offset', () => {
    const dir = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim()
    spawnSync('bash', ['-c', `printf 'one\\ntwo\\nthree' > ${dir}/log`])
    const out = spawnSync('bash', ['-s'], { input: drainScript(`${dir}/log`, 4, 'MARK'), encoding: 'utf8' })
    expect(out.stdout).toBe('MARK\ntwo\nthree')
    const missing = spawnSync('bash', ['-s'], {
      input: drainScript(`${dir}/nope`, 0, 'MARK'),
      encoding: 'utf8'
    })
    expect(missing).toMatchObject({ status: 0, stdout: 'MARK\n' })
    spawnSync('rm', ['-rf', dir])
  })
})

describe('job output as lines', () => {
  it('joins lines and characters split across chunks, keeps an unterminated last line', () => {
    const lines: string[] = []
    const out = new OutputLines(line => lines.push(line))
    const text = Buffer.from('héllo\r\nwor')
    out.write(text.subarray(0, 2)) // splits "é"
    out.write(text.subarray(2))
    out.write(Buffer.from('ld\nlast'))
    out.end()
    expect(lines).toEqual(['héllo', 'world', 'last'])
  })
})

describe('watch settings', () => {
  it('the timeout is the time limit plus the queue allowance; none for UNLIMITED', () => {
    expect(watchTimeoutMs('30:00', 60_000)).toBe(31 * 60_000)
    expect(watchTimeoutMs('1-00:00:00', 0)).toBe(24 * 60 * 60_000)
    expect(watchTimeoutMs('UNLIMITED', 60_000)).toBeUndefined()
    expect(watchTimeoutMs('garbage', 60_000)).toBeUndefined()
  })

  it('come from the config in milliseconds', () => {
    expect(
      watchSettings({
        pollCapSeconds: 30,
        queueAllowanceMinutes: 60,
        onWatchTimeout: 'leave',
        reconnectSeconds: 300
      })
    ).toEqual({ pollCapMs: 30_000, queueAllowanceMs: 3_600_000, onTimeout: 'leave', reconnectMs: 300_000 })
  })
})

describe('watch wording', () => {
  it('says the state with its pending reason, and what a reconnect meant for the job', () => {
    const pending = formatWatchEvent({
      kind: 'state',
      jobId: '7',
      state: parseJobState('PENDING'),
      reason: 'Priority'
    })
    expect(pending).toEqual({ level: 'info', text: 'job 7 PENDING (Priority)' })
    expect(
      formatWatchEvent({
        kind: 'state',
        jobId: '7',
        state: parseJobState('RUNNING'),
        reason: 'None',
        node: 'c1'
      }).text
    ).toBe('job 7 RUNNING on c1')
    expect(
      formatWatchEvent({
        kind: 'reconnected',
        jobId: '7',
        attempts: 2,
        downMs: 3200,
        transport: 'caqrn@h:22 (ssh)'
      })
    ).toEqual({
      level: 'warning',
      text: 'reconnected to caqrn@h:22 (ssh) after 3s; job 7 was not affected, its log continues where it stopped'
    })
  })

  it('closes with the result and the times', () => {
    const outcome = {
      jobId: '7',
      message: 'FAILED 3:0: the job script exited with code 3',
      queuedSeconds: 2,
      ranSeconds: 65,
      node: 'c1'
    } as WatchOutcome & { transport: Transport }
    expect(formatWatchOutcome(outcome)).toBe(
      'job 7: FAILED 3:0: the job script exited with code 3 (queued for 2s, ran for 1m 05s, on c1)'
    )
  })
})
