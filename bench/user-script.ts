// What a user would write instead of slurm-gitops, on the same project and account, as the benchmark's yardstick:
//   ssh host 'cd repo && git pull && pip install -r requirements.txt && scrontab file'
// A clone of the project's origin and a venv beside it, made once (not timed); the scrontab file is the table as
// the first deploy left it, so installing it (which, as every install, cancels and resubmits the account's cron
// jobs) changes nothing that the deploys after it would notice.
import { shellQuote, sshRun, type ClusterInfo } from '../test/integration/cluster.js'

export interface UserScript {
  /** The ssh arguments of a deploy the user's way: pull the branch, install the requirements, the table. */
  deployArgs(): string[]
  /** The same for a rollback: check out the commit instead of pulling. */
  rollbackArgs(sha: string): string[]
  /** Back on the branch after a rollback (so that `git pull` works again); not timed. */
  backToBranch(): Promise<void>
}

/** `ssh -o BatchMode=yes …` to the account, with the cluster's key and known_hosts; `command` last. */
export function sshArgs(cluster: ClusterInfo, command: string): string[] {
  return [
    '-q',
    '-o',
    'BatchMode=yes',
    '-i',
    cluster.privateKeyPath,
    '-o',
    `UserKnownHostsFile=${cluster.knownHostsPath}`,
    '-p',
    String(cluster.port),
    `${cluster.user}@${cluster.host}`,
    command
  ]
}

export async function setUpUserScript(
  cluster: ClusterInfo,
  origin: string,
  branch: string
): Promise<UserScript> {
  const dir = `${cluster.projectRoot}/by-hand`
  const [repo, venv, table] = [`${dir}/repo`, `${dir}/venv`, `${dir}/scrontab`].map(shellQuote)
  const setup = await sshRun(
    cluster,
    `set -e; mkdir -p ${shellQuote(dir)}
     git clone -q --branch ${shellQuote(branch)} ${shellQuote(`file://${origin}`)} ${repo}
     python3 -m venv ${venv}
     ${venv}/bin/pip install -q -r ${repo}/requirements.txt
     scrontab -l >${table}`
  )
  if (setup.code !== 0) throw new Error(`setting up the user's script failed: ${setup.stderr}${setup.stdout}`)
  const install = `${venv}/bin/pip install -q -r requirements.txt && scrontab ${table}`
  return {
    deployArgs: () => sshArgs(cluster, `cd ${repo} && git pull -q && ${install}`),
    rollbackArgs: sha => sshArgs(cluster, `cd ${repo} && git checkout -q ${shellQuote(sha)} && ${install}`),
    async backToBranch() {
      const r = await sshRun(cluster, `cd ${repo} && git checkout -q ${shellQuote(branch)}`)
      if (r.code !== 0) throw new Error(`git checkout ${branch} failed: ${r.stderr}`)
    }
  }
}
