# target (rollback): $RELEASE is the kept release to go back to: the newest one for $SG_TARGET (a SHA or
# prefix) or, without one, the release that was live before the current one, from the history (not the newest
# directory: after a rollback, or a deploy that failed verification, the newest is not the one live before).
# Sets RELEASE and NEW_SHA.
target() {
  local name=''
  if [ -n "$SG_TARGET" ]; then
    name=$(sg_newest_release_of "$SG_TARGET")
  else
    name=$(sg_release_live_before)
  fi
  [ -n "$name" ] ||
    sg_die "no kept release matches ${SG_TARGET:-"an earlier live commit"}; kept: $(sg_releases_newest_first | tr '\n' ' ')"
  RELEASE=$ROOT/releases/$name
  NEW_SHA=$(cat "$RELEASE/REVISION")
  # Known before going live, so that a failure from here on can still be recorded against this commit.
  sg_result target-sha "$NEW_SHA"
}

# Prints the newest kept release whose name starts with $1 (nothing when none does).
sg_newest_release_of() {
  local name
  while read -r name; do
    sg_is_release "$name" || continue
    case $name in "$1"*) printf '%s\n' "$name" && return 0 ;; esac
  done < <(sg_releases_newest_first)
}

# Prints the newest release the history shows live (a success) with another commit than the current one.
sg_release_live_before() {
  local fields field result sha release
  while IFS=$'\t' read -r -a fields; do
    result='' sha='' release=''
    for field in "${fields[@]}"; do
      case $field in
      result=*) result=${field#result=} ;;
      sha=*) sha=${field#sha=} ;;
      release=*) release=${field#release=} ;;
      esac
    done
    # Lines written before the history had release= name only the SHA, which was then the release's name.
    [ -n "$release" ] && [ "$release" != - ] || release=$sha
    if [ "$result" = success ] && [ -n "$sha" ] && [ "$sha" != "$PREVIOUS_SHA" ] && sg_is_release "$release"; then
      printf '%s\n' "$release" && return 0
    fi
  done < <(tac "$ROOT/history" 2>/dev/null)
}
