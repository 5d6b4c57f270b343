# teardown (remove): what the deployment's code took goes: `current` and the stable links, the releases (and with
# them their links into the venv store, which is then pruned of venvs nothing uses), the mirror, the leases and
# the store of earlier versions. The logs and the data directory stay, unless SG_PURGE=true. The history and the
# lock file stay: the history records this removal, and a run waiting for the lock holds that file.
teardown() {
  local link count
  for link in current env.sh sandbox-env.sh jobs; do
    [ -L "$ROOT/$link" ] || continue
    rm -f "${ROOT:?}/$link"
    sg_removed "$link"
  done
  count=$(sg_releases_newest_first | wc -l || true)
  rm -rf "${ROOT:?}/releases" "${ROOT:?}/leases" "${ROOT:?}/$GOLIVE_FILE"
  [ "$count" -eq 0 ] || sg_removed "$count release(s)"
  if [ -d "$MIRROR" ]; then
    rm -rf "$MIRROR"
    sg_removed "mirror"
  fi
  if [ -d "$OLD_VENV_STORE" ] && [ "$(readlink -f "$OLD_VENV_STORE")" != "$(readlink -f "$VENV_STORE")" ]; then
    rm -rf "$OLD_VENV_STORE"
    sg_removed "venvs of earlier versions"
  fi
  # Its releases linked into the project's store; what no deployment or sandbox uses now goes.
  [ ! -d "$VENV_STORE" ] || sg_prune_venv_store
  if [ "$SG_PURGE" = true ]; then
    rm -rf "${ROOT:?}/logs" "${DATA_DIR:?}"
    sg_removed "logs"
    sg_removed "data directory $DATA_DIR"
  else
    echo "kept: the logs ($ROOT/logs) and the data directory ($DATA_DIR); --purge removes them too"
  fi
  sg_result removed "$SG_REMOVED"
}
