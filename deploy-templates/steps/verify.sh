# verify: in the new release, the smoke command passes (sg_smoke: the project's smoke command, defined by the
# script) and Slurm would accept every scheduled job (sbatch --test-only), before anything goes live.
verify() {
  echo "smoke test: $SMOKE_COMMAND"
  # In a bash of its own, contained (sg_contained): what it starts cannot keep this run's lock, nor outlive it.
  # It sees the release's env scripts and its own definition only, and stops at its first failing command.
  # shellcheck disable=SC2016 # $1 and $2 are the inner bash's arguments
  sg_contained "the smoke command" "$SMOKE_TIMEOUT" bash -c "$(declare -f sg_smoke)"'
    set -Eeuo pipefail
    source "$1"
    cd "$2"
    sg_smoke' smoke "$RELEASE/$RENDERED_DIR/env.sh" "$RELEASE" ||
    sg_die "the smoke command failed in the new release; the previous release stays live"
  local job
  for job in ${JOBS[@]+"${JOBS[@]}"}; do
    local options=()
    mapfile -t options <"$RELEASE/$RENDERED_DIR/jobs/$job.options"
    sbatch --test-only "${options[@]}" "$RELEASE/$RENDERED_DIR/jobs/$job.sh" ||
      sg_die "sbatch --test-only rejected job \"$job\" (see above); the previous release stays live"
  done
}
