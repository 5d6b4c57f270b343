// Every command of the CLI, once: what it does, which flags it takes (and what a flag means there when that
// differs), an example, and how to load it. The flag check and each command's --help are made from this table.
// A command's code is imported only when it runs, so that --help and --version load no SSH, git or YAML code.
import type { CliCommand, OutputFormat } from './command.js'
import type { FlagName } from './flags.js'

export interface FlagUse {
  required?: boolean
  /** What the flag means for this command, when its general line (flags.ts) does not say it well. */
  help?: string
  /** For the message when a required flag is missing: `--branch main`. */
  example?: string
}

/** What the command line of a command may hold (the parser's part of the table). */
export interface CommandLineRules {
  flags: Partial<Record<FlagName, FlagUse>>
  formats: readonly OutputFormat[]
  /** The one positional argument a command may take (watch and cancel: the job id). */
  operand?: { name: string; help: string }
}

export interface CommandSpec extends CommandLineRules {
  /** One line for the command list. */
  summary: string
  /** More for its --help: where output goes, what it leaves alone. */
  details?: string
  examples: readonly string[]
  load: () => Promise<CliCommand>
}

/** Every command takes these: they are added to each row below, not written in it. */
export const EVERY_COMMAND_FLAGS: readonly FlagName[] = ['format', 'help']

const REPOSITORY = { config: {}, repo: {} } satisfies CommandLineRules['flags']
const CONNECTION = {
  identity: {},
  'known-hosts': {},
  host: {},
  port: {},
  user: {},
  local: {}
} satisfies CommandLineRules['flags']
const TEXT_OR_JSON = ['text', 'json'] as const
const KEY = '--identity ~/.ssh/caqrn_deploy --known-hosts ~/.ssh/cluster_known_hosts'

