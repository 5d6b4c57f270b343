// GitHub Deployments API: one deployment per environment and commit, with in_progress → success/failure
// statuses linking the run. Missing permission (`deployments: write`) is a warning, never a failed deploy.
import * as core from '@actions/core'
import type { GitHubClient } from './client.js'

export interface DeploymentTarget {
  owner: string
  repo: string
  sha: string
  environment: string
  description: string
  runUrl: string
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive'

export class GitHubDeployment {
  private constructor(
    private readonly octokit: GitHubClient,
    private readonly target: DeploymentTarget,
    private readonly id: number | undefined
  ) {}

  /** Creates the deployment and marks it in progress; on any API refusal, warns and records nothing. */
  static async start(octokit: GitHubClient, target: DeploymentTarget): Promise<GitHubDeployment> {
    let id: number | undefined
    try {
      const response = await octokit.rest.repos.createDeployment({
        owner: target.owner,
        repo: target.repo,
        ref: target.sha,
        environment: target.environment,
        description: target.description,
        auto_merge: false,
        required_contexts: [],
        production_environment: target.environment === 'production',
        transient_environment: false
      })
      id = 'id' in response.data ? response.data.id : undefined
    } catch (error) {
      core.warning(
        `could not record a GitHub deployment for ${target.environment} (${describe(error)}); ` +
          'give the workflow `permissions: deployments: write` to see deploys under Environments'
      )
    }
    const deployment = new GitHubDeployment(octokit, target, id)
    await deployment.setState('in_progress')
    return deployment
  }

  async setState(state: DeploymentState): Promise<void> {
    if (this.id === undefined) return
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        owner: this.target.owner,
        repo: this.target.repo,
        deployment_id: this.id,
        state,
        log_url: this.target.runUrl,
        description: `${state.replace('_', ' ')}: ${this.target.description}`.slice(0, 140),
        auto_inactive: state === 'success'
      })
    } catch (error) {
      core.warning(`could not set the GitHub deployment status to ${state} (${describe(error)})`)
    }
  }
}

function describe(error: unknown): string {
  const status = (error as { status?: number }).status
  const message = error instanceof Error ? error.message : String(error)
  return status ? `HTTP ${status}: ${message}` : message
}
