// A project name of its own for a fixture repository: Slurm's accounting keeps every run of every earlier test,
// and job names come from the project's (caqrn-production-daily), so status tests that judge runs by name need
// names no earlier test used. The package and the variables keep the example's names.
import type { Change, DeployFixture } from './deploy-fixture.js'

/** Commits the new name on main (with `change` merged in); returns the Slurm name of its job `daily`. */
export function ownProjectName(repo: DeployFixture, change: Partial<Change> = {}): string {
  const name = `st${Date.now().toString(36)}`
  repo.commit('main', {
    message: `project ${name}`,
    ...change,
    config: c => {
      c.project.name = name
      c.project.envPrefix = 'CAQRN'
      c.project.package = 'caqrn'
      change.config?.(c)
    }
  })
  return `${name}-production-daily`
}