export const COMMAND_TABLE: Readonly<Record<string, CommandSpec>> = {
  plan: {
    summary: 'Render what a deploy would write and run, and check it (no connection)',
    details:
      'Renders every deployment from the working tree (or the commit --sha) and checks the scripts and the ' +
      'scrontab lines as the cluster would. With --base it also shows what changes, as the PR check does.',
    flags: {
      ...REPOSITORY,
      branch: { help: 'only this deployment, by its branch (default: all)' },
      sha: { help: 'render this commit instead of the working tree' },
      base: {},
      out: {}
    },
    formats: ['text', 'markdown', 'json'],
    examples: [
      'slurm-gitops plan --base "$(git merge-base HEAD origin/main)"',
      'slurm-gitops plan --branch main --out /tmp/plan'
    ],
    load: () => import('./plan-commands.js').then(module => module.planCommand)
  },
  validate: {
    summary: 'Check the config and templates (no connection)',
    flags: {
      ...REPOSITORY,
      branch: { help: 'only this deployment, by its branch (default: all)' },
      sha: { help: 'check this commit instead of the working tree' }
    },
    formats: TEXT_OR_JSON,
    examples: ['slurm-gitops validate --config .github/slurm-gitops.yml'],
    load: () => import('./plan-commands.js').then(module => module.validateCommand)
  },
  deploy: {
    summary: "Deploy a branch's commit to its deployment",
    details: "The remote script's steps are shown as they run; the last line says what is live.",
    flags: {
      ...REPOSITORY,
      branch: { required: true, help: 'the deployment to deploy, by its branch', example: '--branch main' },
      sha: { help: 'the full commit to deploy (default: the tip of the local branch)' },
      actor: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops deploy --branch main ${KEY}`],
    load: () => import('./remote-commands.js').then(module => module.deployCommand)
  },
  rollback: {
    summary: 'Switch a deployment back to a kept release',
    flags: {
      ...REPOSITORY,
      branch: {
        required: true,
        help: 'the deployment to roll back, by its branch',
        example: '--branch main'
      },
      to: {},
      actor: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops rollback --branch main --to 3f2c1ab ${KEY}`],
    load: () => import('./remote-commands.js').then(module => module.rollbackCommand)
  },
  status: {
    summary: 'Show what is deployed, its history and the scheduled jobs',
    flags: {
      ...REPOSITORY,
      branch: { help: 'only this deployment, by its branch (default: all)' },
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops status ${KEY}`],
    load: () => import('./status-command.js').then(module => module.statusCommand)
  },
  sandbox: {
    summary: 'Run a ref as a test job on the sandbox partition and follow it to its end',
    details:
      "Stages the ref in your sandbox, submits it and streams the job's log on stdout (on stderr with " +
      '--format json); the staging steps and notes go to stderr. Exit code 0 only for a job that COMPLETED ' +
      'with exit code 0; Ctrl-C cancels the job.',
    flags: {
      ...REPOSITORY,
      ref: { required: true, example: '--ref feature/new-filter' },
      sandbox: {},
      command: {},
      partition: {},
      time: {},
      sbatch: {},
      'no-wait': {},
      actor: { help: 'whose run this is: names the sandbox (default: your user name)' },
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops sandbox --ref feature/new-filter --time 00:20:00 --sbatch=--mem=4G ${KEY}`],
    load: () => import('./sandbox-command.js').then(module => module.sandboxCommand)
  },
  watch: {
    summary: 'Follow a sandbox test job to its end, streaming its log',
    details:
      "The job's log goes to stdout as it is written (to stderr with --format json), Slurm's state to stderr. " +
      'Only a sandbox job of this project is followed; Ctrl-C cancels it.',
    operand: { name: 'JOBID', help: 'the Slurm job id of a sandbox test job (sandbox prints it)' },
    flags: { ...REPOSITORY, ...CONNECTION },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops watch 4242 ${KEY}`],
    load: () => import('./job-commands.js').then(module => module.watchCommand)
  },
  cancel: {
    summary: 'Cancel a sandbox test job, by its id only',
    details: "A scheduled job or a colleague's job is refused, named for what it is.",
    operand: { name: 'JOBID', help: 'the Slurm job id of a sandbox test job (sandbox prints it)' },
    flags: { ...REPOSITORY, ...CONNECTION },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops cancel 4242 ${KEY}`],
    load: () => import('./job-commands.js').then(module => module.cancelCommand)
  },
  logs: {
    summary: 'The last runs of a scheduled job and the output of the latest (or of --run JOBID[:RUN])',
    details:
      "The run's output goes to stdout as it is in the job's log file; the runs table and notes to stderr. " +
      'With --follow, a run in progress is followed to its end; Ctrl-C stops following and leaves the job alone.',
    flags: {
      ...REPOSITORY,
      branch: { required: true, example: 'main' },
      job: {},
      runs: {},
      run: {},
      follow: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops logs --branch main --runs 3 ${KEY}`],
    load: () => import('./logs-command.js').then(module => module.logsCommand)
  },
  remove: {
    summary:
      'Remove a deployment (its schedule, jobs and code; data and logs only with --purge) or a sandbox',
    details:
      'Asks on a terminal; without one it refuses unless --yes. Refuses while one of its jobs runs, unless --force.',
    flags: {
      ...REPOSITORY,
      branch: { help: 'the deployment to remove, by its branch' },
      sandbox: { help: 'the sandbox to remove' },
      yes: {},
      force: {},
      purge: {},
      actor: {},
      ...CONNECTION
    },
    formats: TEXT_OR_JSON,
    examples: [`slurm-gitops remove --branch develop --yes ${KEY}`],
    load: () => import('./remove-command.js').then(module => module.removeCommand)
  }
}

/** The row of `name`, or undefined for a word that is not a command (not even `constructor`). */
export function commandSpec(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMAND_TABLE, name) ? COMMAND_TABLE[name] : undefined
}

/** The flags a command takes, in the order its help lists them. */
export function acceptedFlags(rules: CommandLineRules): FlagName[] {
  return [...(Object.keys(rules.flags) as FlagName[]), ...EVERY_COMMAND_FLAGS]
}
