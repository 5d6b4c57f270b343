# Going live: `current` and the stable links switched to a release (switch), then the scrontab given its block
# (schedule). Two changes that cannot be one atomic step, so the intent is written down first ($ROOT/.golive)
# and removed once both are done. A run stopped in between (KILL, a reboot, a connection lost while it wrote)
# leaves it, and the next run of this deployment, under the lock, completes that go-live or undoes it
# (sg_golive_recover), so that code and schedule always agree again.
GOLIVE_FILE=.golive

# sg_golive_begin FROM TO: the intent, one tab-separated line (time, mode, sha, previous, from, to, actor, run;
# `-` for none), written under a temporary name and renamed: it is there whole or not at all.
sg_golive_begin() {
  local now actor run
  sg_utc_now now
  sg_field "${SG_ACTOR:--}" actor
  sg_field "${SG_RUN_URL:--}" run
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$now" "$SG_MODE" "$NEW_SHA" "${PREVIOUS_SHA:--}" "${1:--}" "$2" \
    "$actor" "$run" >"$ROOT/.$GOLIVE_FILE.new.$$"
  mv -T "$ROOT/.$GOLIVE_FILE.new.$$" "$ROOT/$GOLIVE_FILE"
}

sg_golive_end() { rm -f "$ROOT/$GOLIVE_FILE"; }

# The stable paths users and scrontab use: $ROOT/NAME -> current/$RENDERED_DIR/NAME.
STABLE_LINKS=(env.sh sandbox-env.sh jobs)

# sg_golive_links TARGET [NOW…]: `current` -> TARGET (releases/NAME), and the stable paths follow; a link that
# already points there is left as it is. NOW…: what they point at now (sg_golive_read_links), else read here.
sg_golive_links() {
  local names=(current "${STABLE_LINKS[@]}") targets=("$1") now=("${@:2}") i
  for i in "${STABLE_LINKS[@]}"; do targets+=("current/$RENDERED_DIR/$i"); done
  [ $# -gt 1 ] || sg_golive_read_links now
  for i in "${!names[@]}"; do
    [ "${now[i]-}" = "${targets[i]}" ] || sg_point "${names[i]}" "${targets[i]}" || return 1
  done
}

# sg_golive_read_links ARRAY: the caller's ARRAY is what `current` and the stable links point at now, in that
# order, read by one readlink (a process per link was a third of the switch step); empty when any of them is not
# a link (readlink fails) or a target holds a newline (the lines do not count up).
sg_golive_read_links() {
  local sg_out sg_lines=()
  sg_out=$(readlink -- "$ROOT/current" "${STABLE_LINKS[@]/#/$ROOT/}" 2>/dev/null) && mapfile -t sg_lines <<<"$sg_out"
  if [ ${#sg_lines[@]} -eq $((${#STABLE_LINKS[@]} + 1)) ]; then
    mapfile -t "$1" <<<"$sg_out"
  else
    mapfile -t "$1" </dev/null
  fi
}

# sg_golive_back FROM: code and schedule back on FROM (releases/NAME, or `-` when nothing was live: then no
# `current` and no block of this deployment in the table). Fails when the table cannot be given FROM's block.
sg_golive_back() {
  if [ "$1" != - ] && sg_is_release "${1#releases/}"; then
    sg_golive_links "$1" && echo "current switched back to $1" &&
      sg_scrontab_install "$ROOT/$1/$RENDERED_DIR/scrontab"
  else
    rm -f "$ROOT/current" && echo "current removed: there was no previous release" &&
      sg_scrontab_install /dev/null
  fi
}

# Under the lock: an unfinished go-live of an earlier run is completed (its release is still there and its block
# installs) or undone, recorded in the history as a `repair` line, and reported (result `repaired`). It fails
# only when neither works; the intent then stays for the next run.
sg_golive_recover() {
  [ -f "$ROOT/$GOLIVE_FILE" ] || return 0
  local time mode sha previous from to actor run repaired live release
  IFS=$'\t' read -r time mode sha previous from to actor run <"$ROOT/$GOLIVE_FILE"
  echo "the $mode of $sha by $actor ($run, $time) was stopped while going live; repairing it"
  if sg_is_release "${to#releases/}" && sg_golive_links "$to" &&
    sg_scrontab_install "$ROOT/$to/$RENDERED_DIR/scrontab"; then
    repaired="completed the interrupted $mode of $sha (stopped while going live at $time)"
    live=$sha release=${to#releases/}
  elif sg_golive_back "$from"; then
    repaired="undid the interrupted $mode of $sha (stopped while going live at $time): $previous is live again"
    live=$previous release=${from#releases/}
  else
    sg_die "could not repair the interrupted $mode of $sha: neither its release nor the previous one could be made live with its schedule (see above); $ROOT/$GOLIVE_FILE is kept for the next run"
  fi
  sg_history_line repair "$live" "$previous" "$SG_ACTOR" "$SG_RUN_URL" success - "$release"
  sg_golive_end
  sg_warn "$repaired"
  sg_result repaired "$repaired"
}
