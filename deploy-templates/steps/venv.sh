# venv: the venv for commit $SG_SHA's $REQUIREMENTS is in the project's store $VENV_STORE, keyed by everything
# that decides its content (python version, requirements, pip args): reused when complete, else built. Every
# deployment and sandbox of the project shares the store, so a promotion with the same requirements builds
# nothing. Sets VENV, and claims it until this run ends (SG_VENV_CLAIM).
venv() {
  local wanted=$SG_TMP/requirements.txt
  git -C "$MIRROR" show "$SG_SHA:$REQUIREMENTS" >"$wanted" 2>/dev/null ||
    sg_die "the commit has no $REQUIREMENTS (project.requirements)"
  local hash
  hash=$(sg_venv_key "$wanted") || sg_die "could not compute the venv's key with $PYTHON (project.python)"
  hash=${hash:0:16}
  VENV=$VENV_STORE/$hash
  sg_venv_store_lock
  sg_venv_claim
  if [ -f "$VENV/.complete" ]; then
    echo "venv $hash is complete: reused"
    sg_result venv reused
  else
    # Venvs cannot be moved, so it is built in place; `.complete` is written last. Under the store's lock no
    # other run builds here, so what is incomplete is a leftover of an interrupted one.
    if [ -e "$VENV" ] || [ -L "$VENV" ]; then
      echo "removing incomplete venv $hash left by an interrupted run"
      rm -rf "$VENV"
    fi
    "$PYTHON" -m venv "$VENV"
    # Contained (sg_contained): a build backend that starts a process cannot keep this run's locks.
    sg_contained "pip install" 0 "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input \
      ${PIP_ARGS[@]+"${PIP_ARGS[@]}"} -r "$wanted" || {
      rm -rf "$VENV"
      sg_die "pip install -r $REQUIREMENTS failed; the previous release stays live"
    }
    : >"$VENV/.complete"
    sg_result venv built
  fi
  sg_venv_store_unlock
  sg_result venv-path "$VENV"
}

# sg_venv_key REQUIREMENTS: the sha256 (hex) of what decides a venv's content: the python's version, the
# requirements file and the pip args, one a line (none: one empty line). Venvs already built keep their key only
# while these bytes stay the same. -S: the version is the interpreter's, so site (and its .pth files) need not
# load. The guard on PIP_ARGS: bash before 4.4 takes an empty array for an unset one under set -u.
sg_venv_key() {
  local key
  key=$({
    "$PYTHON" -S -c 'import sys; print(sys.version)'
    cat "$1"
    printf '%s\n' ${PIP_ARGS[@]+"${PIP_ARGS[@]}"}
  } | sha256sum) || return
  printf '%s\n' "${key%% *}"
}

# The store's lock ($VENV_STORE/.lock, fd 8): held to build a venv or prune the store. Runs of other deployments
# (and sandboxes) hold their own deploy locks, so two of them may want the same venv at once.
sg_venv_store_lock() {
  exec 8>>"$VENV_STORE/.lock"
  if ! flock -n 8; then
    echo "waiting up to ${LOCK_TIMEOUT}s for the venv store $VENV_STORE: $(cat "$VENV_STORE/.lock.holder" 2>/dev/null || echo unknown)"
    flock -w "$LOCK_TIMEOUT" 8 ||
      sg_die "the venv store $VENV_STORE is still locked after ${LOCK_TIMEOUT}s: $(cat "$VENV_STORE/.lock.holder" 2>/dev/null || echo unknown)"
  fi
  local now
  sg_utc_now now
  printf '%s\tmode=%s\tsha=%s\thost=%s\tpid=%s\n' "$now" "$SG_MODE" "$SG_SHA" "$HOSTNAME" "$$" >"$VENV_STORE/.lock.holder"
}

sg_venv_store_unlock() { exec 8>&-; }

# A claim is a link $VENV_STORE/.claims/<host>.<pid> -> $VENV, made under the lock and removed on exit: pruning
# keeps what is claimed, so no venv goes between this step and the release that links it.
sg_venv_claim() {
  [ -d "$VENV_STORE/.claims" ] || mkdir -p "$VENV_STORE/.claims"
  SG_VENV_CLAIM=$VENV_STORE/.claims/$HOSTNAME.$$
  ln -sfn "$VENV" "$SG_VENV_CLAIM"
  sg_at_exit sg_venv_unclaim
}

sg_venv_unclaim() { rm -f "$SG_VENV_CLAIM"; }
