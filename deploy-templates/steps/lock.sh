# lock: this run holds the deployment's lock ($ROOT/.lock) from here to its end; makes the scratch directory,
# records what an earlier run left unfinished, and repairs an interrupted go-live.
lock() {
  # A deploy's preflight makes the root; a remove finds it or has nothing to remove.
  [ -d "$ROOT" ] || sg_die "$ROOT does not exist: nothing of branch $BRANCH is deployed on this cluster"
  # flock is released by the kernel when the last descriptor of it closes: a cancelled deploy never leaves a
  # stale lock, and the user's commands run without it (sg_contained), so nothing they leave behind holds it.
  exec 9>>"$ROOT/.lock"
  if ! flock -n 9; then
    echo "waiting up to ${LOCK_TIMEOUT}s for the run that holds $ROOT/.lock: $(sg_lock_owner)"
    flock -w "$LOCK_TIMEOUT" 9 || sg_die "another deploy of $ROOT is still running after ${LOCK_TIMEOUT}s: $(sg_lock_owner)"
  fi
  # A run that got the lock records its end in the history, whatever it is.
  sg_at_exit sg_record_at_exit
  sg_locked
  # Redirections apply left to right: a missing file would be reported before a 2>/dev/null after it applied.
  { read -r PREVIOUS_SHA <"$ROOT/current/REVISION"; } 2>/dev/null || PREVIOUS_SHA=''
  sg_result previous-sha "${PREVIOUS_SHA:--}"
}

# What every run does first once it holds the lock (status too, when it repairs).
sg_locked() {
  # The owner file says who holds the lock, and exists only while a run holds it: one found now belongs to a run
  # that was killed before its EXIT trap could record it (KILL, power loss).
  sg_record_interrupted
  local now actor run
  sg_utc_now now
  sg_field "${SG_ACTOR:--}" actor
  sg_field "${SG_RUN_URL:--}" run
  printf '%s\tmode=%s\tsha=%s\tactor=%s\trun=%s\thost=%s\tpid=%s\n' "$now" "$SG_MODE" "${SG_SHA:--}" "$actor" "$run" \
    "$HOSTNAME" "$$" >"$ROOT/$LOCK_OWNER"
  sg_at_exit sg_release_lock_owner
  # Under the lock no other run of this deployment is working here: temporary files are leftovers of a run that
  # was killed before its EXIT trap could clean up. Ours is made only now, after the lock.
  local leftover leftovers=()
  for leftover in "$ROOT"/.tmp.* "$ROOT"/.*.new.* "$ROOT/.lock.holder"; do
    [ ! -e "$leftover" ] && [ ! -L "$leftover" ] || leftovers+=("$leftover")
  done
  [ ${#leftovers[@]} -eq 0 ] || rm -rf "${leftovers[@]}"
  # Bundles of runs killed before their cleanup (the name is random, so only age tells them apart). Only runs of
  # project.source: bundle send one, and a login node's /tmp can hold many files: the others do not look.
  if [ "$SOURCE" = bundle ]; then
    find /tmp -maxdepth 1 -name 'slurm-gitops-*.bundle' -user "$EUID" -mmin +"$LEFTOVER_MINUTES" -delete 2>/dev/null || true
  fi
  SG_TMP=$(mktemp -d "$ROOT/.tmp.XXXXXX")
  sg_at_exit sg_remove_tmp
  sg_golive_recover
}

LOCK_OWNER=.lock.owner

# The owner file: time, then mode= sha= actor= run= host= pid=, tab-separated (sg_field keeps values to one field).
# sg_read_lock_owner sets time mode sha actor run host pid, which the caller declares local; fails without one.
sg_read_lock_owner() {
  { IFS=$'\t' read -r time mode sha actor run host pid <"$ROOT/$LOCK_OWNER"; } 2>/dev/null || return 1
  mode=${mode#mode=} sha=${sha#sha=} actor=${actor#actor=} run=${run#run=} host=${host#host=} pid=${pid#pid=}
}

# Who holds the lock, for the waiting messages.
sg_lock_owner() {
  local time mode sha actor run host pid
  if sg_read_lock_owner; then
    echo "the $mode of $sha by $actor ($run), pid $pid on $host since $time"
  else
    echo unknown
  fi
}

sg_release_lock_owner() { rm -f "$ROOT/$LOCK_OWNER"; }

sg_remove_tmp() { rm -rf "$SG_TMP"; }
