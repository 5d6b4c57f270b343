# verify: in the new release, the smoke command passes (sg_smoke: the project's smoke command, defined by the
# script) and Slurm would accept every scheduled job (sbatch --test-only), before anything goes live.
verify() {
  echo "smoke test: $SMOKE_COMMAND"
  # Chained with &&: inside a `( … ) ||` errexit is off, so a failing `source` would otherwise go unnoticed.
  (
    # shellcheck source=/dev/null
    source "$RELEASE/$RENDERED_DIR/env.sh" && cd "$RELEASE" && sg_smoke
  ) || sg_die "the smoke command failed in the new release; the previous release stays live"
  local job
  for job in ${JOBS[@]+"${JOBS[@]}"}; do
    local options=()
    mapfile -t options <"$RELEASE/$RENDERED_DIR/jobs/$job.options"
    sbatch --test-only "${options[@]}" "$RELEASE/$RENDERED_DIR/jobs/$job.sh" ||
      sg_die "sbatch --test-only rejected job \"$job\" (see above); the previous release stays live"
  done
}
