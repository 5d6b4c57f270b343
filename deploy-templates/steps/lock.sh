# lock: this run holds the deployment's lock ($ROOT/.lock) from here to its end; makes the scratch directory.
lock() {
  # flock is released by the kernel when this process dies: a cancelled deploy never leaves a stale lock.
  exec 9>>"$ROOT/.lock"
  if ! flock -n 9; then
    echo "waiting up to ${LOCK_TIMEOUT}s for the deploy that holds $ROOT/.lock: $(cat "$ROOT/.lock.holder" 2>/dev/null || echo unknown)"
  fi
  if ! flock -w "$LOCK_TIMEOUT" 9; then
    sg_die "another deploy of $ROOT is still running after ${LOCK_TIMEOUT}s: $(cat "$ROOT/.lock.holder" 2>/dev/null || echo unknown)"
  fi
  # A run that got the lock records its end in the history, whatever it is.
  sg_at_exit sg_record_at_exit
  printf '%s\tmode=%s\tsha=%s\tactor=%s\trun=%s\thost=%s\tpid=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$SG_MODE" \
    "$SG_SHA" "$(sg_field "$SG_ACTOR")" "$(sg_field "$SG_RUN_URL")" "$(hostname)" "$$" >"$ROOT/.lock.holder"
  # Under the lock no other run of this deployment is working here: temporary files are leftovers of a run that
  # was killed before its EXIT trap could clean up (KILL, power loss). Ours is made only now, after the lock.
  rm -rf "$ROOT"/.tmp.* "$ROOT"/.*.new.*
  # Bundles of runs killed before their cleanup (the name is random, so only age tells them apart).
  find /tmp -maxdepth 1 -name 'slurm-gitops-*.bundle' -user "$(id -un)" -mmin +"$LEFTOVER_MINUTES" -delete 2>/dev/null || true
  SG_TMP=$(mktemp -d "$ROOT/.tmp.XXXXXX")
  sg_at_exit sg_remove_tmp
  PREVIOUS_SHA=$(cat "$ROOT/current/REVISION" 2>/dev/null || echo '')
  sg_result previous-sha "${PREVIOUS_SHA:--}"
}

sg_remove_tmp() { rm -rf "$SG_TMP"; }
