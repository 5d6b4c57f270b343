// Parsers of squeue, sacct and scontrol, fed output shapes recorded on the test cluster (Slurm 22.05).
import { describe, expect, it } from '@jest/globals'
import {
  checkJobId,
  parseSacct,
  parseScontrolShowJob,
  parseSqueue,
  sacctCommand,
  scancelCommand,
  squeueCommand,
  userName
} from '../../src/sandbox/slurm-queries.js'
import { formatDuration, secondsBetween, slurmTimestamp } from '../../src/sandbox/slurm-time.js'

const ok = (stdout: string) => ({ code: 0, stdout, stderr: '' })

describe('commands', () => {
  it('ask about one job id, quoted, and refuse anything else', () => {
    expect(squeueCommand('123')).toBe("squeue -h -j 123 -o '%i|%T|%r|%V|%S|%N|%u|%l|%j'")
    expect(sacctCommand('123', '2026-12-01T22:14:14')).toBe(
      'sacct -X -n -P -j 123 --starttime 2026-12-01T22:14:14 -o ' +
        'JobID,State,ExitCode,Submit,Start,End,NodeList,User,Reason,Timelimit,JobName'
    )
    expect(sacctCommand('123')).not.toContain('--starttime')
    expect(scancelCommand('42')).toBe('scancel 42')
    for (const bad of ['', '0', '12;rm -rf ~', '1_2', '-u caqrn', '12 13']) {
      expect(checkJobId(bad)).toMatch(/is not a Slurm job id/)
      expect(() => scancelCommand(bad)).toThrow(/is not a Slurm job id/)
    }
    expect(() => sacctCommand('1', 'yesterday; id')).toThrow(/not a Slurm timestamp/)
  })
})

describe('squeue', () => {
  it('reads a pending and a running job', () => {
    expect(
      parseSqueue('1', ok('1|PENDING|Priority|2026-12-01T22:14:14|N/A||caqrn|1:00|sgw-probe\n'))
    ).toEqual({
      kind: 'listed',
      entry: {
        jobId: '1',
        state: { name: 'PENDING', text: 'PENDING' },
        reason: 'Priority',
        submitTime: '2026-12-01T22:14:14',
        user: 'caqrn',
        timeLimit: '1:00',
        name: 'sgw-probe'
      }
    })
    const running = parseSqueue(
      '1',
      ok('1|RUNNING|None|2026-12-01T22:14:14|2026-12-01T22:14:15|vm|caqrn|1:00|a|b\n')
    )
    expect(running).toMatchObject({
      kind: 'listed',
      entry: { startTime: '2026-12-01T22:14:15', node: 'vm', name: 'a|b' }
    })
  })

  it('a purged job ("Invalid job id specified", exit 1) and an empty answer are unlisted; other failures are errors', () => {
    expect(
      parseSqueue('1', { code: 1, stdout: '', stderr: 'slurm_load_jobs error: Invalid job id specified\n' })
    ).toEqual({ kind: 'unlisted' })
    expect(parseSqueue('1', ok(''))).toEqual({ kind: 'unlisted' })
    expect(parseSqueue('1', ok('11|RUNNING|None|x|x|vm|caqrn|1:00|other\n'))).toEqual({ kind: 'unlisted' })
    expect(
      parseSqueue('1', {
        code: 1,
        stdout: '',
        stderr: 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n'
      })
    ).toEqual({
      kind: 'error',
      message: 'squeue exited 1: slurm_load_jobs error: Unable to contact slurm controller (connect failure)'
    })
    expect(parseSqueue('1', { code: null, stdout: '', stderr: '' })).toEqual({
      kind: 'error',
      message: 'squeue was interrupted'
    })
  })
})

