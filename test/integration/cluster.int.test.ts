// Proves the test cluster is a real Slurm over SSH, and pins the Slurm behaviours the deploy engine relies on
// (DESIGN.md "Slurm facts that bite"). Two tests are slow (a one-minute time limit and a one-minute cron entry);
// the TIMEOUT job is submitted in beforeAll so both minutes overlap: the whole file takes ~70-80 s.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { NodeSSH } from 'node-ssh'
import { connectCluster, describeCluster, resetCluster, shellQuote, sshRun, waitForJob } from './cluster.js'

const SLOW = 150_000

describeCluster('test cluster: real Slurm over SSH', cluster => {
  const dir = `${cluster.projectRoot}/cluster-test`
  let ssh: NodeSSH
  let timeoutJob = ''

  const run = async (command: string, stdin?: string) => sshRun(ssh, command, stdin)
  const ok = async (command: string, stdin?: string) => {
    const r = await run(command, stdin)
    if (r.code !== 0) throw new Error(`\`${command}\` exited ${r.code}: ${r.stderr}${r.stdout}`)
    return r.stdout
  }
  const submit = async (args: string) => {
    const id = (await ok(`cd ${shellQuote(dir)} && sbatch --parsable ${args}`)).trim()
    expect(id).toMatch(/^\d+$/) // --parsable: the job id alone (no ";cluster" on a single cluster)
    return id
  }
  // the table, byte for byte (execCommand trims output, so compare base64)
  const table = async () => {
    const r = await run('scrontab -l | base64 -w0; exit ${PIPESTATUS[0]}')
    return { code: r.code, text: Buffer.from(r.stdout, 'base64').toString() }
  }
  const setTable = (text: string) => run(`cat > ${dir}/table && scrontab ${dir}/table`, text)

  beforeAll(async () => {
    await resetCluster(cluster)
    ssh = await connectCluster(cluster)
    await ok(`mkdir -p ${shellQuote(dir)}`)
    // --time=1 is the shortest limit there is (minutes); KillWait=2, OverTimeLimit=0 on this cluster.
    timeoutJob = await submit(`-p dev --time=1 -J timeout-test --wrap 'sleep 300'`)
  })

  afterAll(async () => {
    ssh?.dispose()
    await resetCluster(cluster)
  })

  it('runs a job submitted over SSH as the service account, on the default partition', async () => {
    const id = await submit(
      `-o out-%j.txt --wrap 'echo "$(id -un) $SLURM_JOB_PARTITION $(command -v python3)"'`
    )
    const job = await waitForJob(ssh, id)
    expect(job).toEqual({ jobId: id, state: 'COMPLETED', exitCode: '0:0' })
    expect((await ok(`cat ${dir}/out-${id}.txt`)).trim()).toBe(`${cluster.user} standard /usr/bin/python3`)
  })

  it('has partitions standard (default, no limit) and dev (30 minutes)', async () => {
    expect((await ok(`sinfo -h -o '%P %l'`)).split('\n').sort()).toEqual(['dev 30:00', 'standard* infinite'])
  })

  it('reports a job exiting 3 as FAILED with ExitCode 3:0 in sacct -X', async () => {
    const id = await submit(`-p dev --wrap 'exit 3'`)
    expect(await waitForJob(ssh, id)).toEqual({ jobId: id, state: 'FAILED', exitCode: '3:0' })
  })

  it('reports scancel <jobid> as CANCELLED', async () => {
    const id = await submit(`-p dev --wrap 'sleep 300'`)
    await ok(
      `for i in $(seq 1 40); do [ "$(squeue -h -j ${id} -o %T)" = RUNNING ] && exit 0; sleep 0.5; done; exit 1`
    )
    await ok(`scancel ${id}`)
    const job = await waitForJob(ssh, id)
    expect(job.state).toMatch(/^CANCELLED by \d+$/)
  })

  it('forgets a finished job in squeue (MinJobAge=2) while sacct keeps it', async () => {
    const id = await submit(`-p dev --wrap true`)
    expect((await waitForJob(ssh, id)).state).toBe('COMPLETED')
    // squeue -j on a purged job: "Invalid job id specified", exit 1 — the reason deploys read sacct, not squeue
    await ok(`for i in $(seq 1 30); do squeue -h -j ${id} >/dev/null 2>&1 || exit 0; sleep 1; done; exit 1`)
    const gone = await run(`squeue -h -j ${id}`)
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain('Invalid job id specified')
    expect((await ok(`sacct -X -n -P -j ${id} -o State`)).trim()).toBe('COMPLETED')
  })

  it('scrontab -l without a table prints "no crontab for USER" and exits 1', async () => {
    await ok('scrontab -r')
    const r = await run('scrontab -l')
    expect(r).toEqual({ code: 1, stdout: `no crontab for ${cluster.user}`, stderr: '' })
  })

  it('scrontab FILE replaces the whole table; -l prints it back exactly; one pending job per entry', async () => {
    const a = '# table A\n#SCRON -p dev\n0 3 * * * echo a1\n30 4 * * * echo a2\n'
    const b =
      '# table B: replaces A entirely\n#SCRON -p dev -J cron-b\n@daily echo b\n\n#DISABLED: 0 5 * * * echo off\n'
    expect((await setTable(a)).code).toBe(0)
    expect(await table()).toEqual({ code: 0, text: a })
    expect((await setTable(b)).code).toBe(0)
    expect(await table()).toEqual({ code: 0, text: b })
    // each entry is one job, PENDING until its time (reason BeginTime)
    expect((await ok(`squeue -h -u ${cluster.user} -o '%j %T %r' | grep -v timeout-test`)).trim()).toBe(
      'cron-b PENDING BeginTime'
    )
  })

  it('rejects */1 (step must be 2..size) with exit 1 and leaves the table unchanged', async () => {
    const before = await table()
    const r = await setTable('*/1 * * * * echo never\n')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('bad step value')
    expect(await table()).toEqual(before)
  })

  it(
    'runs a `* * * * *` entry within ~65 s, keeping one job id across runs (slow)',
    async () => {
      const out = `${dir}/cron.out`
      const t = `#SCRON -p dev -J cron-every-minute --open-mode=append -o ${out}\n* * * * * date +ran-%s\n`
      expect((await setTable(t)).code).toBe(0)
      const idBefore = (await ok(`squeue -h -u ${cluster.user} -n cron-every-minute -o %A`)).trim()
      expect(idBefore).toMatch(/^\d+$/)
      await ok(`for i in $(seq 1 40); do grep -q ran- ${out} 2>/dev/null && exit 0; sleep 2; done; exit 1`)
      expect(await ok(`cat ${out}`)).toMatch(/^ran-\d+/)
      // after the run the same job is requeued for the next minute (cancel cron jobs by id, never by name/user)
      await ok(
        `for i in $(seq 1 20); do [ "$(squeue -h -j ${idBefore} -o %T)" = PENDING ] && exit 0; sleep 1; done; exit 1`
      )
      expect((await ok(`squeue -h -u ${cluster.user} -n cron-every-minute -o %A`)).trim()).toBe(idBefore)
      await ok('scrontab -r')
    },
    SLOW
  )

  it(
    'reports a job over its time limit as TIMEOUT (slow: the limit is 1 minute)',
    async () => {
      const job = await waitForJob(ssh, timeoutJob, 130)
      expect(job.state).toBe('TIMEOUT')
      // seen on Slurm 22.05: the allocation (-X) reports 0:0 for a TIMEOUT — the state, not the exit code, tells it
      expect(job.exitCode).toBe('0:0')
    },
    SLOW
  )
})
