// `slurm-gitops watch JOBID` and `cancel JOBID` as users run them: the bundled CLI as a whole process against the
// real test cluster, each result checked against Slurm's own record (sacct).
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
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

  it('with --format json, says so in one object on stdout, the problem beside its where', async () => {
    const run = await cli('watch', '999999', '--format', 'json').done
    expect(run.code).toBe(2)
    expect(JSON.parse(run.lines.map(line => line.text).join('\n'))).toEqual({
      version: 1,
      ok: false,
      command: 'watch',
      warnings: [],
      problems: [{ where: 'job id', message: expect.stringMatching(/job 999999 is not known/) }]
    })
  })

  it('connects with an encrypted key and its passphrase from the environment; a wrong or missing one is named', async () => {
    // The cluster's own key, encrypted: the server knows it, so only the passphrase decides.
    const tmp = mkdtempSync(path.join(tmpdir(), 'sg-passphrase-'))
    const encrypted = path.join(tmp, 'id_ed25519')
    try {
      copyFileSync(cluster.privateKeyPath, encrypted)
      chmodSync(encrypted, 0o600)
      const keygen = spawnSync('ssh-keygen', ['-q', '-p', '-N', 'correct horse', '-f', encrypted])
      expect(keygen.status).toBe(0)
      expect(readFileSync(encrypted, 'utf8')).not.toBe(readFileSync(cluster.privateKeyPath, 'utf8'))
      const withPassphrase = (passphrase?: string) =>
        startCli(cluster, repo.repoDir, ['watch', '999999'], {
          identity: encrypted,
          env: passphrase === undefined ? {} : { SLURM_GITOPS_SSH_KEY_PASSPHRASE: passphrase }
        }).done

      // Connected and asked Slurm: the passphrase worked.
      const right = await withPassphrase('correct horse')
      expect({ code: right.code, stderr: right.stderr }).toEqual({
        code: 2,
        stderr: expect.stringMatching(/job 999999 is not known/)
      })
      const missing = await withPassphrase()
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain(
        'the private key from --identity is encrypted, and no passphrase was given: ' +
          'set environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE'
      )
      const wrong = await withPassphrase('wrong horse')
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain(
        'the passphrase from environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE does not decrypt the private key from --identity'
      )
      expect(wrong.stderr).not.toContain('wrong horse')
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  })
})
