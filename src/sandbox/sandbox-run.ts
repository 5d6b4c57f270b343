// What one sandbox run is, from the config and what was asked for (the dispatch form, the CLI's flags): every
// choice checked against what the config allows, every problem reported at once, before anything is staged.
// Pure, so each refusal is tested without a cluster.
import type { Config } from '../config/types.js'
import { sandboxDeployment } from '../config/sandbox-deployment.js'
import { type Problem, UserError } from '../errors/user-error.js'
import { checkSbatchOptions } from '../validate/sbatch-options.js'
import { checkTimeLimit, timeLimitMinutes } from '../validate/time-limit.js'
import { checkCommitOrBranch, checkSandboxName } from '../validate/names.js'

/** What a run asks for; empty fields take the config's defaults. */
export interface SandboxAsk {
  /** A branch, tag or commit. */
  ref: string
  sandbox?: string
  command?: string
  partition?: string
  timeLimit?: string
  /** Extra sbatch options, `--name=value`. */
  sbatch?: string[]
  /** Who asks (the GitHub actor, or the local user from the CLI). */
  actor: string
}

/** Where each ask came from, for messages (`input sandbox` or `--sandbox`). */
export type AskNames = Record<Exclude<keyof SandboxAsk, 'actor'>, string> & { actor: string }

export interface SandboxRun {
  ref: string
  sandbox: string
  /** The command the job runs (the user's own shell, run inside the job only). */
  command: string
  partition: string
  timeLimit: string
  sbatch: string[]
  /** `<sandbox root>/<sandbox>`. */
  dir: string
}

export function resolveSandboxRun(config: Config, ask: SandboxAsk, names: AskNames): SandboxRun {
  const problems: Problem[] = []
  const problem = (where: string, message: string) => problems.push({ where, message })
  const { sandbox } = config

  const refProblem = checkCommitOrBranch(ask.ref)
  if (refProblem) problem(names.ref, refProblem)

  if (sandbox.allowedActors.length > 0 && !sandbox.allowedActors.includes(ask.actor)) {
    problem(
      names.actor,
      `${ask.actor} may not launch sandbox jobs (sandbox.allowedActors: ${sandbox.allowedActors.join(', ')})`
    )
  }

  // A sandbox is a directory: the actor's own (sandbox.actors, else named like the login), or a named one there.
  const own = sandbox.actors[ask.actor] ?? ask.actor
  const named = new Set([own, ...Object.values(sandbox.actors)])
  const name = ask.sandbox || own
  const nameProblem = checkSandboxName(name)
  if (nameProblem) problem(ask.sandbox ? names.sandbox : names.actor, nameProblem)
  else if (!named.has(name)) {
    problem(
      names.sandbox,
      `sandbox "${name}" is not one the config allows for ${ask.actor}: ${[...named].join(', ')} (sandbox.actors)`
    )
  }

  const defaultCommand =
    sandbox.command ?? sandboxDeployment(config).jobs[0]?.command ?? config.project.smokeCommand
  if (ask.command && !sandbox.allowCustomCommand && ask.command !== defaultCommand) {
    problem(
      names.command,
      'a command of its own is not allowed (sandbox.allowCustomCommand is false); leave it empty to run sandbox.command'
    )
  }

  const allowedPartitions = [sandbox.partition, ...Object.keys(config.cluster.partitions ?? {})]
  const partition = ask.partition || sandbox.partition
  if (!allowedPartitions.includes(partition)) {
    problem(
      names.partition,
      `partition "${partition}" is not allowed for sandbox jobs; use ${[...new Set(allowedPartitions)].join(', ')} (sandbox.partition, cluster.partitions)`
    )
  }

  const timeLimit = ask.timeLimit || sandbox.maxTime
  const timeProblem = checkTimeLimit(timeLimit)
  if (timeProblem) problem(names.timeLimit, timeProblem)
  else if (timeLimitMinutes(timeLimit) > timeLimitMinutes(sandbox.maxTime)) {
    problem(names.timeLimit, `${timeLimit} is longer than sandbox.maxTime ${sandbox.maxTime}`)
  }

  const sbatch = ask.sbatch ?? []
  for (const option of sbatch) {
    const bad = checkSbatchOptions([option], 'sbatch')
    const optionName = /^--([a-z0-9-]+)/.exec(option)?.[1] ?? ''
    if (bad) problem(names.sbatch, bad)
    else if (!sandbox.allowedSbatchOptions.includes(optionName)) {
      const allowed = sandbox.allowedSbatchOptions.map(o => `--${o}`).join(', ') || 'none'
      problem(
        names.sbatch,
        `${option} is not among the options sandbox runs may pass (sandbox.allowedSbatchOptions: ${allowed})`
      )
    }
  }

  if (problems.length > 0) throw new UserError(problems)
  return {
    ref: ask.ref,
    sandbox: name,
    command: ask.command || defaultCommand,
    partition,
    timeLimit,
    sbatch,
    dir: `${sandbox.root}/${name}`
  }
}
