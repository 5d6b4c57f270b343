// Where the config is when none is named. A module of its own, so that the front ends can name it without
// loading the YAML parser and the schema (the action's post step, `--help`).
export const DEFAULT_CONFIG_PATH = '.github/slurm-gitops.yml'
