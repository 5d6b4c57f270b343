// A consuming repository for deploy tests against the real test cluster (test/integration/cluster.ts):
// examples/caqrn copied into a temp dir, its config pointed at the cluster, a bare origin the service account can
// fetch from (the cluster runs on this machine, so `file://` works), and the core's operations called the way the
// CLI calls them (the cluster's key and known_hosts, a MemoryLogSink).
//
//   const repo = createDeployFixture(cluster, { keepReleases: 2 })
//   const sha = repo.commit('main', codeChange())
//   const { outcome } = await repo.run('main')
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { NodeSSH } from 'node-ssh'
import { parse, stringify } from 'yaml'
import { parseConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'
import { deploy, rollback, status, type DeploymentRun } from '../../src/operations/deployment.js'
import type { ConnectionRequest, RepoLocation } from '../../src/operations/requests.js'
import { failureMessage, succeeded } from '../../src/exec/executor.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import type { RunMode } from '../../src/plan/types.js'
import { shellQuote, sshRun, type ClusterInfo } from './cluster.js'
import { repoRoot } from '../repo-root.js'

const CONFIG_PATH = '.github/slurm-gitops.yml'

// The config as plain data; edits go through YAML so the file stays what a user would write.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawConfigData = Record<string, any>

/** What one commit changes: files (path → content, null deletes) and/or an edit of the config. */
export interface Change {
  message: string
  files?: Record<string, string | null>
  config?: (config: RawConfigData) => void
}

let changeCounter = 0

/** A code-only change: a new line in the package (the venv stays the same). */
export function codeChange(): Change {
  changeCounter += 1
  const n = `${Date.now()}-${changeCounter}`
  return { message: `code change ${n}`, files: { [`caqrn/change_${changeCounter}.py`]: `CHANGE = '${n}'\n` } }
}

/** A new requirements.txt, e.g. `caqrn-utils==1.1.0` (a new venv hash). */
export function requirementsChange(requirements: string): Change {
  return { message: `requirements: ${requirements}`, files: { 'requirements.txt': `${requirements}\n` } }
}

/** A requirement that is in no index (the wheelhouse is the only one): pip fails. */
export function failingRequirement(): Change {
  return requirementsChange('does-not-exist==9.9')
}

/** A smoke command that fails (exit 3) after printing a recognisable line. */
export function failingSmoke(): Change {
  return {
    message: 'failing smoke command',
    config: c => {
      c.project.smokeCommand = `python -c 'print("smoke-failing-on-purpose"); raise SystemExit(3)'`
    }
  }
}

/** Another schedule for the deployment of `branch`: its scrontab block changes. */
export function scheduleChange(branch: string, schedule: string): Change {
  return {
    message: `schedule of ${branch}: ${schedule}`,
    config: c => {
      c.deployments[branch].jobs[0].schedule = schedule
    }
  }
}

export interface FixtureOptions {
  keepReleases?: number
  source?: 'fetch' | 'bundle'
  /** Defaults to the fixture's bare origin (file://). */
  repository?: string
}

export interface RunOptions {
  mode?: RunMode
  /** deploy: defaults to the tip of the branch. */
  sha?: string
  target?: string
  actor?: string
  runUrl?: string
  sink?: MemoryLogSink
  signal?: AbortSignal
  /** Overrides of the connection (wrong keys, another port). */
  privateKey?: string
  knownHosts?: string
  port?: number
  connectTimeoutSeconds?: number
}

export interface RunResult {
  sha: string
  outcome: DeploymentRun
  sink: MemoryLogSink
}

export interface DeployFixture {
  dir: string
  repoDir: string
  originDir: string
  /** /projects/caqrn/production and friends: the root of the deployment of `branch`. */
  root(branch: string): string
  /**
   * Commits `change` on `branch` (created from main when missing), pushes it to origin, returns the SHA. With
   * `resetTo`, the branch is first reset to that commit and force-pushed: its history is rewritten.
   */
  commit(branch: string, change: Change, options?: { resetTo?: string }): string
  /**
   * Merges `from` into `into` with a merge commit (GitHub's merge button), pushes `into`, returns the SHA. With
   * `push: false`, the merge is left checked out (detached) and pushed nowhere: GitHub's test merge of a PR.
   */
  merge(into: string, from: string, options?: { message?: string; push?: boolean }): string
  sha(ref: string): string
  /** The config as of `ref` (what a run of that commit uses). */
  config(ref: string): Config
  /** Where the repository and its config are, and how to connect, for requests of other operations. */
  repo: RepoLocation
  connection: ConnectionRequest
  run(branch: string, options?: RunOptions): Promise<RunResult>
  remove(): void
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_NOSYSTEM: '1'
    }
  }).trim()
}

