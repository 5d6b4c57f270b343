import { describe, expect, it } from '@jest/globals'
import { diffPlans, SCRIPT_PATH } from '../../src/plan/plan-diff.js'
import type { DeploymentPlan } from '../../src/plan/types.js'

function plan(branch: string, files: Record<string, string>, script = 'echo deploy\n'): DeploymentPlan {
  return {
    branch,
    environment: branch === 'main' ? 'production' : 'development',
    root: `/projects/caqrn/${branch}`,
    files: Object.entries(files).map(([path, content]) => ({
      path,
      mode: path.endsWith('.sh') ? 0o755 : 0o644,
      content
    })),
    script,
    scrontabBlock: files.scrontab ?? '',
    inputs: [],
    fingerprint: '',
    schedule: { jobs: [] }
  }
}

const byPath = <T extends { path: string }>(files: T[]) => new Map(files.map(f => [f.path, f]))

describe('diffPlans', () => {
  const base = plan('main', {
    'env.sh': 'export A=1\n',
    'jobs/daily.sh': 'python -m caqrn\n',
    'jobs/old.sh': 'echo old\n',
    scrontab: '0 2 * * * daily\n'
  })
  const head = plan(
    'main',
    {
      'env.sh': 'export A=1\n',
      'jobs/daily.sh': 'python -m caqrn --fast\n',
      'jobs/new.sh': 'echo new\n',
      scrontab: '0 2 * * * daily\n'
    },
    'echo deploy\necho twice\n'
  )

  it('classifies every file as changed, added, removed or unchanged', () => {
    const diff = diffPlans([head], [base])
    expect(diff.changed).toBe(true)
    expect(diff.deployments).toHaveLength(1)
    const files = byPath(diff.deployments[0]!.files)
    expect(diff.deployments[0]!.status).toBe('changed')
    expect(files.get('.slurm-gitops/env.sh')).toEqual({
      path: '.slurm-gitops/env.sh',
      status: 'unchanged',
      patch: ''
    })
    expect(files.get('.slurm-gitops/scrontab')!.status).toBe('unchanged')
    expect(files.get('.slurm-gitops/jobs/daily.sh')!.status).toBe('changed')
    expect(files.get('.slurm-gitops/jobs/new.sh')!.status).toBe('added')
    expect(files.get('.slurm-gitops/jobs/old.sh')!.status).toBe('removed')
  })

  it('gives unified diffs with git-like headers', () => {
    const files = byPath(diffPlans([head], [base]).deployments[0]!.files)
    const changed = files.get('.slurm-gitops/jobs/daily.sh')!.patch
    expect(changed).toContain('--- a/.slurm-gitops/jobs/daily.sh')
    expect(changed).toContain('+++ b/.slurm-gitops/jobs/daily.sh')
    expect(changed).toContain('-python -m caqrn\n+python -m caqrn --fast')
    expect(changed).not.toMatch(/^=+$/m)
    expect(files.get('.slurm-gitops/jobs/new.sh')!.patch).toContain('--- /dev/null')
    expect(files.get('.slurm-gitops/jobs/new.sh')!.patch).toContain('+echo new')
    expect(files.get('.slurm-gitops/jobs/old.sh')!.patch).toContain('+++ /dev/null')
    expect(files.get('.slurm-gitops/jobs/old.sh')!.patch).toContain('-echo old')
  })

  it('diffs the deploy script, listed last', () => {
    const files = diffPlans([head], [base]).deployments[0]!.files
    const script = files[files.length - 1]!
    expect(script.path).toBe(SCRIPT_PATH)
    expect(script.status).toBe('changed')
    expect(script.patch).toContain('+echo twice')
  })

  it('leaves the embedded fingerprint out of the script: a change of it alone is no change', () => {
    const scripted = (hash: string, extra = ''): DeploymentPlan => ({
      ...plan('main', { 'env.sh': `export H=${hash}\n` }),
      fingerprint: hash,
      script: `RENDER_HASH=${hash}\necho deploy\n${extra}`
    })
    const onlyHash = diffPlans([scripted('2222222222222222')], [scripted('1111111111111111')])
    const files = byPath(onlyHash.deployments[0]!.files)
    expect(files.get('.slurm-gitops/env.sh')!.status).toBe('changed')
    expect(files.get(SCRIPT_PATH)).toEqual({ path: SCRIPT_PATH, status: 'unchanged', patch: '' })
    // When the script changes too, its diff shows a placeholder, not two meaningless hashes.
    const more = diffPlans([scripted('2222222222222222', 'echo more\n')], [scripted('1111111111111111')])
    const patch = byPath(more.deployments[0]!.files).get(SCRIPT_PATH)!.patch
    expect(patch).toContain(' RENDER_HASH=<fingerprint of the rendered files>\n')
    expect(patch).toContain('+echo more')
    expect(patch).not.toContain('1111111111111111')
  })

  it('reports a mode change even when the content is the same', () => {
    const before = plan('main', { scrontab: 'x\n' })
    const after = plan('main', { scrontab: 'x\n' })
    after.files[0]!.mode = 0o755
    const file = diffPlans([after], [before]).deployments[0]!.files[0]!
    expect(file.status).toBe('changed')
    expect(file.modeChange).toBe('644 → 755')
  })

  it('is unchanged when head and base render the same', () => {
    const diff = diffPlans([base], [structuredClone(base)])
    expect(diff.changed).toBe(false)
    expect(diff.deployments[0]!.status).toBe('unchanged')
    expect(diff.deployments[0]!.files.every(f => f.status === 'unchanged' && f.patch === '')).toBe(true)
  })

  it('adds and removes whole deployments', () => {
    const develop = plan('develop', { 'env.sh': 'export B=1\n' })
    const diff = diffPlans([develop], [base])
    expect(diff.deployments.map(d => [d.branch, d.status])).toEqual([
      ['develop', 'added'],
      ['main', 'removed']
    ])
    expect(diff.deployments[1]!.files.every(f => f.status === 'removed')).toBe(true)
  })

  it('treats everything as added when there is no base', () => {
    const diff = diffPlans([head], undefined)
    expect(diff.changed).toBe(true)
    expect(diff.deployments[0]!.status).toBe('added')
    expect(diff.deployments[0]!.files.every(f => f.status === 'added')).toBe(true)
  })
})

describe('diffPlans: the requirements file', () => {
  it('shows a dependency change, which builds a new venv on the cluster', () => {
    const withRequirements = (content: string): DeploymentPlan => ({
      ...plan('main', { 'env.sh': 'x\n' }),
      inputs: [{ path: 'requirements.txt', mode: 0o644, content }]
    })
    const diff = diffPlans(
      [withRequirements('caqrn-utils==1.1.0\n')],
      [withRequirements('caqrn-utils==1.0.0\n')]
    )
    const change = diff.deployments[0]!.files.find(f => f.path === 'requirements.txt (venv)')
    expect(diff.changed).toBe(true)
    expect(change?.status).toBe('changed')
    expect(change?.patch).toContain('+caqrn-utils==1.1.0')
  })
})
