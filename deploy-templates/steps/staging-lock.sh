# staging_lock: this run stages alone from here to its end (the mirror and the venv store are shared by every
# sandbox; staging takes seconds, the jobs themselves run side by side); makes the scratch directory.
staging_lock() {
  mkdir -p "$SANDBOX/runs" "$VENV_STORE" 2>/dev/null ||
    sg_die "cannot create $SANDBOX and $VENV_STORE: $(id -un) has no write access to their parents"
  # flock is released by the kernel when this process dies: a cancelled run never leaves a stale lock.
  exec 9>>"$SANDBOX_ROOT/.lock"
  flock -n 9 || echo "waiting up to ${LOCK_TIMEOUT}s for another sandbox run to finish staging"
  flock -w "$LOCK_TIMEOUT" 9 || sg_die "another sandbox run is still staging after ${LOCK_TIMEOUT}s"
  # Under the lock, scratch directories are leftovers of a run killed before its exit trap could clean up.
  rm -rf "$SANDBOX_ROOT"/.tmp.*
  SG_TMP=$(mktemp -d "$SANDBOX_ROOT/.tmp.XXXXXX")
  sg_at_exit sg_remove_staging_tmp
}

sg_remove_staging_tmp() { rm -rf "$SG_TMP"; }
