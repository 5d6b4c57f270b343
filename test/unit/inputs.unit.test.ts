// Inputs are read once into settings; the event decides `auto`. No runner needed: the reader is passed in.
import { describe, expect, it } from '@jest/globals'
import { getInputs } from '../../src/action/inputs.js'
import { Inputs } from '../../src/action/constants.js'
import { UserError } from '../../src/errors/user-error.js'

const reader =
  (values: Partial<Record<Inputs, string>>) =>
  (name: Inputs): string =>
    values[name] ?? ''

describe('getInputs', () => {
  it('auto follows the event: pull_request → plan, push → deploy, a dispatch form → its command', () => {
    const read = reader({})
    expect(getInputs({ eventName: 'pull_request', payload: {} }, read, '/w').command).toBe('plan')
    expect(getInputs({ eventName: 'push', payload: {} }, read, '/w').command).toBe('deploy')
    const dispatch = { eventName: 'workflow_dispatch', payload: { inputs: { command: 'rollback' } } }
    expect(getInputs(dispatch, read, '/w')).toMatchObject({ command: 'rollback', workingDirectory: '/w' })
  })

  it("takes a dispatch form's branch and to when the workflow does not pass them with `with:`", () => {
    const event = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'rollback', branch: 'develop', to: 'abc1234' } }
    }
    expect(getInputs(event, reader({}), '/w')).toMatchObject({ branch: 'develop', to: 'abc1234' })
    // An explicit input wins over the form.
    expect(getInputs(event, reader({ [Inputs.Branch]: 'main' }), '/w').branch).toBe('main')
    // Only a dispatch has a form: a push's payload.inputs means nothing.
    expect(
      getInputs({ eventName: 'push', payload: { inputs: { branch: 'develop' } } }, reader({}), '/w').branch
    ).toBe(undefined)
  })

  it('checks what comes from a dispatch form like any input', () => {
    const event = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'rollback', to: '$(id)' } }
    }
    let error: unknown
    try {
      getInputs(event, reader({}), '/w')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).problems[0]).toMatchObject({ where: 'input to' })
  })

  it('reports every bad input at once, each with what it accepts', () => {
    let error: unknown
    try {
      getInputs(
        { eventName: 'push', payload: {} },
        reader({ [Inputs.SshPort]: 'ssh', [Inputs.Command]: 'go' }),
        '/w'
      )
    } catch (e) {
      error = e
    }
    const problems = (error as UserError).problems
    expect(problems.map(p => p.where)).toEqual(expect.arrayContaining(['input ssh-port', 'input command']))
    expect(problems.find(p => p.where === 'input command')?.message).toMatch(/plan, deploy, rollback/)
  })
})
