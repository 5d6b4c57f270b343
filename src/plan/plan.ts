// The pure core: config + templates → for each deployment, every file a deploy writes and the one script it runs.
import { createHash } from 'node:crypto'
import type { Config, DeploymentConfig, JobConfig } from '../config/types.js'
import type { CompiledTemplate, TemplateObject } from '../render/shell-runtime.js'
import { compiledTemplate } from '../render/compiled-template.js'
import { precompiledTemplates, type PrecompiledTemplates } from '../render/precompiled-templates.js'
import type { TemplateSet } from '../render/templates.js'
import { STEP_FILES, TEMPLATE_NAMES, type TemplateName } from '../config/schema.js'
import type { DeploymentPlan, PlannedFile } from './types.js'
import { UserError } from '../errors/user-error.js'
import { sandboxJobPrefix } from '../sandbox/job-name.js'
import { RENDERED_DIR } from './rendered-dir.js'

export type CompiledTemplates = Record<TemplateName, CompiledTemplate>

/**
 * Compiles the Handlebars templates, or takes the build's precompiled form of those that are the shipped ones;
 * the step files among `templates` are what they may `{{include}}`.
 */
export async function compileTemplates(
  templates: TemplateSet,
  precompiled: PrecompiledTemplates = precompiledTemplates
): Promise<CompiledTemplates> {
  const includes = Object.fromEntries(STEP_FILES.map(name => [name, templates[name]]))
  const compiled: Partial<CompiledTemplates> = {}
  // One at a time: of two broken overrides, the first in TEMPLATE_NAMES is the one reported.
  for (const name of TEMPLATE_NAMES) {
    compiled[name] = await compiledTemplate(templates[name], includes, precompiled[name])
  }
  return compiled as CompiledTemplates
}

/** Plans the deployments of the given branches (all when omitted). */
export async function planDeployments(
  config: Config,
  templates: TemplateSet,
  branches?: string[]
): Promise<DeploymentPlan[]> {
  const compiled = await compileTemplates(templates)
  const selected = branches ?? config.deployments.map(d => d.branch)
  return selected.map(branch => planDeployment(config, deploymentFor(config, branch), compiled))
}

export function deploymentFor(config: Config, branch: string): DeploymentConfig {
  const deployment = config.deployments.find(d => d.branch === branch)
  if (!deployment) {
    const known = config.deployments.map(d => d.branch).join(', ')
    throw new UserError({
      where: 'branch',
      message: `no deployment for branch "${branch}" in ${config.file} (deployments: ${known})`
    })
  }
  return deployment
}

export function planDeployment(
  config: Config,
  deployment: DeploymentConfig,
  templates: CompiledTemplates
): DeploymentPlan {
  const context = templateContext(config, deployment)
  const files: PlannedFile[] = []
  const add = (path: string, mode: number, content: string) =>
    files.push({ path, mode, content: endLine(content) })

  add('env.sh', 0o644, templates['env.sh'](context))
  add('sandbox-env.sh', 0o644, templates['sandbox-env.sh'](context))
  for (const job of deployment.jobs) {
    const jobData = jobContext(config, deployment, job)
    add(`jobs/${job.name}.sh`, 0o755, templates['job.sh']({ ...context, job: jobData }))
    add(`jobs/${job.name}.options`, 0o644, jobData.scronOptions.join('\n'))
  }
  const scrontabBlock = endLine(templates.scrontab(context))
  add('scrontab', 0o644, scrontabBlock)

  const renderHash = hashFiles(files)
  const script = templates['deploy.sh']({ ...context, renderHash })
  return {
    branch: deployment.branch,
    environment: deployment.environment,
    root: deployment.root,
    files,
    script,
    scrontabBlock,
    inputs: [],
    fingerprint: renderHash,
    schedule: {
      timezone: config.cluster.timezone,
      jobs: deployment.jobs.map(job => ({
        name: job.name,
        cron: job.schedule,
        partition: deployment.partition,
        time: job.time,
        sbatch: job.sbatch
      }))
    }
  }
}

/** Every rendered file ends with a newline, as a text file does (and as heredocs once made them). */
export const endLine = (text: string) => (text.endsWith('\n') ? text : `${text}\n`)

/**
 * What Slurm puts before each line of a cron entry it disabled (scancel of the cron job; Slurm's
 * src/scrontab/scrontab.c, `#DISABLED: `), and what a job with `enabled: false` is rendered with.
 */
export const DISABLED_PREFIX = '#DISABLED: '

/** The lines that delimit a deployment's block in the shared scrontab table, and the disabled-entry prefix. */
export function blockMarkers(
  config: Config,
  deployment: DeploymentConfig
): { begin: string; end: string; disabled: string } {
  const id = `${config.project.name} ${deployment.environment}`
  return {
    begin: `# >>> slurm-gitops ${id} >>>`,
    end: `# <<< slurm-gitops ${id} <<<`,
    disabled: DISABLED_PREFIX
  }
}

export function jobPrefix(config: Config, deployment: DeploymentConfig): string {
  return `${config.project.name}-${deployment.environment}-`
}

function scronOptions(config: Config, deployment: DeploymentConfig, job: JobConfig): string[] {
  return [
    `--partition=${deployment.partition}`,
    `--time=${job.time}`,
    `--job-name=${jobPrefix(config, deployment)}${job.name}`,
    // A cron job keeps one job id across runs, so runs append to one log per job.
    `--output=${deployment.root}/logs/${job.name}.out`,
    '--open-mode=append',
    ...job.sbatch
  ]
}

/** Everything templates may use; documented in deploy-templates/README.md. */
export function templateContext(config: Config, deployment: DeploymentConfig): TemplateObject {
  const partitions = [...new Set([deployment.partition, config.sandbox.partition])]
  return {
    project: { ...config.project },
    deployment: {
      branch: deployment.branch,
      environment: deployment.environment,
      partition: deployment.partition,
      dataDir: deployment.dataDir,
      root: deployment.root,
      jobs: deployment.jobs.map(job => jobContext(config, deployment, job))
    },
    sandbox: {
      ...config.sandbox,
      command: config.sandbox.command ?? deployment.jobs[0]?.command ?? config.project.smokeCommand
    },
    partitions,
    jobNames: deployment.jobs.map(job => job.name),
    jobPrefix: jobPrefix(config, deployment),
    markers: blockMarkers(config, deployment),
    renderedDir: RENDERED_DIR,
    sandboxJobPrefix: sandboxJobPrefix(config.project.name),
    // Every deployment's releases may link into the project's venv store: pruning it counts them all.
    deploymentRoots: config.deployments.map(d => d.root)
  }
}

function jobContext(config: Config, deployment: DeploymentConfig, job: JobConfig) {
  return {
    ...job,
    stablePath: `${deployment.root}/jobs/${job.name}.sh`,
    scronOptions: scronOptions(config, deployment, job)
  }
}

function hashFiles(files: PlannedFile[]): string {
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file.path}\0${file.mode}\0${file.content}\0`)
  return hash.digest('hex').slice(0, 16)
}
