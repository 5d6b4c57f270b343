// Whole processes as a user or the runner starts them: wall time from spawn to exit, and peak memory (GNU time's
// maximum resident set, when /usr/bin/time is installed).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const GNU_TIME = '/usr/bin/time'
const hasGnuTime = existsSync(GNU_TIME)
const rssDir = mkdtempSync(path.join(tmpdir(), 'sg-bench-rss-'))
let rssFiles = 0

export interface ProcessRun {
  /** performance.now() when the process was spawned. */
  startedAt: number
  ms: number
  /** Maximum resident set in MiB (the process and the children it waited for); undefined without GNU time. */
  peakMiB?: number
  code: number | null
  stdout: string
  stderr: string
}

export interface ProcessOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  timeoutMs?: number
}

/** Runs `command` to its end; throws with its output when it fails or times out. */
export function runProcess(command: string, args: string[], options: ProcessOptions): Promise<ProcessRun> {
  const rssFile = path.join(rssDir, `${++rssFiles}`)
  const [file, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]]
    : [command, args]
  return new Promise((resolve, reject) => {
    const startedAt = performance.now()
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000)
    child.on('error', reject)
    child.on('exit', () => {
      // 'exit' is the moment the user gets the prompt back; the pipes may still be draining.
      const ms = performance.now() - startedAt
      child.on('close', code => {
        clearTimeout(timer)
        const peakMiB = hasGnuTime ? readPeak(rssFile) : undefined
        const run = { startedAt, ms, peakMiB, code, stdout, stderr }
        if (code === 0) resolve(run)
        else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr}${stdout}`))
      })
    })
  })
}

function readPeak(file: string): number | undefined {
  try {
    // GNU time writes "Command exited with non-zero status N" before the figure when the command failed.
    const kib = Number(readFileSync(file, 'utf8').trim().split('\n').pop())
    rmSync(file, { force: true })
    return Number.isFinite(kib) ? kib / 1024 : undefined
  } catch {
    return undefined
  }
}

export function removeProcessFiles(): void {
  rmSync(rssDir, { recursive: true, force: true })
}
