// Inputs are read once into settings; the event decides `auto`. No runner needed: the reader is passed in.
import { describe, expect, it, jest } from '@jest/globals'
import { EOL } from 'node:os'
import { getInputs } from '../../src/action/inputs.js'
import { Inputs } from '../../src/action/constants.js'
import { UserError } from '../../src/errors/user-error.js'

const SHA = 'a'.repeat(40)

/** The problems getInputs reports, or [] when it accepts. */
function problemsOf(run: () => unknown): { where: string; message: string }[] {
  try {
    run()
    return []
  } catch (error) {
    if (error instanceof UserError) return error.problems
    throw error
  }
}

const reader =
  (values: Partial<Record<Inputs, string>>) =>
  (name: Inputs): string =>
    values[name] ?? ''

describe('getInputs', () => {
  it('auto follows the event: pull_request → plan, push → deploy, a dispatch form → its command', () => {
    const read = reader({})
    expect(getInputs({ eventName: 'pull_request', payload: {} }, read, '/w').command).toBe('plan')
    expect(
      getInputs({ eventName: 'push', payload: {}, ref: 'refs/heads/main', sha: SHA }, read, '/w').command
    ).toBe('deploy')
    const dispatch = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'rollback' } },
      ref: 'refs/heads/main'
    }
    expect(getInputs(dispatch, read, '/w')).toMatchObject({ command: 'rollback', workingDirectory: '/w' })
  })

  it("takes a dispatch form's branch and to when the workflow does not pass them with `with:`", () => {
    const event = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'rollback', branch: 'develop', to: 'abc1234' } }
    }
    expect(getInputs(event, reader({}), '/w').request).toMatchObject({
      command: 'rollback',
      branch: 'develop',
      to: 'abc1234'
    })
    // An explicit input wins over the form.
    expect(getInputs(event, reader({ [Inputs.Branch]: 'main' }), '/w').request).toMatchObject({
      branch: 'main'
    })
    // Only a dispatch has a form: a push's payload.inputs means nothing; the pushed branch counts.
    const push = {
      eventName: 'push',
      payload: { inputs: { branch: 'develop' } },
      ref: 'refs/heads/main',
      sha: SHA
    }
    expect(getInputs(push, reader({}), '/w').request).toMatchObject({
      command: 'deploy',
      branch: 'main',
      sha: SHA
    })
  })

  it('checks what comes from a dispatch form like any input', () => {
    const event = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'rollback', to: '$(id)' } },
      ref: 'refs/heads/main'
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

  it('builds the complete request: a deploy pins a full SHA and needs a branch, all problems at once', () => {
    const problems = problemsOf(() =>
      getInputs(
        { eventName: 'push', payload: {}, ref: 'refs/tags/v1', sha: SHA },
        reader({ [Inputs.Sha]: 'abc1234', [Inputs.SshHost]: 'a host', [Inputs.SshUser]: 'Root' }),
        '/w'
      )
    )
    expect(problems.map(p => p.where).sort()).toEqual([
      'input branch',
      'input sha',
      'input ssh-host',
      'input ssh-user'
    ])
    expect(problems.find(p => p.where === 'input sha')?.message).toMatch(/not a full commit id/)
    expect(problems.find(p => p.where === 'input branch')?.message).toMatch(/required for deploy/)
  })

  it('takes the passphrase of an encrypted key from ssh-key-passphrase, masked before anything else', () => {
    const written: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    let settings
    try {
      settings = getInputs(
        { eventName: 'push', payload: {}, ref: 'refs/heads/main', sha: SHA },
        reader({ [Inputs.SshPrivateKey]: 'KEY', [Inputs.SshKeyPassphrase]: 'correct horse' }),
        '/w'
      )
    } finally {
      write.mockRestore()
    }
    expect(written).toContain(`::add-mask::correct horse${EOL}`)
    expect(settings.request).toMatchObject({
      connection: {
        passphrase: { text: 'correct horse' },
        names: { passphrase: 'input ssh-key-passphrase' }
      }
    })
  })

  it('a dispatch without a command input runs a sandbox job of the dispatched branch, as its form asks', () => {
    const event = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { 'sandbox-command': 'pytest -x', 'time-limit': '00:10:00' } },
      ref: 'refs/heads/feature/filters',
      actor: 'alice-hpc',
      runId: '9876543210'
    }
    const settings = getInputs(event, reader({ [Inputs.SbatchOptions]: '--mem=4G  --cpus-per-task=2' }), '/w')
    expect(settings.request).toMatchObject({
      command: 'sandbox',
      ask: {
        ref: 'feature/filters',
        command: 'pytest -x',
        timeLimit: '00:10:00',
        sbatch: ['--mem=4G', '--cpus-per-task=2'],
        actor: 'alice-hpc'
      },
      runId: '9876543210',
      wait: true
    })
    expect(problemsOf(() => getInputs(event, reader({ [Inputs.Wait]: 'maybe' }), '/w'))).toEqual([
      { where: 'input wait', message: expect.stringMatching(/not a boolean/) }
    ])
  })

  it('watch and cancel need the id of a job, as digits', () => {
    const event = {
      eventName: 'workflow_dispatch',
      payload: { inputs: { command: 'cancel' } },
      ref: 'refs/heads/main'
    }
    expect(problemsOf(() => getInputs(event, reader({}), '/w'))).toEqual([
      { where: 'input job-id', message: expect.stringMatching(/is required for cancel/) }
    ])
    expect(
      problemsOf(() => getInputs(event, reader({ [Inputs.JobId]: '12;scancel -u caqrn' }), '/w')).map(
        p => p.where
      )
    ).toEqual(['input job-id'])
    expect(getInputs(event, reader({ [Inputs.JobId]: '4242' }), '/w').request).toMatchObject({
      command: 'cancel',
      jobId: '4242'
    })
  })

  it('takes booleans as YAML 1.2 core schema does (core.getBooleanInput)', () => {
    const plan = (comment: string) =>
      getInputs({ eventName: 'pull_request', payload: {} }, reader({ [Inputs.Comment]: comment }), '/w')
    expect(plan('True').comment).toBe(true)
    expect(plan('FALSE').comment).toBe(false)
    expect(problemsOf(() => plan('yes'))).toEqual([
      { where: 'input comment', message: expect.stringMatching(/not a boolean/) }
    ])
  })

  it('records no GitHub deployment unless asked: the job environment is the record (github-deployment)', () => {
    const push = { eventName: 'push', payload: {}, ref: 'refs/heads/main', sha: SHA }
    expect(getInputs(push, reader({}), '/w').githubDeployment).toBe('off')
    expect(getInputs(push, reader({ [Inputs.GitHubDeployment]: 'create' }), '/w').githubDeployment).toBe(
      'create'
    )
    expect(problemsOf(() => getInputs(push, reader({ [Inputs.GitHubDeployment]: 'auto' }), '/w'))).toEqual([
      { where: 'input github-deployment', message: '"auto" is not allowed; use one of off, create' }
    ])
  })
})
