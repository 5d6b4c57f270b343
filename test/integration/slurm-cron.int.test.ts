// Slurm accepts some schedules and reads them as something else; the validator refuses each and says what
// Slurm would do (src/validate/slurm-cron.ts, from the port in slurm-cron-reading.ts). Here every one of them
// is installed through the real scrontab, and Slurm's reading — the CrontabSpec that `scontrol show job`
// prints, which slurmctld rebuilds from the parsed bitmaps (src/slurmctld/crontab.c), and the Command — must be
// the one the message states. The account's table is saved first and put back exactly in a finally.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { NodeSSH } from 'node-ssh'
import { checkSlurmCron } from '../../src/validate/slurm-cron.js'
import { readSlurmCron } from '../../src/validate/slurm-cron-reading.js'
import { REINTERPRETED } from '../slurm-cron-cases.js'
import { connectCluster, describeCluster, sshRun } from './cluster.js'

const JOB_PREFIX = 'cron-reading-'

describeCluster('scrontab reads the schedules we refuse as our messages say', cluster => {
  let ssh: NodeSSH

  beforeAll(async () => {
    ssh = await connectCluster(cluster)
  })

  afterAll(() => ssh?.dispose())

  const ok = async (command: string, stdin?: string) => {
    const r = await sshRun(ssh, command, stdin)
    if (r.code !== 0) throw new Error(`\`${command}\` exited ${r.code}: ${r.stderr}${r.stdout}`)
    return r.stdout
  }

  /** The account's table byte for byte, or null when it has none (execCommand trims, so it comes as base64). */
  const currentTable = async (): Promise<string | null> => {
    const out = await ok(
      't=$(mktemp); if scrontab -l >"$t" 2>/dev/null; then echo "table:$(base64 -w0 "$t")"; else echo none; fi; rm -f "$t"'
    )
    return out.startsWith('table:')
      ? Buffer.from(out.slice('table:'.length), 'base64').toString('utf8')
      : null
  }

  /** Runs `fn` with `table` installed, then restores the table the account had (or none). */
  const withTable = async <T>(table: string, fn: () => Promise<T>): Promise<T> => {
    const saved = await currentTable()
    try {
      await ok('scrontab -', table)
      return await fn()
    } finally {
      await (saved === null ? ok('scrontab -r') : ok('scrontab -', saved))
      expect(await currentTable()).toBe(saved)
    }
  }

  /** Our probe jobs by name: scontrol's CrontabSpec, Command and EligibleTime (the next run). */
  const cronJobs = async () => {
    const out = await ok(`for id in $(squeue -h -u "$USER" -o %A); do scontrol -o show job "$id"; done`)
    const jobs: Record<string, { crontabSpec: string; command: string; eligible: string }> = {}
    for (const line of out.split('\n')) {
      const name = /JobName=(\S+)/.exec(line)?.[1]
      if (!name?.startsWith(JOB_PREFIX)) continue
      jobs[name] = {
        crontabSpec: /CrontabSpec="([^"]*)"/.exec(line)?.[1] ?? '',
        command: / Command=(.*?) WorkDir=/.exec(line)?.[1] ?? '',
        eligible: /EligibleTime=(\S+)/.exec(line)?.[1] ?? ''
      }
    }
    return jobs
  }

  it('reads every accepted-but-reinterpreted schedule as our message says', async () => {
    const entry = (schedule: string, i: number) => `#SCRON -p dev -J ${JOB_PREFIX}${i}\n${schedule} true\n`
    const table = REINTERPRETED.map((c, i) => entry(c.schedule, i)).join('')
    const claimed = Object.fromEntries(
      REINTERPRETED.map((c, i) => {
        const reading = readSlurmCron(c.schedule)
        if ('refused' in reading) throw new Error(`the port refuses ${c.schedule}, which Slurm accepted`)
        const command = reading.commandStart === '' ? 'true' : `${reading.commandStart} true`
        // what the message says is what the port read, and what the real scrontab read when probed
        expect(checkSlurmCron(c.schedule)).toContain(c.message)
        expect({ crontabSpec: reading.crontabSpec, command }).toEqual({
          crontabSpec: c.slurm,
          command: c.command ?? 'true'
        })
        return [`${JOB_PREFIX}${i}`, { crontabSpec: reading.crontabSpec, command }]
      })
    )

    const real = await withTable(table, cronJobs)
    const read = Object.fromEntries(
      Object.entries(real).map(([name, job]) => [
        name,
        { crontabSpec: job.crontabSpec, command: job.command }
      ])
    )
    expect(read).toEqual(claimed)
  })

  it('runs a stepped-* day of month OR the day of week, as our message says, where cron would AND them', async () => {
    // Day of month */31 is the 1st; the day of week is tomorrow's (the day after, when tomorrow is the 1st).
    // Slurm ORs the two, so the job runs tomorrow at 00:00; cron would AND them (a 1st that is that weekday).
    const day = await ok(
      `t=$(date -d tomorrow +%d); if [ "$t" = 01 ]; then w=$(date -d '2 days' +%w); else w=$(date -d tomorrow +%w); fi
       echo "$w $(date -d tomorrow +%Y-%m-%dT00:00:00) $(date +%F)"`
    )
    const [weekday, tomorrow, today] = day.trim().split(' ') as [string, string, string]
    const schedule = `0 0 */31 * ${weekday}`
    expect(checkSlurmCron(schedule)).toContain(
      `Slurm runs it on days that match either day field (day-of-month 1 or day-of-week ${weekday})`
    )
    const job = await withTable(`#SCRON -p dev -J ${JOB_PREFIX}days\n${schedule} true\n`, async () => {
      const found = (await cronJobs())[`${JOB_PREFIX}days`]
      if (!found) throw new Error(`no cron job ${JOB_PREFIX}days after installing "${schedule}"`)
      return { ...found, today: (await ok('date +%F')).trim() }
    })
    expect(job.crontabSpec).toBe(`0 0 1 * ${weekday}`)
    // Midnight between the two date calls moves "tomorrow": then the check would compare the wrong day.
    if (job.today === today) expect(job.eligible).toBe(tomorrow)
    else expect(job.eligible > tomorrow).toBe(true)
  })
})
