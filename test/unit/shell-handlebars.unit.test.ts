import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { compileTemplate } from '../../src/render/shell-handlebars.js'
import { UserError } from '../../src/errors/user-error.js'

const render = (text: string, data: Record<string, unknown>) =>
  compileTemplate({ name: 'test.sh', file: 'ci/test.sh.hbs', text })(data as never)

function problemOf(fn: () => unknown) {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as UserError).problems[0]!
  }
  throw new Error('expected a UserError')
}

describe('templates render values shell-quoted by construction', () => {
  const marker = `/tmp/sg-pwned-${process.pid}`
  const nasty = `it's $(touch ${marker}) \`touch ${marker}\` "q" \n second line`

  it('quotes {{value}} so bash reads it back byte for byte and runs nothing', () => {
    const script = render('printf %s {{value}}', { value: nasty })
    expect(execFileSync('bash', ['-c', script], { encoding: 'utf8' })).toBe(nasty)
    expect(existsSync(marker)).toBe(false)
  })

  it('leaves safe values bare and quotes list elements one by one', () => {
    expect(
      render('cd {{dir}} && args=({{quote-each list}})', { dir: '/projects/caqrn', list: ['a b', 'c'] })
    ).toBe("cd /projects/caqrn && args=('a b' c)")
  })

  it('treats an empty string as false in {{#if}}, as plain Handlebars does', () => {
    expect(render('{{#if x}}yes{{else}}no{{/if}}', { x: '' })).toBe('no')
    expect(render('{{#if x}}yes{{else}}no{{/if}}', { x: 'v' })).toBe('yes')
  })

  it('inserts {{code}} as written and {{word}} only when it needs no quoting', () => {
    expect(render('{{code cmd}}', { cmd: 'python -m x --data "$DATA"' })).toBe('python -m x --data "$DATA"')
    expect(render('#SBATCH --partition={{word p}}', { p: 'dev' })).toBe('#SBATCH --partition=dev')
    expect(problemOf(() => render('#SBATCH --partition={{word p}}', { p: 'dev; reboot' })).message).toMatch(
      /needs quoting|characters that need quoting/
    )
  })

  it('checks {{cron}} schedules against Slurm rules', () => {
    expect(render('{{cron s}} cmd', { s: '0 2 * * *' })).toBe('0 2 * * * cmd')
    expect(problemOf(() => render('{{cron s}} cmd', { s: '*/1 * * * *' })).message).toMatch(/step/)
  })
})

describe('{{include}} inserts a step file as it is', () => {
  const step = { name: 'steps/x.sh', file: 'ci/x.sh', text: 'x() {\n  echo "{{not a template}} $1"\n}\n' }
  const withStep = (text: string) =>
    compileTemplate(
      { name: 'deploy.sh', file: 'deploy-templates/deploy.sh.hbs', text },
      { 'steps/x.sh': step }
    )

  it('after a line naming it and where it came from; its own braces are not Handlebars', () => {
    expect(withStep('a\n{{include "steps/x.sh"}}\nb')({})).toBe(
      `a\n# --- steps/x.sh (ci/x.sh)\n${step.text}\nb`
    )
  })

  it('an unknown name is an error of the template, naming the step files', () => {
    const problem = problemOf(() => withStep('{{include "steps/y.sh"}}')({}))
    expect(problem.where).toBe('template deploy.sh')
    expect(problem.message).toBe('{{include}} got "steps/y.sh", which is not a step file (steps/x.sh)')
  })
})

describe('template errors name the file and line', () => {
  it('an unknown variable is an error, never an empty string', () => {
    const problem = problemOf(() =>
      render('line one\necho {{deployment.nmae}}\n', { deployment: { name: 'x' } })
    )
    expect(problem.message).toMatch(/unknown variable "nmae"/)
    expect(problem.location).toEqual({ file: 'ci/test.sh.hbs', line: 2 })
  })

  it('triple braces are refused: they would bypass quoting', () => {
    const problem = problemOf(() => render('a\nb\necho {{{value}}}', { value: 'x' }))
    expect(problem.message).toMatch(/triple braces/)
    expect(problem.location?.line).toBe(3)
  })

  it('a syntax error gives its line', () => {
    const problem = problemOf(() => render('ok\n{{#if x}}never closed\n', { x: 'v' }))
    expect(problem.where).toBe('template test.sh')
    expect(problem.location?.line).toBeGreaterThanOrEqual(2)
  })
})
