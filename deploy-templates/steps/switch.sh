# switch: `current` points at $RELEASE, and the stable paths users and scrontab use follow it. Remembers where
# `current` pointed before (SG_PREVIOUS_TARGET), so that schedule can switch back.
switch() {
  SG_PREVIOUS_TARGET=$(readlink "$ROOT/current" 2>/dev/null || true)
  # The directory's mtime (not its content) says when it was last made live: pruning keeps the newest by it, so
  # after a rollback the release that was live just before is kept rather than one that is merely younger.
  touch -c "$RELEASE"
  sg_point current "releases/$(basename "$RELEASE")"
  sg_point env.sh "current/$RENDERED_DIR/env.sh"
  sg_point sandbox-env.sh "current/$RENDERED_DIR/sandbox-env.sh"
  sg_point jobs "current/$RENDERED_DIR/jobs"
  echo "current -> releases/$(basename "$RELEASE")"
}
