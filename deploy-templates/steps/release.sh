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
    # Under a prefix, the archive makes the directory itself (a commit without files too): no mkdir.
    git -C "$MIRROR" archive --prefix="${stage##*/}/" "$SG_SHA" | tar -x -C "$SG_TMP"
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
  if sg_env_scripts_same "$ROOT/current/$RENDERED_DIR" "$RELEASE/$RENDERED_DIR"; then
    sg_result env-scripts unchanged
  else
    sg_result env-scripts changed
  fi
  NEW_SHA=$SG_SHA
}

ENV_SCRIPTS=(env.sh sandbox-env.sh)

# sg_env_scripts_same LIVE NEW: the rendered directories LIVE and NEW have the same env scripts. Told by their
# checksum lists, read with builtins (releases are immutable, and status verifies them against these lists);
# compared byte for byte only when one has no list (a release made before checksums were written).
sg_env_scripts_same() {
  local live new script
  if sg_env_script_sums "$1" live && sg_env_script_sums "$2" new; then
    [ "$live" = "$new" ]
    return
  fi
  for script in "${ENV_SCRIPTS[@]}"; do cmp -s "$1/$script" "$2/$script" || return 1; done
}

# sg_env_script_sums DIR VAR: VAR is the checksum lines of the env scripts in DIR's list; fails without a list, or
# when the list lacks one of them.
sg_env_script_sums() {
  local sg_sum sg_path sg_found='' sg_count=0
  [ -f "$1/$CHECKSUMS_FILE" ] || return 1
  while read -r sg_sum sg_path; do
    case " ${ENV_SCRIPTS[*]} " in *" $sg_path "*)
      sg_found+="$sg_sum $sg_path"$'\n'
      sg_count=$((sg_count + 1))
      ;;
    esac
  done <"$1/$CHECKSUMS_FILE"
  [ "$sg_count" -eq ${#ENV_SCRIPTS[@]} ] || return 1
  printf -v "$2" '%s' "$sg_found"
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
