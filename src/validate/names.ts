// Names and paths that end up in file names, #SBATCH/#SCRON lines, scrontab entries and shell scripts.
// Each check returns null when the value is acceptable, otherwise one sentence saying what is wrong and
// what is allowed. The character sets are deliberately narrow: a value that passes here is safe in a path
// component and in an unquoted scrontab line, so no later step has to guess.

function show(value: string): string {
  return JSON.stringify(value)
}

/** A git branch we deploy from: letters, digits and . _ / -, with git's own rules on top. */
export function checkBranchName(value: string): string | null {
  const allowed = 'branch names may use letters, digits and . _ / - (up to 100 characters)'
  if (value === '') return `branch name is empty; ${allowed}`
  if (value.length > 100) return `branch name ${show(value)} is ${value.length} characters long; ${allowed}`
  const bad = /[^A-Za-z0-9._/-]/.exec(value)
  if (bad) return `branch name ${show(value)} contains ${show(bad[0])}; ${allowed}`
  if (value.startsWith('-') || value.startsWith('/')) {
    return `branch name ${show(value)} starts with ${show(value[0] as string)}; start it with a letter, digit, . or _`
  }
  if (value.endsWith('/') || value.endsWith('.')) {
    return `branch name ${show(value)} ends with ${show(value.slice(-1))}, which git does not allow; end it with a letter, digit, _ or -`
  }
  if (value.endsWith('.lock')) return `branch name ${show(value)} ends with ".lock", which git does not allow`
  if (value.includes('..')) return `branch name ${show(value)} contains "..", which git does not allow`
  if (value.includes('//')) return `branch name ${show(value)} contains "//", which git does not allow`
  if (value.split('/').some(part => part.startsWith('.'))) {
    return `branch name ${show(value)} has a part starting with ".", which git does not allow`
  }
  return null
}

/** A job's name: it becomes a file name, the Slurm job name and part of log names. */
export function checkJobName(value: string): string | null {
  if (/^[a-z][a-z0-9_-]{0,39}$/.test(value)) return null
  return (
    `job name ${show(value)} is not allowed; use 1-40 lowercase letters, digits, - and _, starting with a letter ` +
    `(e.g. "daily-ingest")`
  )
}

/** A developer sandbox name: one directory under the sandbox root. */
export function checkSandboxName(value: string): string | null {
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value)) return null
  return (
    `sandbox name ${show(value)} is not allowed; use 1-64 letters, digits, . _ and -, starting with a letter or digit ` +
    `(e.g. "alice" or "alice.test-2")`
  )
}

/** A deployment's environment name (GitHub Deployments environment, scrontab block marker, directory name). */
export function checkEnvironmentName(value: string): string | null {
  if (/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(value)) return null
  return (
    `environment name ${show(value)} is not allowed; use 1-40 letters, digits, - and _, starting with a letter ` +
    `(e.g. "production")`
  )
}

/** A Slurm partition name as it appears in `--partition=`. */
export function checkPartitionName(value: string): string | null {
  if (/^[A-Za-z0-9_.-]{1,64}$/.test(value)) return null
  return `partition name ${show(value)} is not allowed; use 1-64 letters, digits, . _ and - (e.g. "standard")`
}

const PATH_CHARS = 'letters, digits and _ . / @ + -'

/**
 * An absolute, normalized path: it reaches #SBATCH lines and scrontab entries, where it cannot be quoted,
 * so only characters that need no quoting are allowed.
 */
export function checkAbsolutePath(value: string): string | null {
  if (!value.startsWith('/')) {
    return `path ${show(value)} is not absolute; write a path starting with / (e.g. "/projects/caqrn/production")`
  }
  const bad = /[^A-Za-z0-9_./@+-]/.exec(value)
  if (bad) return `path ${show(value)} contains ${show(bad[0])}; paths may use only ${PATH_CHARS}`
  if (value === '/') return null
  if (value.endsWith('/')) return `path ${show(value)} ends with "/"; write it without the trailing slash`
  if (value.includes('//')) return `path ${show(value)} contains "//"; write single slashes`
  const parts = value.slice(1).split('/')
  if (parts.some(p => p === '.' || p === '..')) {
    return `path ${show(value)} contains a "." or ".." part; write the normalized path`
  }
  return null
}

/** A commit id, abbreviated (7+) or full: lowercase hex as git prints it. */
export function checkGitSha(value: string): string | null {
  if (/^[0-9a-f]{7,40}$/.test(value)) return null
  return `commit ${show(value)} is not a commit id; use 7 to 40 lowercase hex digits as git prints them`
}

/** A ref a user names: a commit id (7 to 40 hex) or a branch or tag name by git's rules. */
export function checkCommitOrBranch(value: string): string | null {
  if (checkGitSha(value) === null) return null
  const problem = checkBranchName(value)
  return problem && problem.replace(/^branch name/, 'ref')
}

/** A full 40-hex commit id: a deploy pins exactly one commit, never a prefix that could become ambiguous. */
export function checkFullSha(value: string): string | null {
  if (/^[0-9a-f]{40}$/.test(value)) return null
  return `commit ${show(value)} is not a full commit id; a deploy needs all 40 lowercase hex digits (git rev-parse HEAD)`
}

/** An environment variable name that any POSIX shell can assign. */
export function checkEnvVarName(value: string): string | null {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value)) return null
  return (
    `environment variable name ${show(value)} is not allowed; use letters, digits and _, not starting with a digit ` +
    `(e.g. "DATA_DIR")`
  )
}

/** A GitHub login (the workflow actor): alphanumerics and single inner hyphens, up to 39, or an app's "name[bot]". */
export function checkGitHubActor(value: string): string | null {
  const login = value.endsWith('[bot]') ? value.slice(0, -'[bot]'.length) : value
  if (login.length <= 39 && /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(login)) return null
  return (
    `GitHub actor ${show(value)} is not a GitHub login; logins are up to 39 letters, digits and single inner ` +
    `hyphens, optionally followed by "[bot]"`
  )
}
