// `slurm-gitops watch JOBID` and `cancel JOBID` as users run them: the bundled CLI as a whole process against the
// real test cluster, each result checked against Slurm's own record (sacct).
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { sandboxJobName } from '../../src/sandbox/job-name.js'
import { describeCluster, resetCluster, shellQuote, sshRun, waitForJob, type ClusterInfo } from './cluster.js'
import { createDeployFixture, type DeployFixture } from './deploy-fixture.js'
import { startCli } from './cli-process.js'

const SLOW = 120_000

describeCluster('slurm-gitops watch and cancel', (cluster: ClusterInfo) => {
  let repo: DeployFixture
  const dir = `${cluster.projectRoot}/job-commands-test`
  let runs = 0

  beforeAll(async () => {
    repo = createDeployFixture(cluster)
    await sshRun(cluster, `mkdir -p ${shellQuote(dir)}`)
  })
  afterAll(async () => {
    repo.remove()
    await resetCluster(cluster)
  })

  /** Submits `script` to dev under `name` (a sandbox job's name unless given); returns its id. */
  async function submit(script: string, name?: string): Promise<string> {
    runs += 1
    const jobName =
      name ?? sandboxJobName({ project: 'caqrn', sandbox: 'alice', runId: String(runs), shortSha: 'abcdef1' })
    const r = await sshRun(
      cluster,
      `cd ${shellQuote(dir)} && sbatch --parsable -p dev -t 1 --job-name=${shellQuote(jobName)} ` +
        `--output=${shellQuote(`${dir}/${jobName}.out`)} --wrap=${shellQuote(script)}`
    )
    expect(r.code).toBe(0)
    return r.stdout.trim().split(';')[0]!
  }

  const cli = (...args: string[]) => startCli(cluster, repo.repoDir, args)

  it(
    'watch streams the log while the job runs and exits 0 for COMPLETED 0',
    async () => {
      const id = await submit('echo first line; sleep 6; echo last line')
      const run = await cli('watch', id).done
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 })
      const texts = run.lines.map(l => l.text)
      expect(texts).toEqual(['first line', 'last line'])
      // The first line reached us while the job was still sleeping, not at its end.
      expect(run.lines[1]!.at - run.lines[0]!.at).toBeGreaterThan(3000)
      expect(run.stderr).toMatch(/COMPLETED/)
      expect(await waitForJob(cluster, id)).toMatchObject({ state: 'COMPLETED', exitCode: '0:0' })
    },
    SLOW
  )

  it(
    'watch exits 1 and says FAILED 3:0 for a job that exits 3',
    async () => {
      const id = await submit('echo failing; exit 3')
      const run = await cli('watch', id).done
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/FAILED 3:0/)
      expect(await waitForJob(cluster, id)).toMatchObject({ state: 'FAILED', exitCode: '3:0' })
    },
    SLOW
  )

  it(
    'Ctrl-C during watch cancels the job by id: CANCELLED in sacct within 10 s',
    async () => {
      const id = await submit('echo started; sleep 50')
      const run = cli('watch', id)
      while (!run.lines.some(l => l.text === 'started')) await new Promise(r => setTimeout(r, 100))
      const signalledAt = Date.now()
      run.child.kill('SIGINT')
      const ended = await run.done
      expect(ended.code).toBe(1)
      expect(ended.endedAt - signalledAt).toBeLessThan(10_000)
      expect((await waitForJob(cluster, id, 10)).state).toMatch(/^CANCELLED/)
    },
    SLOW
  )

  it(
    'cancel cancels a sandbox job, and refuses a job that is not one, leaving it running',
    async () => {
      const sandbox = await submit('sleep 50')
      const scheduled = await submit('sleep 50', 'caqrn-production-daily')
      const refused = await cli('cancel', scheduled).done
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/looks like a scheduled job of caqrn/)
      const cancelled = await cli('cancel', sandbox).done
      expect({ code: cancelled.code, stderr: cancelled.stderr }).toMatchObject({ code: 0 })
      expect((await waitForJob(cluster, sandbox, 10)).state).toMatch(/^CANCELLED/)
      const still = await sshRun(cluster, `squeue -h -j ${scheduled} -o %T`)
      expect(still.stdout.trim()).toMatch(/^(PENDING|RUNNING)$/)
      await sshRun(cluster, `scancel ${scheduled}`)
    },
    SLOW
  )

  it('an id that Slurm does not know is a clear error', async () => {
    const run = await cli('watch', '999999').done
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/job 999999 is not known/)
  })
})
