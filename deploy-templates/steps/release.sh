# release: $ROOT/releases/<sha> holds the commit's files, REVISION and $RENDERED_DIR/ (the rendered files and
# the venv link); an existing one with exactly these files is reused. Sets RELEASE and NEW_SHA.
release() {
  local name=$SG_SHA
  RELEASE=$ROOT/releases/$name
  if [ -d "$RELEASE" ] && ! sg_release_matches "$RELEASE"; then
    # Same commit, other scripts or venv (a config or tool change): a variant, so releases stay immutable.
    name=$SG_SHA-$(printf '%s %s' "$RENDER_HASH" "$VENV" | sha256sum | cut -c1-8)
    RELEASE=$ROOT/releases/$name
  fi
  if [ -d "$RELEASE" ] && sg_release_matches "$RELEASE"; then
    echo "release $name exists with the same files: reused"
    sg_result release-reused true
  else
    local stage=$SG_TMP/release
    mkdir -p "$stage"
    git -C "$MIRROR" archive "$SG_SHA" | tar -x -C "$stage"
    printf '%s\n' "$SG_SHA" >"$stage/REVISION"
    # The rendered directory is slurm-gitops' alone (its checksums list the rendered files only).
    if [ -e "$stage/$RENDERED_DIR" ]; then
      sg_warn "the commit has its own $RENDERED_DIR/, which the rendered files replace in the release; rename it"
      rm -rf "${stage:?}/$RENDERED_DIR"
    fi
    mkdir "$stage/$RENDERED_DIR"
    sg_write_files "$stage/$RENDERED_DIR"
    sg_write_checksums "$stage/$RENDERED_DIR"
    ln -s "$VENV" "$stage/$RENDERED_DIR/venv"
    printf '%s %s\n' "$RENDER_HASH" "$VENV" >"$stage/$RENDERED_DIR/FINGERPRINT"
    [ ! -e "$RELEASE" ] || rm -rf "$RELEASE"
    mv -T "$stage" "$RELEASE"
    sg_at_exit sg_remove_unverified_release
    echo "release $name created"
    sg_result release-reused false
  fi
  sg_result release "$RELEASE"
  # For the summary: do users get other env scripts than the live release gives them?
  if cmp -s "$ROOT/current/$RENDERED_DIR/env.sh" "$RELEASE/$RENDERED_DIR/env.sh" &&
    cmp -s "$ROOT/current/$RENDERED_DIR/sandbox-env.sh" "$RELEASE/$RENDERED_DIR/sandbox-env.sh"; then
    sg_result env-scripts unchanged
  else
    sg_result env-scripts changed
  fi
  NEW_SHA=$SG_SHA
}

# The checksums of the rendered files, as the release was made (status verifies them: releases are immutable, so
# an env or job script that differs was changed by hand). Written before the venv link and the fingerprint.
sg_write_checksums() {
  (cd "$1" && sha256sum -- "${SG_RENDERED_PATHS[@]}") >"$1/$CHECKSUMS_FILE"
}

sg_release_matches() {
  [ "$(cat "$1/$RENDERED_DIR/FINGERPRINT" 2>/dev/null)" = "$RENDER_HASH $VENV" ]
}

# A release this run created but did not leave live was never verified (or its schedule never installed):
# removed on a failed exit, so that neither pruning counts it nor a rollback goes to it.
sg_remove_unverified_release() {
  [ "$1" -ne 0 ] || return 0
  [ "$(readlink -f "$ROOT/current" 2>/dev/null)" != "$(readlink -f "$RELEASE")" ] || return 0
  rm -rf "$RELEASE"
}
