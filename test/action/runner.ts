// How the tests run the action: `node dist/index.js` in a child process with the environment the runner gives a
// step, and how they read back the files the runner provides (GITHUB_OUTPUT, GITHUB_STATE).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from '../repo-root.js'

export interface StepProcess {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the bundled action once (main, or post when the env carries the main step's state). */
export async function runActionProcess(env: Record<string, string>, cwd: string): Promise<StepProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/index.js')], { cwd, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += String(chunk)))
  child.stderr.on('data', chunk => (stderr += String(chunk)))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr }
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` … `delimiter` blocks, as @actions/core writes). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) values[match[1]!] = match[3]!
  return values
}
