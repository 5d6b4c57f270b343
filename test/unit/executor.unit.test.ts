// The executor against the local transport: real bash, real process groups, no network.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { execute, failureMessage, succeeded, buildStdin } from '../../src/exec/executor.js'
import { MemoryLogSink } from '../memory-log-sink.js'
import { newNonce } from '../../src/exec/markers.js'
import { LocalTransport } from '../../src/transport/local.js'
import type { RunParameters } from '../../src/plan/types.js'

// What the lead's rendered script does, in small: all output on stdout, markers with the per-run nonce.
const PRELUDE = `exec 2>&1
mark() { printf '::sg-%s::%s\\n' "$SG_NONCE" "$*"; }
step() {
  local name=$1; shift
  mark begin "$name"
  local t0=$(date +%s%3N) rc=0
  "$@" || rc=$?
  mark end "$name" "$rc" "$(( $(date +%s%3N) - t0 ))"
  return "$rc"
}
`

function params(overrides: Partial<RunParameters> = {}): RunParameters {
  return {
    mode: 'deploy',
    sha: 'a'.repeat(40),
    target: '',
    bundle: '',
    lookbackSeconds: '',
    actor: 'octocat',
    runUrl: 'https://example.invalid/run/1',
    job: '',
    runs: '',
    jobId: '',
    force: '',
    purge: '',
    nonce: newNonce(),
    ...overrides
  }
}

async function run(
  script: string,
  opts: { timeoutSeconds?: number; signal?: AbortSignal; p?: RunParameters } = {}
) {
  const sink = new MemoryLogSink()
  const transport = new LocalTransport()
  const report = await execute(transport, PRELUDE + script, opts.p ?? params(), sink, {
    loginShell: false,
    timeoutSeconds: opts.timeoutSeconds ?? 60,
    signal: opts.signal
  })
  return { report, sink, transport }
}

