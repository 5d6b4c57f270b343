// How the tests run the action: `node dist/index.js` in a child process with the environment the runner gives a
// step, and how they read back the files the runner provides (GITHUB_OUTPUT, GITHUB_STATE).
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from '../repo-root.js'

export interface StepProcess {
  code: number | null
  /** The signal that ended the process, when one did (it then has no exit code). */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** A started step: the node process, and what it printed and how it ended once it is done. */
export interface StartedStep {
  child: ChildProcess
  done: Promise<StepProcess>
}

/**
 * Called with the whole stdout so far on each chunk, and the process (to act in the middle of a run, e.g. send
 * it the runner's cancel signal).
 */
export type StdoutWatcher = (stdout: string, child: ChildProcess) => void

/** Starts the bundled action once (main, or post when the env carries the main step's state). */
export function startActionProcess(
  env: Record<string, string>,
  cwd: string,
  onStdout?: StdoutWatcher
): StartedStep {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/index.js')], { cwd, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => {
    stdout += String(chunk)
    onStdout?.(stdout, child)
  })
  child.stderr.on('data', chunk => (stderr += String(chunk)))
  const done = new Promise<StepProcess>(resolve =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  )
  return { child, done }
}

/** Runs the bundled action once (main, or post when the env carries the main step's state). */
export async function runActionProcess(
  env: Record<string, string>,
  cwd: string,
  onStdout?: StdoutWatcher
): Promise<StepProcess> {
  return startActionProcess(env, cwd, onStdout).done
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` … `delimiter` blocks, as @actions/core writes). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) values[match[1]!] = match[3]!
  return values
}
