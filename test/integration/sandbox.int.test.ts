// `slurm-gitops sandbox` as users run it: the bundled CLI as a whole process stages a ref of a fixture repository
// in a sandbox on the real test cluster, submits it to `dev` and follows it; each result checked against sacct.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { describeCluster, resetCluster, shellQuote, sshRun, waitForJob, type ClusterInfo } from './cluster.js'
import { createDeployFixture, type DeployFixture } from './deploy-fixture.js'
import { startCli } from './cli-process.js'

const SLOW = 180_000

describeCluster('slurm-gitops sandbox', (cluster: ClusterInfo) => {
  let repo: DeployFixture
  const sandboxes = `${cluster.projectRoot}/sandboxes`

  beforeAll(async () => {
    await resetCluster(cluster)
    repo = createDeployFixture(cluster)
    repo.commit('main', {
      message: 'sandbox runs may bring their own command',
      config: c => {
        c.sandbox.allowCustomCommand = true
        c.sandbox.actors = { 'alice-hpc': 'alice', 'bob-hpc': 'bob' }
      }
    })
    // develop deployed: its venv is in the project's store, which the sandbox runs then share.
    expect((await repo.run('develop')).outcome.outputs.venv).toBe('built')
  })
  afterAll(async () => {
    repo.remove()
    await resetCluster(cluster)
  })

  const cli = (...args: string[]) => startCli(cluster, repo.repoDir, args).done

  const jobIdOf = (stderr: string) => /submitted job (\d+)/.exec(stderr)?.[1] ?? ''

  it(
    "stages the ref in its own run directory with develop's venv (none built), streams the log, exits 0 for COMPLETED 0",
    async () => {
      const sha = repo.sha('main')
      const run = await cli(
        'sandbox',
        '--ref',
        'main',
        '--actor',
        'alice-hpc',
        '--command',
        'echo "first $CAQRN_ENVIRONMENT"; python -c "import caqrn_utils; print(caqrn_utils.__name__)"; sleep 5; echo last'
      )
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 })
      expect(run.stderr).toMatch(/venv [0-9a-f]{16} is complete: reused/)
      expect(run.lines.map(l => l.text).filter(t => !t.startsWith('['))).toEqual([
        'first sandbox',
        'caqrn_utils',
        'last'
      ])
      // The first line reached us while the job was still sleeping.
      expect(run.lines.at(-1)!.at - run.lines[1]!.at).toBeGreaterThan(3000)
      const id = jobIdOf(run.stderr)
      expect(await waitForJob(cluster, id)).toMatchObject({ state: 'COMPLETED', exitCode: '0:0' })
      // The run directory: the commit, its REVISION, the rendered files, a venv from the project's store.
      const runs = await sshRun(cluster, `ls ${shellQuote(`${sandboxes}/alice/runs`)}`)
      const [runName] = runs.stdout.trim().split('\n')
      expect(runName).toMatch(new RegExp(`^\\d{14}-${sha.slice(0, 7)}$`))
      const runDir = `${sandboxes}/alice/runs/${runName}`
      const files = await sshRun(
        cluster,
        `cat ${runDir}/REVISION; readlink ${runDir}/.slurm-gitops/venv; ls ${runDir}/.slurm-gitops; test -f ${runDir}/caqrn/pipeline.py && echo code`
      )
      expect(files.stdout.split('\n')).toEqual([
        sha,
        expect.stringMatching(new RegExp(`^${cluster.projectRoot}/venvs/[0-9a-f]{16}$`)),
        'sandbox-env.sh',
        'sandbox-job.sh',
        'venv',
        'code'
      ])
    },
    SLOW
  )

  it(
    'a job that exits 3 fails with FAILED 3:0',
    async () => {
      const run = await cli(
        'sandbox',
        '--ref',
        'main',
        '--actor',
        'alice-hpc',
        '--command',
        'echo failing; exit 3'
      )
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/FAILED 3:0/)
      expect(run.stderr).toMatch(/venv [0-9a-f]{16} is complete: reused/)
      expect(await waitForJob(cluster, jobIdOf(run.stderr))).toMatchObject({
        state: 'FAILED',
        exitCode: '3:0'
      })
    },
    SLOW
  )

  it(
    'two sandboxes at once both complete, each in its own directory',
    async () => {
      const [alice, bob] = await Promise.all(
        ['alice-hpc', 'bob-hpc'].map(actor =>
          cli('sandbox', '--ref', 'develop', '--actor', actor, '--command', 'echo "in $PWD"; sleep 2')
        )
      )
      for (const [run, name] of [
        [alice!, 'alice'],
        [bob!, 'bob']
      ] as const) {
        expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 })
        expect(run.lines.find(l => l.text.startsWith('in '))?.text).toMatch(
          new RegExp(`^in ${sandboxes}/${name}/runs/`)
        )
        expect(await waitForJob(cluster, jobIdOf(run.stderr))).toMatchObject({ state: 'COMPLETED' })
      }
    },
    SLOW
  )

  it(
    '--no-wait submits and reports the id; watch follows it to its end',
    async () => {
      const submitted = await cli(
        'sandbox',
        '--ref',
        'main',
        '--actor',
        'bob-hpc',
        '--no-wait',
        '--command',
        'sleep 3; echo done'
      )
      expect(submitted.code).toBe(0)
      const id = jobIdOf(submitted.stderr)
      expect(submitted.stderr).toContain(`slurm-gitops watch ${id}`)
      const watched = await cli('watch', id)
      expect(watched.code).toBe(0)
      expect(watched.lines.map(l => l.text)).toContain('done')
    },
    SLOW
  )

  it('bad input is refused before anything is staged, each problem naming its flag', async () => {
    await sshRun(cluster, `rm -rf ${shellQuote(`${sandboxes}/mallory`)}`)
    const run = await cli(
      'sandbox',
      '--ref',
      'main;id',
      '--actor',
      'mallory',
      '--sbatch=--wrap=id',
      '--partition',
      'gpu'
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--ref: ref "main;id" contains ";"/)
    expect(run.stderr).toMatch(/--partition: partition "gpu" is not allowed/)
    expect(run.stderr).toMatch(/--sbatch: sbatch option "--wrap=id"/)
    expect((await sshRun(cluster, `test -e ${shellQuote(`${sandboxes}/mallory`)}`)).code).not.toBe(0)
  })
})
