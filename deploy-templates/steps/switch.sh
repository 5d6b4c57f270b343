# switch: `current` points at $RELEASE, and the stable paths users and scrontab use follow it. Writes the go-live
# intent first (golive.sh): until schedule has installed the block, a stopped run is repaired by the next one.
switch() {
  local target=releases/${RELEASE##*/} now=()
  # The links are read once, here: the intent names the previous target, and only the links that change are made.
  sg_golive_read_links now
  if [ ${#now[@]} -gt 0 ]; then
    SG_PREVIOUS_TARGET=${now[0]}
  else
    SG_PREVIOUS_TARGET=$(readlink "$ROOT/current" 2>/dev/null || true)
  fi
  sg_golive_begin "$SG_PREVIOUS_TARGET" "$target"
  # The directory's mtime (not its content) says when it was last made live: pruning keeps the newest by it, so
  # after a rollback the release that was live just before is kept rather than one that is merely younger.
  touch -c "$RELEASE"
  if [ ${#now[@]} -gt 0 ]; then sg_golive_links "$target" "${now[@]}"; else sg_golive_links "$target"; fi
  echo "current -> $target"
}