describe('sacct', () => {
  it('reads a failed job', () => {
    const answer = parseSacct(
      '1',
      ok(
        '1|FAILED|3:0|2026-12-01T22:14:14|2026-12-01T22:14:14|2026-12-01T22:14:17|vm|caqrn|None|00:01:00|sgw-probe\n'
      )
    )
    expect(answer).toEqual({
      kind: 'recorded',
      record: {
        jobId: '1',
        state: { name: 'FAILED', text: 'FAILED' },
        exit: { code: 3, signal: 0 },
        submitTime: '2026-12-01T22:14:14',
        startTime: '2026-12-01T22:14:14',
        endTime: '2026-12-01T22:14:17',
        node: 'vm',
        user: 'caqrn',
        reason: 'None',
        timeLimit: '00:01:00',
        name: 'sgw-probe'
      }
    })
  })

  it('reads a cancelled job that never started', () => {
    const answer = parseSacct(
      '7',
      ok(
        '7|CANCELLED by 1001|0:0|2026-12-01T22:00:00|None|2026-12-01T22:00:05|None assigned|caqrn|None|00:01:00|x\n'
      )
    )
    expect(answer).toMatchObject({
      kind: 'recorded',
      record: { state: { name: 'CANCELLED', cancelledBy: '1001' }, endTime: '2026-12-01T22:00:05' }
    })
    if (answer.kind === 'recorded') {
      expect(answer.record.startTime).toBeUndefined()
      expect(answer.record.node).toBeUndefined()
    }
  })

  it('of several rows for one id (reused after a controller restart) takes this job’s, not an older one', () => {
    const rows =
      '5|COMPLETED|0:0|2026-11-01T10:00:00|2026-11-01T10:00:01|2026-11-01T10:00:02|vm|caqrn|None|00:01:00|old\n' +
      '5|RUNNING|0:0|2026-12-01T22:00:00|2026-12-01T22:00:01|Unknown|vm|caqrn|None|00:01:00|new\n'
    expect(parseSacct('5', ok(rows))).toMatchObject({ record: { name: 'new' } })
    expect(parseSacct('5', ok(rows.split('\n')[0] + '\n'), '2026-12-01T21:59:59')).toEqual({
      kind: 'unrecorded'
    })
  })

  it('no row yet is unrecorded; a failure is an error', () => {
    expect(parseSacct('1', ok(''))).toEqual({ kind: 'unrecorded' })
    expect(parseSacct('1', { code: 1, stdout: '', stderr: 'sacct: error: slurmdbd: ...\n' })).toMatchObject({
      kind: 'error'
    })
  })
})

describe('scontrol show job -o', () => {
  it('reads Key=Value pairs, a value with spaces included', () => {
    const line =
      'JobId=1 JobName=sgw-probe UserId=caqrn(1001) GroupId=caqrn(1001) JobState=RUNNING Reason=None ' +
      'ExitCode=0:0 TimeLimit=00:01:00 SubmitTime=2026-12-01T22:14:14 StartTime=2026-12-01T22:14:14 ' +
      'Command=/projects/caqrn/my job.sh WorkDir=/projects/caqrn StdOut=/tmp/sgw-probe-1.out Power= \n'
    const answer = parseScontrolShowJob('1', ok(line))
    expect(answer).toMatchObject({
      kind: 'listed',
      fields: {
        JobId: '1',
        UserId: 'caqrn(1001)',
        Command: '/projects/caqrn/my job.sh',
        StdOut: '/tmp/sgw-probe-1.out',
        Power: ''
      }
    })
    expect(userName('caqrn(1001)')).toBe('caqrn')
    expect(
      parseScontrolShowJob('1', {
        code: 1,
        stdout: '',
        stderr: 'slurm_load_jobs error: Invalid job id specified'
      })
    ).toEqual({ kind: 'unlisted' })
  })
})

describe('Slurm time', () => {
  it('keeps real timestamps, drops Unknown/None/N/A, measures differences, formats durations', () => {
    expect(slurmTimestamp('2026-12-01T22:14:14')).toBe('2026-12-01T22:14:14')
    for (const none of ['Unknown', 'None', 'N/A', '', undefined]) expect(slurmTimestamp(none)).toBeUndefined()
    expect(secondsBetween('2026-12-31T23:59:50', '2027-01-01T00:01:00')).toBe(70)
    expect(secondsBetween(undefined, '2027-01-01T00:01:00')).toBeUndefined()
    expect([5, 65, 3725, 90000].map(formatDuration)).toEqual(['5s', '1m 05s', '1h 02m', '1d 01h'])
  })
})