/** Gone, or a zombie waiting for a reaper (it cannot run or hold anything then). */
function processGoneNow(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return true
  }
  try {
    return /^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** A killed process may take a moment to finish exiting; allow it one second. */
/** Aborts the run once its script printed `started` (or after 5 s). */
async function cancelOnceStarted(sink: MemoryLogSink, controller: AbortController): Promise<void> {
  const t0 = Date.now()
  while (Date.now() - t0 < 5000 && !sink.lines.includes('started')) await new Promise(r => setTimeout(r, 20))
  controller.abort()
}

async function processGone(pid: number): Promise<boolean> {
  const deadline = Date.now() + 1000
  while (!processGoneNow(pid) && Date.now() < deadline) await new Promise(r => setTimeout(r, 20))
  return processGoneNow(pid)
}

describe('buildStdin', () => {
  it('prepends shell-quoted read-only values and wraps the script in a group reading /dev/null', () => {
    const stdin = buildStdin('echo hi', params({ actor: "o'brien", nonce: 'f'.repeat(32) }))
    expect(stdin).toContain(`readonly SG_ACTOR='o'\\''brien'\n`)
    expect(stdin).toContain(`readonly SG_RUN_URL=https://example.invalid/run/1\n`)
    expect(stdin).toContain(`readonly SG_MODE=deploy\n`)
    expect(stdin).toContain(`readonly SG_TARGET=''\n`)
    expect(stdin).toContain(`readonly SG_NONCE=${'f'.repeat(32)}\n`)
    expect(stdin.endsWith('{\necho hi\n} </dev/null\n')).toBe(true)
  })
})

describe('execute (local transport, real bash)', () => {
  it('runs steps, groups their output, collects results and succeeds', async () => {
    const { report, sink, transport } = await run(`
echo before any step
step fetch echo fetched
step venv bash -c 'echo building; echo warn >&2'
mark result venv=built
mark result release=/tmp/releases/with space
mark exit 0
exit 0
`)
    expect(succeeded(report)).toBe(true)
    expect(failureMessage(report)).toBe('')
    expect(report.exitCode).toBe(0)
    expect(report.completed).toBe(true)
    expect(report.steps.map(s => [s.name, s.exitCode, s.completed])).toEqual([
      ['fetch', 0, true],
      ['venv', 0, true]
    ])
    expect(report.results).toEqual({ venv: 'built', release: '/tmp/releases/with space' })
    expect(sink.events).toEqual([
      { kind: 'info', line: 'before any step' },
      { kind: 'startGroup', title: 'fetch' },
      { kind: 'info', line: 'fetched' },
      { kind: 'endGroup' },
      { kind: 'startGroup', title: 'venv' },
      { kind: 'info', line: 'building' },
      { kind: 'info', line: 'warn' },
      { kind: 'endGroup' }
    ])
    expect(transport.stats.commands).toBe(1)
  })

  it('passes the run parameters through exactly, whatever they contain', async () => {
    const actor = `o'brien "$(touch /tmp/pwned)" \`x\` $HOME`
    const { report } = await run(`mark result actor="$SG_ACTOR"\nmark result sha=$SG_SHA\nmark exit 0\n`, {
      p: params({ actor })
    })
    expect(report.results).toEqual({ actor, sha: 'a'.repeat(40) })
  })

  it('names the failed step with its last lines of output', async () => {
    const { report } = await run(`
step fetch true
step venv bash -c 'for i in $(seq 1 50); do echo "pip line $i"; done; exit 3' || { mark exit 3; exit 3; }
step never-reached true
`)
    expect(succeeded(report)).toBe(false)
    expect(report.exitCode).toBe(3)
    expect(report.failedStep).toMatchObject({ name: 'venv', exitCode: 3, completed: true })
    expect(report.failedStep?.tail).toHaveLength(30)
    expect(report.failedStep?.tail[29]).toBe('pip line 50')
    expect(report.steps.map(s => s.name)).toEqual(['fetch', 'venv'])
    const message = failureMessage(report)
    expect(message).toMatch(/^step "venv" failed with exit code 3 after \d+\.\d s:\npip line 21\n/)
    expect(message.endsWith('pip line 50')).toBe(true)
  })

  it('ignores markers forged with another nonce', async () => {
    const { report, sink } = await run(`
echo '::sg-ffffffffffffffffffffffffffffffff::begin fake'
echo '::sg-ffffffffffffffffffffffffffffffff::exit 0'
exit 0
`)
    expect(report.steps).toEqual([])
    expect(report.completed).toBe(false)
    expect(report.exitCode).toBe(255)
    expect(sink.lines).toContain('::sg-ffffffffffffffffffffffffffffffff::exit 0')
    expect(failureMessage(report)).toContain(
      'the remote script ended without reporting completion (connection lost?) (exit code 255)'
    )
  })

  it('fails a run that exits without the exit marker, with the channel exit code', async () => {
    const { report } = await run(`step fetch true\necho oops\nexit 7\n`)
    expect(report.exitCode).toBe(7)
    expect(report.completed).toBe(false)
    expect(report.problem).toBe('the remote script ended without reporting completion (connection lost?)')
    expect(failureMessage(report)).toMatch(/\(exit code 7\):\n(.*\n)*oops$/)
  })

  it('treats a failed step as failure even when the script claims success', async () => {
    const { report, sink } = await run(`step optional false\nmark exit 0\n`)
    expect(report.exitCode).toBe(1)
    expect(sink.warnings.join('\n')).toContain('step "optional" failed')
  })

  it('runs a script with a syntax error not at all', async () => {
    const { report, sink } = await run(`echo started\nif then fi\n`)
    expect(sink.lines).not.toContain('started')
    expect(report.completed).toBe(false)
    expect(report.exitCode).not.toBe(0)
  })

  it('does not let commands in the script read the rest of the script from stdin', async () => {
    const { report, sink } = await run(`cat\necho after-cat\nmark exit 0\n`)
    expect(sink.lines).toContain('after-cat')
    expect(succeeded(report)).toBe(true)
  })

  it('does not hang when a background process keeps stdout open', async () => {
    const t0 = Date.now()
    const { report, sink } = await run(`sleep 30 &\nmark result bg=$!\nmark exit 0\nexit 0\n`)
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(succeeded(report)).toBe(true)
    expect(sink.warnings.join('\n')).toContain('background process')
    const bg = Number(report.results.bg)
    if (bg > 1) process.kill(bg, 'SIGKILL')
  })

  it('on timeout kills the whole process group and reports where it stopped', async () => {
    const t0 = Date.now()
    const { report, sink } = await run(
      `mark begin build\nsleep 300 &\nmark result child=$!\necho waiting\nwait\nmark end build 0 1\nmark exit 0\n`,
      { timeoutSeconds: 2 }
    )
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(report.timedOut).toBe(true)
    expect(report.exitCode).toBe(124)
    expect(report.failedStep).toMatchObject({ name: 'build', completed: false })
    expect(sink.warnings.join('\n')).toContain('timed out after 2 s')
    expect(failureMessage(report)).toMatch(
      /^the remote script timed out after 2 s and was stopped during step "build" \(after \d+\.\d s\):\nwaiting$/
    )
    const child = Number(report.results.child)
    expect(child).toBeGreaterThan(1)
    expect(await processGone(child)).toBe(true)
  })

  it('on cancellation kills the process group and reports cancelled', async () => {
    const controller = new AbortController()
    const sink = new MemoryLogSink()
    const transport = new LocalTransport()
    const pending = execute(
      transport,
      PRELUDE + 'sleep 300 &\nmark result child=$!\necho started\nwait\n',
      params(),
      sink,
      {
        loginShell: false,
        timeoutSeconds: 60,
        signal: controller.signal
      }
    )
    // Cancel once the child is running, as SIGTERM to the action would.
    await cancelOnceStarted(sink, controller)
    const report = await pending
    const child = Number(report.results.child)
    expect(report.cancelled).toBe(true)
    expect(report.exitCode).toBe(130)
    expect(failureMessage(report)).toContain('the run was cancelled')
    expect(child).toBeGreaterThan(1)
    expect(await processGone(child)).toBe(true)
  })

  it('does not call a process still dying after a cancel a background one', async () => {
    const controller = new AbortController()
    const sink = new MemoryLogSink()
    // The script ends at once on TERM; what it started in a session of its own holds the output a moment longer.
    const pending = execute(
      new LocalTransport(),
      PRELUDE +
        "trap 'mark exit 143; exit 143' TERM\nsetsid sleep 3 &\nmark result child=$!\necho started\nwait\n",
      params(),
      sink,
      { loginShell: false, timeoutSeconds: 60, signal: controller.signal, exitGraceMs: 200 }
    )
    await cancelOnceStarted(sink, controller)
    const report = await pending
    const child = Number(report.results.child)
    if (child > 1) process.kill(child, 'SIGKILL')
    expect(report.cancelled).toBe(true)
    expect(sink.warnings.filter(w => w.includes('background process'))).toEqual([])
    expect(sink.warnings.join('\n')).toContain('the run was cancelled')
  })

  it('does not start the script when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const { report, transport } = await run('mark exit 0\n', { signal: controller.signal })
    expect(report.cancelled).toBe(true)
    expect(transport.stats.commands).toBe(0)
  })

  it('refuses a nonce that is not 32 hex characters', async () => {
    await expect(run('mark exit 0\n', { p: params({ nonce: '' }) })).rejects.toThrow(/nonce/)
  })
})
