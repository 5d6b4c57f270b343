// Before the integration tests (the integration project's global setup: jest runs it only when one of its tests
// runs): when the local cluster is not up, bring it up (scripts/cluster up, as root on Debian/Ubuntu), so that
// `npm test` on a fresh machine needs nothing else.
// Elsewhere the integration tests skip with a message saying how to start it (or fail with REQUIRE_CLUSTER=1).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export default async function globalSetup() {
  if (process.env.SLURM_GITOPS_NO_CLUSTER === '1') return
  const state = process.env.SLURM_GITOPS_CLUSTER_DIR ?? path.resolve('.cluster')
  const status = spawnSync('scripts/cluster', ['status'], { encoding: 'utf8' })
  if (existsSync(path.join(state, 'cluster.json')) && status.status === 0) return
  const isRoot = process.getuid?.() === 0
  const debianLike = existsSync('/etc/debian_version')
  if (!isRoot || !debianLike) {
    console.log('\nslurm-gitops: the local cluster is not running; integration tests will skip.')
    console.log('Start it with `sudo scripts/cluster up` (Debian/Ubuntu), then run the tests again.\n')
    return
  }
  console.log('\nslurm-gitops: starting the local cluster for the integration tests (scripts/cluster up)')
  const up = spawnSync('scripts/cluster', ['up'], { stdio: 'inherit' })
  if (up.status !== 0 && process.env.REQUIRE_CLUSTER === '1') {
    throw new Error('scripts/cluster up failed and REQUIRE_CLUSTER=1: the integration tests cannot run')
  }
}
