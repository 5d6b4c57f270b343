# verify: in the new release, the smoke command passes (sg_smoke: the project's smoke command, defined by the
# script) and Slurm would accept every scheduled job (sbatch --test-only), before anything goes live.
verify() {
  # Slurm's checks run in the background while the smoke command runs; their output is shown after it.
  local tests
  sg_background tests sg_test_jobs >"$SG_TMP/test-only" 2>&1
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
  local status=0 output
  sg_wait_background "$tests" || status=$?
  sg_read_file output "$SG_TMP/test-only"
  printf '%s' "$output"
  [ "$status" -eq 0 ] ||
    sg_die "sbatch --test-only rejected job \"$(<"$SG_TMP/test-only.job")\" (see above); the previous release stays live"
}

# sg_test_jobs: sbatch --test-only of every job of $RELEASE, one after the other, each named in
# $SG_TMP/test-only.job first; the first that Slurm rejects ends it.
sg_test_jobs() {
  local job options
  for job in ${JOBS[@]+"${JOBS[@]}"}; do
    printf '%s' "$job" >"$SG_TMP/test-only.job"
    options=()
    mapfile -t options <"$RELEASE/$RENDERED_DIR/jobs/$job.options"
    sbatch --test-only "${options[@]}" "$RELEASE/$RENDERED_DIR/jobs/$job.sh" || return
  done
}
