import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-T4AKZR3M.js";

// src/cli/flags.ts
var PASSPHRASE_VARIABLE = "SLURM_GITOPS_SSH_KEY_PASSPHRASE";
var FLAGS = {
  config: {
    type: "string",
    short: "c",
    value: "FILE",
    help: `the config file (default ${DEFAULT_CONFIG_PATH})`
  },
  repo: {
    type: "string",
    value: "DIR",
    help: "the repository (default: the directory holding the config's .github/, else this one)"
  },
  branch: { type: "string", short: "b", value: "BRANCH", help: "the deployment, by its branch" },
  sha: { type: "string", value: "SHA", help: "a commit of the repository" },
  base: { type: "string", value: "REF", help: "compare with this commit or branch, as the PR check does" },
  to: {
    type: "string",
    value: "SHA",
    help: "a kept release, by its commit or a prefix (default: the one live before)"
  },
  out: {
    type: "string",
    short: "o",
    value: "DIR",
    help: "also write every rendered file and the deploy script under DIR/<branch>/"
  },
  format: {
    type: "string",
    short: "f",
    value: "FORMAT",
    help: "text for people; json for scripts (one object on stdout, see docs/cli-json.md)"
  },
  ref: { type: "string", value: "REF", help: "the branch, tag or commit to run" },
  sandbox: { type: "string", value: "NAME", help: "the sandbox (default: yours, from sandbox.actors)" },
  command: {
    type: "string",
    value: "CMD",
    help: "the job's command instead of sandbox.command (needs sandbox.allowCustomCommand)"
  },
  partition: { type: "string", value: "P", help: "the partition (default sandbox.partition)" },
  time: { type: "string", value: "T", help: "the time limit, e.g. 00:20:00 (at most sandbox.maxTime)" },
  sbatch: {
    type: "string",
    multiple: true,
    value: "--NAME=VALUE",
    help: "an extra sbatch option from sandbox.allowedSbatchOptions; repeat for more (write --sbatch=--mem=4G)"
  },
  "no-wait": { type: "boolean", help: "submit, print the job id and end (follow it later with watch)" },
  actor: { type: "string", value: "NAME", help: "who asks, for the history (default: your user name)" },
  host: { type: "string", value: "HOST", help: "the login node (default cluster.host)" },
  port: { type: "string", value: "N", help: "its SSH port (default cluster.port)" },
  user: { type: "string", value: "USER", help: "the service account (default cluster.user)" },
  identity: {
    type: "string",
    short: "i",
    value: "KEYFILE",
    help: `the service account's private key file (encrypted: set ${PASSPHRASE_VARIABLE})`
  },
  "known-hosts": {
    type: "string",
    value: "FILE",
    help: "the login node's host keys (default ~/.ssh/known_hosts); always checked"
  },
  local: { type: "boolean", help: "run on this machine instead (on the login node itself), no SSH" },
  job: {
    type: "string",
    value: "NAME",
    help: "the scheduled job (default: the deployment's only or first job)"
  },
  runs: { type: "string", value: "N", help: "how many of its last runs to list (default 5, at most 100)" },
  run: {
    type: "string",
    value: "JOBID[:RUN]",
    help: "show this run instead of the latest (JOBID:2: its second run)"
  },
  follow: { type: "boolean", help: "follow the run in progress to its end (Ctrl-C leaves the job alone)" },
  yes: { type: "boolean", short: "y", help: "do not ask (needed without a terminal)" },
  force: { type: "boolean", help: "also when one of its jobs is running: that job is cancelled, by its id" },
  purge: { type: "boolean", help: "also the deployment's data directory and logs" },
  help: { type: "boolean", short: "h", help: "this help" }
};
function flagLabel(name) {
  const spec = FLAGS[name];
  const long = `--${name}${spec.value ? ` ${spec.value}` : ""}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

export {
  PASSPHRASE_VARIABLE,
  FLAGS,
  flagLabel
};
