// Runs the same script on this machine: for the demo, for users who run the CLI on the login node itself,
// and for tests of the executor with real bash and no network.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
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
      let aborting = false
      let closed = false
      const onAbort = (): void => {
        aborting = true
        void (async () => {
          if (child.pid !== undefined) await killProcessGroup(child.pid)
          if (!closed) await waitForClose(child, 2000)
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
      child.on('close', (code, signal) => {
        closed = true
        // While cancelling, the kill sequence decides when we are done: the pipes close as soon as the
        // processes start exiting, before the group is really gone.
        if (!aborting) finish({ exitCode: code, signal })
      })
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
  return new Promise(resolve => {
    const timer = setTimeout(resolve, timeoutMs)
    child.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * True while a process of the group is still running. Zombies count as gone: they hold nothing, and in a
 * container without an init that reaps them they would otherwise make every cancel wait the full grace time.
 * Without /proc (not Linux) any member, zombie or not, counts.
 */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
  } catch {
    return false
  }
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter(name => /^\d+$/.test(name))
  } catch {
    return true
  }
  return pids.some(pid => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // Fields after "pid (comm) ": state ppid pgrp …; comm may contain spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return Number(pgrp) === pgid && state !== 'Z' && state !== 'X'
    } catch {
      return false // exited meanwhile
    }
  })
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
