// Where a connection goes: the login node (or jump host), its port and the service account. One check each,
// used by the config schema, the action's inputs, the CLI's flags and the SSH transport.

function show(value: string | number): string {
  return JSON.stringify(value)
}

/** A hostname or an IP address (v4, or v6 with optional brackets); nothing a shell or ssh option could read. */
export function checkHost(value: string): string | null {
  if (/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/.test(value)) return null
  return `host ${show(value)} is not a hostname or IP address; use letters, digits, dots and hyphens (e.g. login.hpc.example.edu)`
}

const PORT_RANGE = 'use a whole number from 1 to 65535'

/** A TCP port. */
export function checkPort(value: number): string | null {
  if (Number.isInteger(value) && value >= 1 && value <= 65535) return null
  return `port ${show(value)} is not a port number; ${PORT_RANGE}`
}

/** A port written as text (a flag or an action input): digits only, then the range. */
export function parsePort(text: string): { port: number } | { problem: string } {
  const port = Number(text)
  if (/^\d+$/.test(text) && checkPort(port) === null) return { port }
  return { problem: `port ${show(text)} is not a port number; ${PORT_RANGE}` }
}

/** A Unix user name, as useradd accepts by default. */
export function checkUnixUser(value: string): string | null {
  if (/^[a-z_][a-z0-9_-]{0,31}$/.test(value)) return null
  return `user ${show(value)} is not a Unix user name; use up to 32 lowercase letters, digits, "_" and "-", starting with a letter or "_" (e.g. caqrn)`
}
