// Where the config lives when nothing else is said; apart from the loader, so that a CLI's --help names it
// without loading the YAML parser and the schema.
export const DEFAULT_CONFIG_PATH = '.github/slurm-gitops.yml'
