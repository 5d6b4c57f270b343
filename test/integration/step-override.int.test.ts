// A consuming repository overrides one step of the deploy script alone (templates: steps/verify.sh) and a real
// deploy on the test cluster runs it: its own line, then the shipped checks; every other step as shipped.
import { expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describeCluster, useCluster, type ClusterInfo } from './cluster.js'
import { deployFixtures, expectSuccess, rootState } from './deploy-fixture.js'
import { repoRoot } from '../repo-root.js'

const SLOW = 180_000
const MARKER = 'caqrn: our own verify step ran'

/** The shipped verify.sh with its step renamed, and a verify of ours that prints MARKER, then runs it. */
function wrappedVerify(): string {
  const shipped = readFileSync(path.join(repoRoot, 'deploy-templates/steps/verify.sh'), 'utf8')
  return `${shipped.replace(/^verify\(\) \{$/m, 'shipped_verify() {')}
# Ours: one line of our own, then the shipped checks.
verify() {
  echo ${JSON.stringify(MARKER)} "for $(basename "$RELEASE")"
  shipped_verify
}
`
}

describeCluster('a repository overrides one step', (cluster: ClusterInfo) => {
  const ssh = useCluster(cluster)
  const fixture = deployFixtures(cluster)

  it(
    'deploys with its verify step: the plan sends the override, the deploy prints its line and succeeds',
    async () => {
      const repo = fixture()
      const sha = repo.commit('main', {
        message: 'our own verify step',
        files: { 'ci/verify.sh': wrappedVerify() },
        config: c => {
          c.templates = { 'steps/verify.sh': 'ci/verify.sh' }
        }
      })

      const run = await repo.run('main')
      expectSuccess(run)
      const { plan, report } = run.outcome
      // The script sent is composed of the override where the shipped verify.sh was, and the others as shipped.
      expect(plan.script).toContain(`# --- steps/verify.sh (ci/verify.sh)\n${wrappedVerify()}`)
      expect(plan.script).toContain('# --- steps/venv.sh (deploy-templates/steps/venv.sh)')
      // The override ran in its step, and so did the shipped checks it calls.
      expect(run.sink.lines).toContain(`${MARKER} for ${sha}`)
      expect(run.sink.lines.some(line => line.startsWith('smoke test: '))).toBe(true)
      expect(report.steps.map(s => s.name)).toEqual([
        'preflight',
        'lock',
        'unchanged',
        'fetch',
        'slurm',
        'ancestry',
        'venv',
        'release',
        'verify',
        'switch',
        'schedule',
        'prune',
        'record'
      ])
      const state = await rootState(ssh, `${cluster.projectRoot}/production`)
      expect(state.current).toBe(`releases/${sha}`)
      expect(state.history.at(-1)).toMatchObject({ sha, result: 'success' })
    },
    SLOW
  )
})
