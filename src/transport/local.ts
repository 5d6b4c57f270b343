// Runs the same script on this machine: for the demo, for users who run the CLI on the login node itself,
// and for tests of the executor with real bash and no network.
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { TransportError, type ExecResult, type RunOptions, type RunResult, type Transport } from './types.js'

export class LocalTransport implements Transport {
  readonly description: string
  readonly stats = { connections: 0, commands: 0 }

  constructor() {
    this.description = `${userInfo().username}@${hostname()} (local)`
  }

  runScript(opts: RunOptions & { loginShell: boolean }): Promise<RunResult> {
    this.stats.commands++
    // detached: the script gets its own process group (bash is its leader), so cancelling can kill the script
    // and everything it started with one kill(-pgid), as on the cluster.
    const child = spawn('bash', opts.loginShell ? ['-l', '-s'] : ['-s'], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    return new Promise<RunResult>((resolve, reject) => {
      let exit: RunResult | undefined
      let settled = false
      const finish = (result: RunResult): void => {
        if (settled) return
        settled = true
        opts.signal?.removeEventListener('abort', onAbort)
        opts.detach?.removeEventListener('abort', onDetach)
        resolve(result)
      }
      const stopReading = (): void => {
        child.stdout?.destroy()
        child.stderr?.destroy()
        child.unref()
      }
      const onAbort = (): void => {
        void (async () => {
          if (child.pid !== undefined) await killProcessGroup(child.pid)
          await waitForClose(child, 2000)
          stopReading()
          finish(exit ?? { exitCode: null, signal: 'SIGTERM' })
        })()
      }
      const onDetach = (): void => {
        stopReading()
        finish(exit ?? { exitCode: null, signal: null })
      }

      child.on('error', err => {
        if (settled) return
        settled = true
        reject(new TransportError('channel', `could not start bash locally: ${err.message}`))
      })
      child.stdout?.on('data', (chunk: Buffer) => opts.onOutput(chunk))
      child.stderr?.on('data', (chunk: Buffer) => opts.onOutput(chunk))
      // bash may exit before reading all of stdin (e.g. `exit` early): EPIPE then is not an error.
      child.stdin?.on('error', () => undefined)
      child.on('exit', (code, signal) => {
        exit = { exitCode: code, signal }
      })
      child.on('close', (code, signal) => finish({ exitCode: code, signal }))
      if (opts.signal?.aborted) onAbort()
      else opts.signal?.addEventListener('abort', onAbort, { once: true })
      opts.detach?.addEventListener('abort', onDetach, { once: true })
      child.stdin?.end(opts.stdin)
    })
  }

  exec(command: string): Promise<ExecResult> {
    this.stats.commands++
    return new Promise<ExecResult>((resolve, reject) => {
      const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] })
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.on('error', err =>
        reject(new TransportError('channel', `could not start bash locally: ${err.message}`))
      )
      child.on('close', code =>
        resolve({
          code,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8')
        })
      )
    })
  }

  async putFile(localPath: string, remotePath: string): Promise<void> {
    this.stats.commands++
    try {
      await copyFile(localPath, remotePath)
    } catch (err) {
      throw new TransportError(
        'channel',
        `could not copy ${localPath} to ${remotePath}: ${(err as Error).message}`
      )
    }
  }

  async close(): Promise<void> {
    // Nothing to close: every command is its own process.
  }
}

function waitForClose(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    if (child.stdout?.closed !== false && child.stderr?.closed !== false) return Promise.resolve()
  }
  return new Promise(resolve => {
    const timer = setTimeout(resolve, timeoutMs)
    child.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** True while any process of the group exists (zombies included, which is harmless: we only wait less). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** TERM to the whole group, up to 2 s for it to go, then KILL: the same policy as on the cluster. */
export async function killProcessGroup(pgid: number, graceMs = 2000): Promise<void> {
  try {
    process.kill(-pgid, 'SIGTERM')
  } catch {
    return // already gone
  }
  const deadline = Date.now() + graceMs
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  try {
    process.kill(-pgid, 'SIGKILL')
  } catch {
    // gone after TERM
  }
}
