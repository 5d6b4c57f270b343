// The action's inputs for `command: status`: which deployments, and the verdicts that fail the step.
import { describe, expect, it } from '@jest/globals'
import { getInputs } from '../../src/action/inputs.js'
import { Inputs } from '../../src/action/constants.js'
import { UserError } from '../../src/errors/user-error.js'

const reader =
  (values: Partial<Record<Inputs, string>>) =>
  (name: Inputs): string =>
    values[name] ?? ''

const schedule = { eventName: 'schedule', payload: {}, ref: 'refs/heads/main', sha: 'a'.repeat(40) }

function problems(values: Partial<Record<Inputs, string>>): string[] {
  try {
    getInputs(schedule, reader(values), '/w')
    return []
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(p => `${p.where}: ${p.message}`)
    throw error
  }
}

describe('getInputs for status', () => {
  it('auto runs status on a schedule, for every deployment, failing on out-of-sync and degraded', () => {
    const settings = getInputs(schedule, reader({}), '/w')
    expect(settings).toMatchObject({ command: 'status', failOn: ['out-of-sync', 'degraded'] })
    // The scheduled run's ref is the default branch: it does not pick a deployment.
    expect(settings.request).toMatchObject({ command: 'status', branches: undefined })
  })

  it('looks at one deployment when branch is given (or the dispatch form has one)', () => {
    expect(
      getInputs(schedule, reader({ [Inputs.Command]: 'status', [Inputs.Branch]: 'develop' }), '/w').request
    ).toMatchObject({ branches: ['develop'] })
    const dispatch = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'status', branch: 'main' } }
    }
    expect(getInputs(dispatch, reader({}), '/w').request).toMatchObject({
      command: 'status',
      branches: ['main']
    })
  })

  it('reads fail-on as a list of verdicts, or never', () => {
    const failOn = (value: string) => getInputs(schedule, reader({ [Inputs.FailOn]: value }), '/w').failOn
    expect(failOn('degraded')).toEqual(['degraded'])
    expect(failOn('out-of-sync, degraded,unknown')).toEqual(['out-of-sync', 'degraded', 'unknown'])
    expect(failOn('never')).toEqual([])
    expect(problems({ [Inputs.FailOn]: 'outofsync' })).toEqual([
      'input fail-on: "outofsync" is not allowed; list verdicts from out-of-sync, degraded, unknown (e.g. out-of-sync,degraded), or write never'
    ])
    expect(problems({ [Inputs.FailOn]: 'never,degraded' })).toHaveLength(1)
  })
})
