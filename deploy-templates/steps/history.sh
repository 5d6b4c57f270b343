# The deployment's history, $ROOT/history: one line per run that got the lock (time, mode, sha, previous, actor,
# run, result, step times, release). The record step writes a successful run's line; a run that ends before it
# (it failed) is recorded on exit: lock registers sg_record_at_exit.

sg_record_at_exit() {
  [ "$SG_RECORDED" = 0 ] || return 0
  local result=success
  [ "$1" -eq 0 ] || result="failure:${SG_FAILED_STEP:-unknown}"
  sg_history_append "$result"
}

# sg_history_append RESULT: `success` or `failure:<step>`.
sg_history_append() {
  local release=-
  [ -z "$RELEASE" ] || release=$(basename "$RELEASE")
  # release= names the exact release (a SHA may have variants): rollback finds the previous live one by it.
  printf '%s\tmode=%s\tsha=%s\tprevious=%s\tactor=%s\trun=%s\tresult=%s\tsteps=%s\trelease=%s\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$SG_MODE" "${NEW_SHA:-$SG_SHA}" "${PREVIOUS_SHA:--}" "$(sg_field "$SG_ACTOR")" \
    "$(sg_field "$SG_RUN_URL")" "$1" "$SG_DURATIONS" "$release" >>"$ROOT/history" || true
  SG_RECORDED=1
}
