import { describe, expect, it } from '@jest/globals'
import {
  isActiveState,
  isFinalState,
  jobResult,
  parseExitCode,
  parseJobState
} from '../../src/sandbox/job-state.js'

describe('job states', () => {
  it.each([
    'BOOT_FAIL',
    'CANCELLED',
    'CANCELLED by 1001',
    'CANCELLED+',
    'COMPLETED',
    'DEADLINE',
    'FAILED',
    'NODE_FAIL',
    'OUT_OF_MEMORY',
    'PREEMPTED',
    'TIMEOUT',
    'REVOKED'
  ])('%s is final', state => {
    expect(isFinalState(state)).toBe(true)
    expect(isActiveState(state)).toBe(false)
  })

  it.each([
    'PENDING',
    'CONFIGURING',
    'RUNNING',
    'COMPLETING',
    'SUSPENDED',
    'REQUEUED',
    'RESIZING',
    'REQUEUE_HOLD',
    'REQUEUE_FED',
    'SIGNALING',
    'STAGE_OUT',
    'RESV_DEL_HOLD',
    'STOPPED',
    'SPECIAL_EXIT'
  ])('%s is not final', state => {
    expect(isFinalState(state)).toBe(false)
    expect(isActiveState(state)).toBe(true)
  })

  it('an empty answer (just after submit) and an unknown word are not final', () => {
    expect(isFinalState('')).toBe(false)
    expect(isFinalState('SOMETHING_NEW')).toBe(false)
  })

  it('reads "CANCELLED by <uid>" and a truncated state', () => {
    expect(parseJobState('CANCELLED by 1001')).toEqual({
      name: 'CANCELLED',
      text: 'CANCELLED by 1001',
      cancelledBy: '1001'
    })
    expect(parseJobState('CANCELLED+ ')).toEqual({ name: 'CANCELLED', text: 'CANCELLED+' })
    expect(parseJobState('RUNNING')).toEqual({ name: 'RUNNING', text: 'RUNNING' })
  })

  it('reads sacct ExitCode code:signal', () => {
    expect(parseExitCode('3:0')).toEqual({ code: 3, signal: 0 })
    expect(parseExitCode('0:15')).toEqual({ code: 0, signal: 15 })
    expect(parseExitCode('')).toBeUndefined()
    expect(parseExitCode('x')).toBeUndefined()
  })
})

describe('the result of a finished job', () => {
  const result = (state: string, exit: string) => jobResult(parseJobState(state), parseExitCode(exit))

  it('passes only for COMPLETED with exit code 0', () => {
    expect(result('COMPLETED', '0:0')).toEqual({
      succeeded: true,
      summary: 'COMPLETED',
      message: 'COMPLETED: the job script exited with code 0'
    })
    expect(result('COMPLETED', '0:9').succeeded).toBe(false)
    expect(result('COMPLETED', '0:9').summary).toBe('COMPLETED 0:9')
  })

  it('says which failure it was', () => {
    expect(result('FAILED', '3:0')).toEqual({
      succeeded: false,
      summary: 'FAILED 3:0',
      message: 'FAILED 3:0: the job script exited with code 3'
    })
    expect(result('FAILED', '0:9').message).toBe('FAILED 0:9: the job script was killed by SIGKILL')
    expect(result('TIMEOUT', '0:0')).toEqual({
      succeeded: false,
      summary: 'TIMEOUT',
      message: 'TIMEOUT: the job reached its time limit'
    })
    expect(result('CANCELLED by 1234', '0:15')).toEqual({
      succeeded: false,
      summary: 'CANCELLED by 1234',
      message: 'CANCELLED by 1234: the job was cancelled by uid 1234; the job script was killed by SIGTERM'
    })
    expect(result('OUT_OF_MEMORY', '0:125').summary).toBe('OUT_OF_MEMORY')
    expect(result('OUT_OF_MEMORY', '0:125').message).toMatch(/^OUT_OF_MEMORY: the job ran out of memory/)
    expect(result('NODE_FAIL', '0:0').message).toBe('NODE_FAIL: a node of the job failed')
    expect(result('PREEMPTED', '0:0').message).toBe('PREEMPTED: the job was preempted')
  })

  it('never passes a job that has not finished', () => {
    expect(result('RUNNING', '0:0')).toEqual({
      succeeded: false,
      summary: 'RUNNING',
      message: 'RUNNING: the job has not finished'
    })
  })
})