export function createDeployFixture(cluster: ClusterInfo, options: FixtureOptions = {}): DeployFixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-deploy-'))
  // The service account reads the origin through file://: every directory on the way must be searchable.
  chmodSync(dir, 0o755)
  const repoDir = path.join(dir, 'repo')
  const originDir = path.join(dir, 'origin.git')
  cpSync(path.join(repoRoot, 'examples/caqrn'), repoDir, { recursive: true })

  const configFile = path.join(repoDir, CONFIG_PATH)
  const editConfig = (edit: (c: RawConfigData) => void) => {
    const data = parse(readFileSync(configFile, 'utf8')) as RawConfigData
    edit(data)
    writeFileSync(configFile, stringify(data))
  }
  editConfig(c => {
    c.cluster.host = cluster.host
    c.cluster.port = cluster.port
    c.cluster.user = cluster.user
    c.cluster.connectTimeoutSeconds = 10
    c.project.root = cluster.projectRoot
    c.project.repository = options.repository ?? `file://${originDir}`
    if (options.source) c.project.source = options.source
    if (options.keepReleases) c.project.keepReleases = options.keepReleases
    c.deployments.main.dataDir = `${cluster.projectRoot}/data/production`
    c.deployments.develop.dataDir = `${cluster.projectRoot}/data/development`
  })

  git(repoDir, ['init', '--quiet', '--initial-branch=main'])
  git(repoDir, ['add', '-A'])
  git(repoDir, ['commit', '--quiet', '-m', 'initial'])
  git(repoDir, ['branch', 'develop'])
  git(dir, ['clone', '--quiet', '--bare', repoDir, originDir])
  git(repoDir, ['remote', 'add', 'origin', originDir])
  // git refuses to work in a repository another user owns (safe.directory): the origin belongs to the account.
  const chownOrigin = () => execFileSync('chown', ['-R', cluster.user, originDir])
  chownOrigin()

  const privateKey = readFileSync(cluster.privateKeyPath, 'utf8')
  const knownHosts = readFileSync(cluster.knownHostsPath, 'utf8')

  const sha = (ref: string) => git(repoDir, ['rev-parse', '--verify', `${ref}^{commit}`])

  const config = (ref: string): Config =>
    parseConfig(git(repoDir, ['show', `${ref}:${CONFIG_PATH}`]), path.join(repoDir, CONFIG_PATH))

  // The receiving side runs as us in the account's repository: allow it there (a `-c` of ours would not reach
  // it, git clears config variables for a local transport's child).
  const push = (branch: string, force = false) => {
    git(repoDir, [
      'push',
      '--quiet',
      "--receive-pack=git -c safe.directory='*' receive-pack",
      ...(force ? ['--force'] : []),
      'origin',
      branch
    ])
    chownOrigin()
  }

  const connection: ConnectionRequest = {
    privateKey: { text: privateKey },
    knownHosts: { text: knownHosts },
    names: {
      privateKey: '--identity',
      knownHosts: '--known-hosts',
      passphrase: 'environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE'
    }
  }

  return {
    dir,
    repoDir,
    originDir,
    repo: { dir: repoDir, configPath: CONFIG_PATH },
    connection,
    root: branch => `${cluster.projectRoot}/${branch === 'main' ? 'production' : 'development'}`,
    sha,
    config,
    commit(branch, change, options = {}) {
      const exists = git(repoDir, ['branch', '--list', branch]) !== ''
      git(repoDir, exists ? ['checkout', '--quiet', branch] : ['checkout', '--quiet', '-b', branch, 'main'])
      if (options.resetTo) git(repoDir, ['reset', '--quiet', '--hard', options.resetTo])
      for (const [file, content] of Object.entries(change.files ?? {})) {
        const target = path.join(repoDir, file)
        if (content === null) rmSync(target, { force: true })
        else {
          mkdirSync(path.dirname(target), { recursive: true })
          writeFileSync(target, content)
        }
      }
      if (change.config) editConfig(change.config)
      git(repoDir, ['add', '-A'])
      git(repoDir, ['commit', '--quiet', '--allow-empty', '-m', change.message])
      push(branch, Boolean(options.resetTo))
      return sha('HEAD')
    },
    merge(into, from, options = {}) {
      const pushed = options.push !== false
      git(repoDir, pushed ? ['checkout', '--quiet', into] : ['checkout', '--quiet', '--detach', into])
      git(repoDir, [
        'merge',
        '--quiet',
        '--no-ff',
        '-m',
        options.message ?? `Merge ${from} into ${into}`,
        from
      ])
      if (pushed) push(into)
      return sha('HEAD')
    },
    async run(branch, o = {}) {
      const mode = o.mode ?? 'deploy'
      const commitSha = mode === 'deploy' ? (o.sha ?? sha(branch)) : ''
      const repo = { dir: repoDir, configPath: CONFIG_PATH }
      const connection: ConnectionRequest = {
        port: o.port,
        privateKey: { text: o.privateKey ?? privateKey },
        knownHosts: { text: o.knownHosts ?? knownHosts },
        names: {
          privateKey: '--identity',
          knownHosts: '--known-hosts',
          passphrase: 'environment variable SLURM_GITOPS_SSH_KEY_PASSPHRASE'
        },
        connectTimeoutSeconds: o.connectTimeoutSeconds
      }
      const requester = {
        actor: o.actor ?? 'test-actor',
        runUrl: o.runUrl ?? 'https://github.example/caqrn/actions/runs/1'
      }
      const sink = o.sink ?? new MemoryLogSink()
      const io = { sink, signal: o.signal, warn: (message: string) => sink.warning(message) }
      // Rollback and status read the working tree: check out the branch, as a user of the CLI would have it.
      if (mode !== 'deploy') git(repoDir, ['checkout', '--quiet', branch])
      const outcomes =
        mode === 'deploy'
          ? [await deploy({ command: 'deploy', repo, branch, sha: commitSha, connection, ...requester }, io)]
          : mode === 'rollback'
            ? [
                await rollback(
                  { command: 'rollback', repo, branch, to: o.target, connection, ...requester },
                  io
                )
              ]
            : await status({ command: 'status', repo, branches: [branch], connection, ...requester }, io)
      const outcome = outcomes[0]!
      if (outcome.kind !== 'ran') throw new Error(`no deployment for ${branch}`)
      return { sha: commitSha, outcome, sink }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A sink that calls `onStep` when the remote script begins a step (to act in the middle of a run). */
export class StepWatchingSink extends MemoryLogSink {
  constructor(private readonly onStep: (step: string) => void) {
    super()
  }

  override startGroup(title: string): void {
    super.startGroup(title)
    this.onStep(title)
  }
}

/** Runs `command` on the cluster; throws with its output when it fails. */
export async function remoteOk(
  target: ClusterInfo | NodeSSH,
  command: string,
  stdin?: string
): Promise<string> {
  const r = await sshRun(target, command, stdin)
  if (r.code !== 0) throw new Error(`\`${command}\` exited ${r.code}: ${r.stderr}${r.stdout}`)
  return r.stdout
}

/** The account's scrontab table byte for byte ('' when there is none); execCommand trims, so it comes as base64. */
export async function readTable(target: ClusterInfo | NodeSSH): Promise<string> {
  const out = await remoteOk(
    target,
    't=$(mktemp); if scrontab -l >"$t" 2>/dev/null; then base64 -w0 "$t"; fi; rm -f "$t"'
  )
  return Buffer.from(out, 'base64').toString('utf8')
}

/** Installs `table` as the account's whole scrontab. */
export async function writeTable(target: ClusterInfo | NodeSSH, table: string): Promise<void> {
  await remoteOk(target, 'scrontab -', table)
}

/** One parsed history line: time, then key=value fields. */
export interface HistoryEntry {
  time: string
  mode: string
  sha: string
  previous: string
  actor: string
  run: string
  result: string
  [key: string]: string
}

export function parseHistory(text: string): HistoryEntry[] {
  return text
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => {
      const [time = '', ...fields] = line.split('\t')
      const entry: Record<string, string> = { time }
      for (const field of fields) {
        const eq = field.indexOf('=')
        entry[field.slice(0, eq)] = field.slice(eq + 1)
      }
      return entry as HistoryEntry
    })
}

/** What a deployment root holds on the cluster, read in one command. */
export interface RootState {
  /** Target of `current` ('' when missing), e.g. releases/<sha>. */
  current: string
  links: Record<'env.sh' | 'jobs' | 'sandbox-env.sh', string>
  releases: string[]
  /** The venvs of the project's store (`<project root>/venvs`), which every deployment shares. */
  venvs: string[]
  /** venvs that have `.complete`. */
  completeVenvs: string[]
  /** `<root>/venvs`, the per-deployment store of earlier versions ([] when there is none). */
  oldVenvs: string[]
  /** `.tmp.*` directories left in the root. */
  tmp: string[]
  history: HistoryEntry[]
  historyText: string
}

/** The deployment at `root` and the project's venv store (the fixture's roots are `<project root>/<environment>`). */
export async function rootState(target: ClusterInfo | NodeSSH, root: string): Promise<RootState> {
  const r = shellQuote(root)
  const store = shellQuote(`${path.posix.dirname(root)}/venvs`)
  const out = await remoteOk(
    target,
    `cd ${r} 2>/dev/null || { echo '@@current'; exit 0; }
     echo '@@current'; readlink current || true
     for l in env.sh jobs sandbox-env.sh; do echo "@@link $l"; readlink "$l" || true; done
     echo '@@releases'; ls -1 releases 2>/dev/null || true
     echo '@@venvs'; ls -1 ${store} 2>/dev/null || true
     echo '@@complete'; for v in ${store}/*; do [ -f "$v/.complete" ] && basename "$v"; done; true
     echo '@@old'; ls -1 venvs 2>/dev/null || true
     echo '@@tmp'; ls -1d .tmp.* 2>/dev/null || true
     echo '@@history'; cat history 2>/dev/null || true`
  )
  const sections: Record<string, string[]> = {}
  let key = ''
  for (const line of out.split('\n')) {
    if (line.startsWith('@@')) {
      key = line.slice(2)
      sections[key] = []
    } else if (key) sections[key]!.push(line)
  }
  const list = (k: string) => (sections[k] ?? []).filter(l => l !== '')
  const historyText = (sections['history'] ?? []).join('\n')
  return {
    current: list('current')[0] ?? '',
    links: {
      'env.sh': list('link env.sh')[0] ?? '',
      jobs: list('link jobs')[0] ?? '',
      'sandbox-env.sh': list('link sandbox-env.sh')[0] ?? ''
    },
    releases: list('releases'),
    venvs: list('venvs'),
    completeVenvs: list('complete'),
    oldVenvs: list('old'),
    tmp: list('tmp'),
    history: parseHistory(historyText),
    historyText
  }
}

/** A port on 127.0.0.1 that nothing listens on (for connection-refused cases). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

/** Fails with the run's own explanation and log, so a red test says what happened on the cluster. */
export function expectSuccess(run: RunResult): void {
  const { report } = run.outcome
  if (!succeeded(report)) {
    throw new Error(`run failed: ${failureMessage(report)}\n--- log ---\n${run.sink.lines.join('\n')}`)
  }
}

/**
 * A fixture factory for one describe block: every fixture it makes is removed after each test. Uses jest's
 * globals (not an import of @jest/globals), so this module also serves the benchmark.
 */
export function deployFixtures(cluster: ClusterInfo): (options?: FixtureOptions) => DeployFixture {
  const made: DeployFixture[] = []
  afterEach(() => {
    for (const fixture of made.splice(0)) fixture.remove()
  })
  return options => {
    const fixture = createDeployFixture(cluster, options)
    made.push(fixture)
    return fixture
  }
}
