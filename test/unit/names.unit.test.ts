import { describe, expect, it } from '@jest/globals'
import {
  checkAbsolutePath,
  checkBranchName,
  checkEnvironmentName,
  checkEnvVarName,
  checkFullSha,
  checkGitHubActor,
  checkGitSha,
  checkJobName,
  checkPartitionName,
  checkSandboxName
} from '../../src/validate/names.js'

describe('checkBranchName', () => {
  it.each([
    'main',
    'develop',
    'feature/new-model',
    'release/v1.2.3',
    'user_x/fix.2',
    'a',
    'x'.repeat(100),
    '_tmp'
  ])('accepts %j', name => expect(checkBranchName(name)).toBeNull())

  it.each([
    ['', 'empty'],
    ['x'.repeat(101), 'is 101 characters long'],
    ['feature branch', 'contains " "'],
    ['fix~1', 'contains "~"'],
    ['a^b', 'contains "^"'],
    ['a:b', 'contains ":"'],
    ['refs/$(id)', 'contains "$"'],
    ['naïve', 'contains "ï"'],
    ['-rf', 'starts with "-"'],
    ['/main', 'starts with "/"'],
    ['feature/', 'ends with "/"'],
    ['feature.', 'ends with "."'],
    ['main.lock', 'ends with ".lock"'],
    ['a..b', 'contains ".."'],
    ['a//b', 'contains "//"'],
    ['feature/.hidden', 'has a part starting with "."'],
    ['.hidden', 'has a part starting with "."']
  ])('rejects %j (%s)', (name, why) => {
    const p = checkBranchName(name)
    expect(p).toContain(why)
    if (name !== '') expect(p).toContain(JSON.stringify(name))
  })

  it('says which characters are allowed', () => {
    expect(checkBranchName('a b')).toContain(
      'branch names may use letters, digits and . _ / - (up to 100 characters)'
    )
  })
})

describe('checkJobName', () => {
  it.each(['daily', 'daily-ingest', 'job_2', 'a', 'a'.repeat(40)])('accepts %j', name => {
    expect(checkJobName(name)).toBeNull()
  })

  it.each([
    '',
    'Daily',
    '2daily',
    '-daily',
    '_daily',
    'daily ingest',
    'daily.ingest',
    'a'.repeat(41),
    'dä',
    'x;rm'
  ])('rejects %j and states the rule', name => {
    const p = checkJobName(name)
    expect(p).toContain(`job name ${JSON.stringify(name)} is not allowed`)
    expect(p).toContain('1-40 lowercase letters, digits, - and _, starting with a letter')
  })
})

describe('checkSandboxName', () => {
  it.each(['alice', 'Alice', 'alice.test-2', 'a_b', '1st', 'a'.repeat(64)])('accepts %j', name => {
    expect(checkSandboxName(name)).toBeNull()
  })

  it.each(['', '.', '..', '.alice', '-alice', '_alice', 'al ice', 'al/ice', 'a'.repeat(65), 'al$ice'])(
    'rejects %j and states the rule',
    name => {
      const p = checkSandboxName(name)
      expect(p).toContain(`sandbox name ${JSON.stringify(name)} is not allowed`)
      expect(p).toContain('1-64 letters, digits, . _ and -, starting with a letter or digit')
    }
  )
})

describe('checkEnvironmentName', () => {
  it.each(['production', 'Production', 'dev-2', 'staging_eu', 'a'.repeat(40)])('accepts %j', name => {
    expect(checkEnvironmentName(name)).toBeNull()
  })

  it.each(['', '2prod', '-prod', 'prod env', 'prod/eu', 'prod.eu', 'a'.repeat(41)])(
    'rejects %j and states the rule',
    name => {
      const p = checkEnvironmentName(name)
      expect(p).toContain(`environment name ${JSON.stringify(name)} is not allowed`)
      expect(p).toContain('1-40 letters, digits, - and _, starting with a letter')
    }
  )
})

describe('checkPartitionName', () => {
  it.each(['standard', 'dev', 'gpu-a100', 'long_q', 'p.1', 'a'.repeat(64)])('accepts %j', name => {
    expect(checkPartitionName(name)).toBeNull()
  })

  it.each(['', 'std,dev', 'std dev', 'gpu;id', 'a'.repeat(65)])('rejects %j and states the rule', name => {
    const p = checkPartitionName(name)
    expect(p).toContain(`partition name ${JSON.stringify(name)} is not allowed`)
    expect(p).toContain('1-64 letters, digits, . _ and -')
  })
})

