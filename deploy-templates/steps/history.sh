# The deployment's history, $ROOT/history: one line per run that got the lock (time, mode, sha, previous, actor,
# run, result, step times, release; a remove adds what it removed). The record step writes a successful run's line; a run that ends before it
# (it failed, or was stopped by a signal) is recorded on exit: lock registers sg_record_at_exit. A run killed
# outright is recorded by the next one (sg_record_interrupted), and its go-live repaired (`repair` lines).

sg_record_at_exit() {
  [ "$SG_RECORDED" = 0 ] || return 0
  local result=success
  [ "$1" -eq 0 ] || result="failure:${SG_FAILED_STEP:-unknown}"
  sg_history_append "$result"
}

# sg_history_append RESULT: this run's line; RESULT is `success`, `skipped` or `failure:<step>`.
sg_history_append() {
  local release=-
  [ -z "$RELEASE" ] || release=${RELEASE##*/}
  sg_history_line "$SG_MODE" "${NEW_SHA:-$SG_SHA}" "${PREVIOUS_SHA:--}" "$SG_ACTOR" "$SG_RUN_URL" "$1" \
    "$SG_DURATIONS" "$release" ${SG_REMOVED:+"removed=$SG_REMOVED"}
  SG_RECORDED=1
}

# sg_history_line MODE SHA PREVIOUS ACTOR RUN RESULT STEPS RELEASE [KEY=VALUE…]: the fields after RELEASE are
# appended as they are given (a remove's removed=).
sg_history_line() {
  local extra='' field now actor run
  for field in "${@:9}"; do
    sg_field "$field" field
    extra+=$'\t'$field
  done
  sg_utc_now now
  sg_field "$4" actor
  sg_field "$5" run
  # release= names the exact release (a SHA may have variants): rollback finds the previous live one by it.
  printf '%s\tmode=%s\tsha=%s\tprevious=%s\tactor=%s\trun=%s\tresult=%s\tsteps=%s\trelease=%s%s\n' \
    "$now" "$1" "${2:--}" "${3:--}" "$actor" "$run" "$6" \
    "${7:--}" "${8:--}" "$extra" >>"$ROOT/history" || true
}

# The owner file of a run killed before its EXIT trap: its line, `interrupted`, and the file goes.
sg_record_interrupted() {
  [ -f "$ROOT/$LOCK_OWNER" ] || return 0
  local time mode sha actor run host pid
  sg_read_lock_owner || true
  echo "the $mode of ${sha:-?} by ${actor:-?} (pid ${pid:-?} on ${host:-?}, started $time) was killed before it could record its end: recorded as interrupted"
  sg_history_line "${mode:-unknown}" "$sha" - "$actor" "$run" interrupted - -
  rm -f "$ROOT/$LOCK_OWNER"
}
