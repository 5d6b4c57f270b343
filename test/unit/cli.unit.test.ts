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

  it('compares with a branch or commit given by name (--base REF), and names a ref that is not one', () => {
    const main = spawnSync('git', ['rev-parse', 'refs/heads/main'], { encoding: 'utf8' }).stdout.trim()
    const run = cli('plan', '--config', EXAMPLE, '--base', 'main')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`compared with ${main} (planned)`)
    expect(run.stdout).toContain('main (production): unchanged')
    const missing = cli('plan', '--config', EXAMPLE, '--base', 'no-such-branch')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      '--base: no-such-branch is not a branch, tag or commit of the repository'
    )
    const malformed = cli('plan', '--config', EXAMPLE, '--base', 'a..b')
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('--base: ref "a..b" contains "..", which git does not allow')
  })

  it('prints JSON with --format json and one deployment with --branch', () => {
    const run = cli('plan', '--config', EXAMPLE, '--branch', 'develop', '--format', 'json')
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout) as Record<string, unknown> & { deployments: { branch: string }[] }
    expect(plan).toMatchObject({ version: 1, ok: true, command: 'plan', problems: [], sha: null, base: null })
    expect(plan.deployments.map(d => d.branch)).toEqual(['develop'])
  })

  it('writes the whole JSON result into a pipe before it exits, even to a slow reader', () => {
    // A shell pipe (node writes to it asynchronously) to a reader that starts only once the CLI has exited, or
    // after 2 s if it has not: exiting with output still queued would cut the JSON at the 64 KiB the pipe holds.
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-pipe-'))
    const exited = path.join(dir, 'exited')
    const script =
      `("${process.execPath}" dist/cli.js plan --config ${EXAMPLE} -f json; touch ${exited}) | ` +
      `(i=0; while [ ! -e ${exited} ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i+1)); done; cat)`
    const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' })
    expect(run.stdout.length).toBeGreaterThan(64 * 1024)
    expect((JSON.parse(run.stdout) as { deployments: unknown[] }).deployments).toHaveLength(2)
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
    expect(cli('frobnicate').stderr).toContain(
      'slurm-gitops frobnicate: frobnicate: is not a command; the commands are plan, validate, deploy'
    )
    expect(cli('plan', '--config', '/nonexistent/slurm-gitops.yml').stderr).toContain(
      '/nonexistent/slurm-gitops.yml does not exist'
    )
  })
})

describe('slurm-gitops, asked for help', () => {
  it('prints the version of the package', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(cli('-V').stdout).toBe(`${version}\n`)
  })

  it.each(['plan', 'validate', 'deploy', 'rollback', 'status', 'sandbox', 'watch', 'cancel'])(
    '%s --help prints its own usage, flags and an example',
    command => {
      const run = cli(command, '--help')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`^Usage: slurm-gitops ${command} `))
      expect(run.stdout).toMatch(/^Flags:$/m)
      expect(run.stdout).toMatch(new RegExp(`^Examples?:\n {2}slurm-gitops ${command} `, 'm'))
      expect(cli('help', command).stdout).toBe(run.stdout)
    }
  )

  it('without a command, prints the short usage and exits 2', () => {
    const run = cli()
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^Usage: slurm-gitops <command> \[flags\]/)
    expect(cli('--help')).toMatchObject({ code: 0, stdout: run.stderr })
  })
})

describe('slurm-gitops, given what does not fit', () => {
  it('refuses flags the command does not take, each named with the command and what it takes', () => {
    const run = cli('validate', '--config', EXAMPLE, '--to', 'x', '--identity', '/nope', '--local')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      'slurm-gitops validate: --to: does not apply to validate; validate takes --config, --repo, --branch, --sha, --format, --help'
    )
    expect(run.stderr).toContain('slurm-gitops validate: --identity: does not apply to validate')
    expect(run.stderr).toContain('slurm-gitops validate: --local: does not apply to validate')
    expect(run.stderr).toContain("Run 'slurm-gitops validate --help' for its flags.")
  })

  it('answers in JSON on stdout when asked to, for a usage error too, with exit code 2', () => {
    const run = cli('validate', '--to', 'x', '--format', 'json')
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      ok: false,
      command: 'validate',
      warnings: [],
      problems: [
        {
          where: '--to',
          message:
            'does not apply to validate; validate takes --config, --repo, --branch, --sha, --format, --help'
        }
      ]
    })
    const valid = JSON.parse(cli('validate', '--config', EXAMPLE, '-f', 'json').stdout) as unknown
    expect(valid).toMatchObject({
      version: 1,
      ok: true,
      command: 'validate',
      deployments: ['main', 'develop']
    })
  })

  it('gives one message with file, line and column for a YAML syntax error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-yaml-'))
    const config = path.join(dir, 'slurm-gitops.yml')
    writeFileSync(config, 'cluster:\n  host: login\n  port: [22\nproject: {name: caqrn\n')
    const run = cli('validate', '--config', config)
    expect(run.code).toBe(2)
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/slurm-gitops\.yml:4:1: config: invalid YAML: Flow sequence .* end with a \]$/)
    const json = JSON.parse(cli('validate', '--config', config, '-f', 'json').stdout) as { problems: unknown }
    expect(json.problems).toEqual([
      expect.objectContaining({
        where: 'config',
        line: 4,
        column: 1,
        file: expect.stringMatching(/slurm-gitops\.yml$/)
      })
    ])
  })

  it('says that --config DIR is a directory, and names the key of a partition typo', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-dir-'))
    expect(cli('validate', '--config', dir).stderr).toBe(
      `slurm-gitops validate: --config: ${dir} is a directory; it takes the YAML config file (e.g. ${dir}/.github/slurm-gitops.yml)\n`
    )
    const config = path.join(dir, 'slurm-gitops.yml')
    writeFileSync(config, readFileSync(EXAMPLE, 'utf8').replace('partition: standard', 'partition: standrd'))
    const run = cli('validate', '--config', config)
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /slurm-gitops\.yml:\d+: deployments\.main\.partition: partition "standrd" is not in cluster\.partitions \(standard, dev\)$/
      )
    ])
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
