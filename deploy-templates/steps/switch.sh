# switch: `current` points at $RELEASE, and the stable paths users and scrontab use follow it. Writes the go-live
# intent first (golive.sh): until schedule has installed the block, a stopped run is repaired by the next one.
switch() {
  SG_PREVIOUS_TARGET=$(readlink "$ROOT/current" 2>/dev/null || true)
  local target=releases/${RELEASE##*/}
  sg_golive_begin "$SG_PREVIOUS_TARGET" "$target"
  # The directory's mtime (not its content) says when it was last made live: pruning keeps the newest by it, so
  # after a rollback the release that was live just before is kept rather than one that is merely younger.
  touch -c "$RELEASE"
  sg_golive_links "$target"
  echo "current -> $target"
}
