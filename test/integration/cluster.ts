// The real single-node Slurm cluster that `sudo scripts/cluster up` starts on 127.0.0.1, for integration tests.
//
//   describeCluster('deploy', (cluster) => { it('…', async () => { await sshRun(cluster, 'sinfo') }) })
//
// A block whose tests each want an empty cluster and one SSH connection: `const ssh = useCluster(cluster)`.
//
// Without a running cluster the suite is skipped with a message — unless REQUIRE_CLUSTER=1 (CI), where a missing
// cluster is an error. The cluster (one account, one scrontab, one project root) is shared by every integration
// test file, and resetCluster() wipes all of it: so each describeCluster block holds an exclusive lock
// (<stateDir>/test.lock, across jest workers and across concurrent jest runs) from its beforeAll to its afterAll.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { NodeSSH, type Config } from 'node-ssh'
import { repoRoot } from '../repo-root.js'

export interface ClusterInfo {
  host: string
  port: number
  user: string
  privateKeyPath: string
  knownHostsPath: string
  /** e.g. /projects/caqrn, owned by `user` */
  projectRoot: string
  /** offline wheels; the account's pip.conf already points there (no-index) */
  wheelhouse: string
  stateDir: string
  clusterName: string
  node: string
  home: string
  /** the account's python3 (/usr/bin/python3, with venv) */
  python: string
  partitions: { default: string; production: string; development: string }
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

export function clusterStateDir(): string {
  return process.env.SLURM_GITOPS_CLUSTER_DIR ?? path.join(repoRoot, '.cluster')
}

/** Why the cluster is not usable, or null when sshd answers with an SSH banner. */
function probe(): { info: ClusterInfo | null; why: string } {
  const file = path.join(clusterStateDir(), 'cluster.json')
  if (!existsSync(file)) return { info: null, why: `${file} does not exist` }
  const info = JSON.parse(readFileSync(file, 'utf8')) as ClusterInfo
  // describe() must be called synchronously, so the TCP check runs in a child process: read the SSH banner.
  const check = spawnSync(
    process.execPath,
    [
      '-e',
      `const s = require('net').connect(${Number(info.port)}, ${JSON.stringify(info.host)});
       s.setTimeout(3000, () => process.exit(2)); s.on('error', () => process.exit(3));
       s.once('data', (d) => process.exit(String(d).startsWith('SSH-2.0-') ? 0 : 4));`
    ],
    { timeout: 5000 }
  )
  if (check.status !== 0) return { info: null, why: `sshd does not answer on ${info.host}:${info.port}` }
  return { info, why: '' }
}

const placeholder: ClusterInfo = {
  host: '127.0.0.1',
  port: 0,
  user: 'nobody',
  privateKeyPath: '',
  knownHostsPath: '',
  projectRoot: '/nonexistent',
  wheelhouse: '/nonexistent',
  stateDir: '/nonexistent',
  clusterName: '',
  node: '',
  home: '/nonexistent',
  python: '/usr/bin/python3',
  partitions: { default: 'standard', production: 'standard', development: 'dev' }
}

let cached: ReturnType<typeof probe> | undefined

/** The running cluster (from cluster.json, sshd answering), or null. */
export function clusterInfo(): ClusterInfo | null {
  cached ??= probe()
  return cached.info
}

// describeCluster and useCluster use jest's globals (not an import of @jest/globals), so the rest of this module
// also serves scripts outside jest, such as the benchmark.

/** `describe` when the cluster is up; otherwise skipped with a message, or thrown when REQUIRE_CLUSTER=1. */
export function describeCluster(name: string, fn: (cluster: ClusterInfo) => void): void {
  const info = clusterInfo()
  if (info) {
    describe(name, () => {
      beforeAll(() => acquireLock(info), LOCK_WAIT_MS + 5000) // registered first: runs before fn's beforeAll
      fn(info)
      afterAll(() => releaseLock(info)) // registered last: runs after fn's afterAll (e.g. resetCluster)
    })
    return
  }
  const why = cached?.why ?? 'unknown'
  if (process.env.REQUIRE_CLUSTER === '1') {
    throw new Error(
      `REQUIRE_CLUSTER=1 but the test cluster is not running (${why}): run \`sudo scripts/cluster up\``
    )
  }
  console.warn(`cluster not running: start it with \`sudo scripts/cluster up\` (${why}) — skipping "${name}"`)
  // The body still runs to collect the (skipped) tests: give it harmless values, never a real connection target.
  describe.skip(name, () => fn(placeholder))
}

const LOCK_WAIT_MS = 15 * 60_000
let lockHeld = false

/** mkdir is atomic: the lock is a directory holding the owner's pid; a dead owner's lock is taken over. */
async function acquireLock(info: ClusterInfo): Promise<void> {
  const dir = path.join(info.stateDir, 'test.lock')
  const deadline = Date.now() + LOCK_WAIT_MS
  let told = false
  for (;;) {
    try {
      mkdirSync(dir)
      writeFileSync(path.join(dir, 'pid'), String(process.pid))
      lockHeld = true
      return
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    let owner = NaN
    try {
      owner = Number(readFileSync(path.join(dir, 'pid'), 'utf8'))
    } catch {
      // just created, pid not written yet
    }
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      rmSync(dir, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline)
      throw new Error(`cluster test lock ${dir} still held by pid ${owner} after 15 min`)
    if (!told) console.log(`waiting for the cluster test lock ${dir} (held by pid ${owner})`)
    told = true
    await new Promise(r => setTimeout(r, 500))
  }
}

function releaseLock(info: ClusterInfo): void {
  if (lockHeld) rmSync(path.join(info.stateDir, 'test.lock'), { recursive: true, force: true })
  lockHeld = false
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Host key check against the cluster's known_hosts file: only the exact key listed for [host]:port passes. */
function hostVerifier(info: ClusterInfo): (key: Buffer) => boolean {
  const hostName = info.port === 22 ? info.host : `[${info.host}]:${info.port}`
  const keys = readFileSync(info.knownHostsPath, 'utf8')
    .split('\n')
    .map(line => line.trim().split(/\s+/))
    .filter(f => f.length >= 3 && f[0]!.split(',').includes(hostName))
    .map(f => Buffer.from(f[2]!, 'base64'))
  if (keys.length === 0) throw new Error(`no host key for ${hostName} in ${info.knownHostsPath}`)
  return (key: Buffer) => keys.some(k => k.equals(key))
}

/** How to log in as the service account (strict host key check). */
function connectOptions(info: ClusterInfo): Config {
  return {
    host: info.host,
    port: info.port,
    username: info.user,
    privateKeyPath: info.privateKeyPath,
    hostVerifier: hostVerifier(info),
    readyTimeout: 10000
  }
}

/** One SSH connection to the cluster as the service account. Dispose it when done. */
export async function connectCluster(info: ClusterInfo): Promise<NodeSSH> {
  return new NodeSSH().connect(connectOptions(info))
}

/**
 * For a describeCluster block whose tests each start on an empty cluster: resets it before each test and after
 * the last, and returns one SSH connection for the whole block, opened before the first test and closed after
 * the last. The connection is returned at once (so tests can close over it) but usable only from the hooks on.
 */
export function useCluster(info: ClusterInfo): NodeSSH {
  const ssh = new NodeSSH()
  beforeAll(async () => {
    await ssh.connect(connectOptions(info))
  })
  beforeEach(() => resetCluster(info))
  afterAll(async () => {
    ssh.dispose()
    await resetCluster(info)
  })
  return ssh
}

/**
 * Run `command` as the service account in a login shell (`bash -l`, as deploys do: cluster PATH and python3),
 * optionally feeding `stdin`. Pass an open connection to reuse it; otherwise one is opened and closed.
 */
export async function sshRun(
  target: ClusterInfo | NodeSSH,
  command: string,
  stdin?: string
): Promise<RunResult> {
  const own = !(target instanceof NodeSSH)
  const ssh = own ? await connectCluster(target) : target
  try {
    const r = await ssh.execCommand(`bash -lc ${shellQuote(command)}`, stdin === undefined ? {} : { stdin })
    return { code: r.code, stdout: r.stdout, stderr: r.stderr }
  } finally {
    if (own) ssh.dispose()
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * Wipe the account's Slurm state and files: remove its scrontab (ends the cron jobs), cancel the remaining jobs by
 * job id (never `scancel -u`: that would also disable cron entries), wait until squeue is empty, empty the project
 * root. For afterEach/afterAll.
 */
export async function resetCluster(info: ClusterInfo): Promise<void> {
  const r = await sshRun(
    info,
    `scrontab -r >/dev/null 2>&1 || true
     ids=$(squeue -h -u "$USER" -o %A)
     if [ -n "$ids" ]; then scancel $ids; fi
     for i in $(seq 1 60); do [ -z "$(squeue -h -u "$USER" -o %A)" ] && break; sleep 0.5; done
     find ${shellQuote(info.projectRoot)} -mindepth 1 -delete`
  )
  if (r.code !== 0) throw new Error(`resetCluster failed (${r.code}): ${r.stderr}${r.stdout}`)
}

export interface JobResult {
  jobId: string
  /** sacct State, e.g. COMPLETED, FAILED, TIMEOUT, "CANCELLED by 1001" */
  state: string
  /** sacct ExitCode "code:signal", e.g. "3:0" */
  exitCode: string
}

/**
 * Wait (politely: sacct every 1 s, backing off to 5 s, in one remote loop) until sacct shows a final state for
 * `jobId`. squeue forgets finished jobs after MinJobAge; sacct keeps them.
 */
export async function waitForJob(
  target: ClusterInfo | NodeSSH,
  jobId: string,
  timeoutS = 90
): Promise<JobResult> {
  const r = await sshRun(
    target,
    `delay=1; end=$(( $(date +%s) + ${Math.ceil(timeoutS)} ))
     while :; do
       line=$(sacct -X -n -P -j ${shellQuote(jobId)} -o State,ExitCode | head -1)
       case "$line" in ''|PENDING*|RUNNING*|REQUEUED*|RESIZING*|SUSPENDED*|COMPLETING*) ;; *) echo "$line"; exit 0 ;; esac
       [ "$(date +%s)" -ge "$end" ] && { echo "timeout; last: $line" >&2; exit 124; }
       sleep $delay; [ $delay -lt 5 ] && delay=$((delay + 1))
     done`
  )
  if (r.code !== 0) throw new Error(`job ${jobId} not finished within ${timeoutS}s: ${r.stderr}`)
  const [state = '', exitCode = ''] = r.stdout.trim().split('|')
  return { jobId, state, exitCode }
}

/** For scripts outside jest (a benchmark): hold the cluster test lock while `fn` runs, as a test file does. */
export async function withClusterLock<T>(info: ClusterInfo, fn: () => Promise<T>): Promise<T> {
  await acquireLock(info)
  try {
    return await fn()
  } finally {
    releaseLock(info)
  }
}
