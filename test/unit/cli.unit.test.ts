// The CLI as users run it: `node dist/cli.js …` (the bundle `npx slurm-gitops` runs), exit codes and messages.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const EXAMPLE = 'examples/caqrn/.github/slurm-gitops.yml'

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('slurm-gitops plan', () => {
  it('writes every rendered file and the script, and prints a readable plan', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sg-plan-'))
    const run = cli('plan', '--config', EXAMPLE, '--out', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('deployment main → production at /projects/caqrn/production')
    expect(run.stdout).toContain('0 2 * * * /projects/caqrn/production/jobs/daily.sh')
    expect(run.stdout).toContain('plan is valid')
    for (const branch of ['main', 'develop']) {
      for (const file of ['env.sh', 'sandbox-env.sh', 'jobs/daily.sh', 'scrontab']) {
        expect(existsSync(path.join(out, branch, '.slurm-gitops', file))).toBe(true)
      }
      expect(statSync(path.join(out, branch, 'deploy.sh')).mode & 0o777).toBe(0o755)
    }
    expect(readFileSync(path.join(out, 'develop/.slurm-gitops/env.sh'), 'utf8')).toContain(
      'export CAQRN_DATA=/projects/caqrn/data/development'
    )
  })

  it('prints JSON with --format json and one deployment with --branch', () => {
    const run = cli('plan', '--config', EXAMPLE, '--branch', 'develop', '--format', 'json')
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout) as { deployments: { branch: string }[]; validation: { errors: [] } }
    expect(plan.deployments.map(d => d.branch)).toEqual(['develop'])
    expect(plan.validation.errors).toEqual([])
  })

  it('exits 2 with the config path and line for a bad config, and stays quiet on stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-bad-'))
    const config = path.join(dir, 'slurm-gitops.yml')
    writeFileSync(
      config,
      readFileSync(EXAMPLE, 'utf8').replace("schedule: '0 2 * * *'", "schedule: '*/1 * * * *'")
    )
    const run = cli('plan', '--config', config)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/slurm-gitops\.yml:\d+: deployments\.main\.jobs\[0\]\.schedule: .*step/)
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/) // no stack trace
  })

  it('exits 2 for a bad format, an unknown option or command, and a missing config', () => {
    expect(cli('plan', '--config', EXAMPLE, '--format', 'yaml')).toMatchObject({ code: 2 })
    expect(cli('plan', '--nope').code).toBe(2)
    expect(cli('frobnicate').stderr).toContain('unknown command "frobnicate"')
    expect(cli('plan', '--config', '/nonexistent/slurm-gitops.yml').stderr).toContain(
      '/nonexistent/slurm-gitops.yml does not exist'
    )
  })
})

describe('slurm-gitops validate and the remote commands', () => {
  it('validate says which checks ran', () => {
    const run = cli('validate', '--config', EXAMPLE)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/valid \(2 deployment\(s\); checks: bash -n, scrontab rules/)
  })

  it('deploy rejects unsafe names and unknown branches before connecting', () => {
    expect(cli('deploy', '--config', EXAMPLE, '--branch', 'main;reboot').stderr).toContain('contains ";"')
    // A deploy reads the config as committed: this repository's HEAD holds the example.
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim()
    const unknown = cli('deploy', '--config', EXAMPLE, '--branch', 'feature', '--sha', head)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no deployment for branch "feature"')
    const missing = cli('deploy', '--config', EXAMPLE, '--branch', 'main', '--sha', 'f'.repeat(40))
    expect(missing.stderr).toContain(`commit ${'f'.repeat(40)} is not in the repository`)
    const sha = cli('deploy', '--config', EXAMPLE, '--branch', 'main', '--sha', 'abc$(id)')
    expect(sha.code).toBe(2)
    expect(sha.stderr).toContain('--sha')
  })
})
