# venv: the venv for commit $SG_SHA's $REQUIREMENTS is in $VENV_STORE, keyed by everything that decides its
# content (python version, requirements, pip args): reused when complete, else built. Sets VENV.
venv() {
  local wanted=$SG_TMP/requirements.txt
  git -C "$MIRROR" show "$SG_SHA:$REQUIREMENTS" >"$wanted" 2>/dev/null ||
    sg_die "the commit has no $REQUIREMENTS (project.requirements)"
  local hash
  hash=$({
    "$PYTHON" -c 'import sys; print(sys.version)'
    cat "$wanted"
    printf '%s\n' "${PIP_ARGS[@]}"
  } | sha256sum | cut -c1-16)
  VENV=$VENV_STORE/$hash
  if [ -f "$VENV/.complete" ]; then
    echo "venv $hash is complete: reused"
    sg_result venv reused
  else
    # Venvs cannot be moved, so it is built in place; `.complete` is written last.
    [ ! -e "$VENV" ] || echo "removing incomplete venv $hash left by an interrupted deploy"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input ${PIP_ARGS[@]+"${PIP_ARGS[@]}"} \
      -r "$wanted" || {
      rm -rf "$VENV"
      sg_die "pip install -r $REQUIREMENTS failed; the previous release stays live"
    }
    touch "$VENV/.complete"
    sg_result venv built
  fi
  sg_result venv-path "$VENV"
}