describe('checkAbsolutePath', () => {
  it.each(['/', '/projects/caqrn/production', '/home/alice/sandbox-1', '/opt/py@3.11/bin', '/a/b+c/d_e.f'])(
    'accepts %j',
    path => expect(checkAbsolutePath(path)).toBeNull()
  )

  it.each([
    ['projects/caqrn', 'is not absolute'],
    ['', 'is not absolute'],
    ['~/sandbox', 'is not absolute'],
    ['/projects/caqrn/', 'ends with "/"'],
    ['/projects//caqrn', 'contains "//"'],
    ['/projects/../etc', 'contains a "." or ".." part'],
    ['/projects/./caqrn', 'contains a "." or ".." part'],
    ['/projects/..', 'contains a "." or ".." part'],
    ['/my projects', 'contains " "'],
    ['/p/$HOME', 'contains "$"'],
    ['/p/`id`', 'contains "`"'],
    ["/p/it's", `contains "'"`],
    ['/p/a;b', 'contains ";"'],
    ['/p/a\nb', 'contains "\\n"'],
    ['/p/ü', 'contains "ü"']
  ])('rejects %j (%s)', (path, why) => {
    const p = checkAbsolutePath(path)
    expect(p).toContain(`path ${JSON.stringify(path)}`)
    expect(p).toContain(why)
  })

  it('names the allowed characters', () => {
    expect(checkAbsolutePath('/a b')).toContain('paths may use only letters, digits and _ . / @ + -')
  })
})

describe('checkGitSha / checkFullSha', () => {
  const full = '0123456789abcdef0123456789abcdef01234567'

  it('accepts abbreviated and full ids', () => {
    expect(checkGitSha('0123abc')).toBeNull()
    expect(checkGitSha(full)).toBeNull()
    expect(checkFullSha(full)).toBeNull()
  })

  it.each(['', '0123ab', 'ABCDEF0', 'g123456', `${full}0`, 'main', '0123abc '])(
    'checkGitSha rejects %j',
    sha => {
      const p = checkGitSha(sha)
      expect(p).toContain(`commit ${JSON.stringify(sha)} is not a commit id`)
      expect(p).toContain('7 to 40 lowercase hex digits')
    }
  )

  it.each(['0123abc', full.toUpperCase(), `${full}0`, full.slice(1), `${full.slice(0, 39)}g`])(
    'checkFullSha rejects %j',
    sha => {
      const p = checkFullSha(sha)
      expect(p).toContain(`commit ${JSON.stringify(sha)} is not a full commit id`)
      expect(p).toContain('all 40 lowercase hex digits')
    }
  )
})

describe('checkEnvVarName', () => {
  it.each(['DATA_DIR', '_x', 'a1', 'PYTHONPATH', 'A'.repeat(128)])('accepts %j', name => {
    expect(checkEnvVarName(name)).toBeNull()
  })

  it.each(['', '1A', 'DATA-DIR', 'DATA DIR', 'A=B', '$A', 'A'.repeat(129), 'Ä'])(
    'rejects %j and states the rule',
    name => {
      const p = checkEnvVarName(name)
      expect(p).toContain(`environment variable name ${JSON.stringify(name)} is not allowed`)
      expect(p).toContain('letters, digits and _, not starting with a digit')
    }
  )
})

describe('checkGitHubActor', () => {
  it.each(['octocat', 'Octo-Cat', 'a', 'a1-b2-c3', 'x'.repeat(39), 'dependabot[bot]', 'github-actions[bot]'])(
    'accepts %j',
    actor => expect(checkGitHubActor(actor)).toBeNull()
  )

  it.each([
    '',
    '-octocat',
    'octocat-',
    'octo--cat',
    'octo_cat',
    'octo cat',
    'x'.repeat(40),
    '[bot]',
    'bot[bot]x',
    'a;b',
    'a$(id)'
  ])('rejects %j and states the rule', actor => {
    const p = checkGitHubActor(actor)
    expect(p).toContain(`GitHub actor ${JSON.stringify(actor)} is not a GitHub login`)
    expect(p).toContain('up to 39 letters, digits and single inner hyphens, optionally followed by "[bot]"')
  })
})
