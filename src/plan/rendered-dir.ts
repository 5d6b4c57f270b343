/** Rendered files live in `<release>/.slurm-gitops/`; users reach them through `<root>/current`. */
export const RENDERED_DIR = '.slurm-gitops'
