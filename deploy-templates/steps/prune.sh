# prune: keeps the newest $KEEP_RELEASES releases, the live one and every release a queued or running job uses
# (its lease), and removes the others; then the venvs nothing uses any more: in this deployment's store of
# earlier versions ($OLD_VENV_STORE), and in the project's store ($VENV_STORE).
prune() {
  sg_prune_releases
  sg_prune_old_venv_store
  sg_prune_venv_store
}

sg_prune_releases() {
  local -A keep=()
  local name lease live
  # Releases leased by a job that is still queued or running are kept, whatever their age.
  for lease in "$ROOT"/leases/*; do
    [ -f "$lease" ] || continue
    if squeue -h -j "${lease##*/}" -o %i 2>/dev/null | grep -q .; then
      # A lease cut short (its job killed while writing it) names nothing.
      name=''
      read -r name <"$lease" || true
      [ -z "$name" ] || keep[${name##*/}]=1
    else
      rm -f "$lease"
    fi
  done
  local kept=0
  while read -r name; do
    [ "$kept" -lt "$KEEP_RELEASES" ] || break
    keep[$name]=1
    kept=$((kept + 1))
  done < <(sg_releases_newest_first)
  live=$(readlink -f "$ROOT/current")
  keep[${live##*/}]=1
  for name in "$ROOT"/releases/*; do
    name=${name##*/}
    if [ -z "${keep[$name]:-}" ]; then
      echo "removing release $name"
      rm -rf "${ROOT:?}/releases/$name"
    fi
  done
}

# Only this deployment's releases link into its old store, and its deploy lock is held: no store lock needed.
sg_prune_old_venv_store() {
  [ -d "$OLD_VENV_STORE" ] && [ "$(readlink -f "$OLD_VENV_STORE")" != "$(readlink -f "$VENV_STORE")" ] || return 0
  sg_remove_unused_venvs "$OLD_VENV_STORE" "$ROOT"/releases/*/"$RENDERED_DIR"/venv
  if rmdir "$OLD_VENV_STORE" 2>/dev/null; then echo "removed $OLD_VENV_STORE: no release uses it any more"; fi
}

# Every deployment's releases, every sandbox run and every run between its venv and release steps (a claim) may
# use a venv of the project's store. A run that is building one holds the lock: then pruning waits for a later
# deploy rather than making this one wait.
sg_prune_venv_store() {
  exec 8>>"$VENV_STORE/.lock"
  if ! flock -n 8; then
    echo "the venv store is busy ($(cat "$VENV_STORE/.lock.holder" 2>/dev/null || echo unknown)): a later deploy prunes it"
    exec 8>&-
    return 0
  fi
  # Claims of runs killed before their exit trap (a run lasts at most $LEFTOVER_MINUTES minutes): looked for only
  # when there is another claim than this run's own.
  local claim
  for claim in "$VENV_STORE"/.claims/*; do
    if [ "$claim" != "$SG_VENV_CLAIM" ] && { [ -e "$claim" ] || [ -L "$claim" ]; }; then
      find "$VENV_STORE/.claims" -mindepth 1 -maxdepth 1 -mmin +"$LEFTOVER_MINUTES" -delete 2>/dev/null || true
      break
    fi
  done
  local deployment links=()
  for deployment in "${DEPLOYMENT_ROOTS[@]}"; do links+=("$deployment"/releases/*/"$RENDERED_DIR"/venv); done
  sg_remove_unused_venvs "$VENV_STORE" ${links[@]+"${links[@]}"} \
    "$SANDBOX_ROOT"/*/runs/*/"$RENDERED_DIR"/venv "$VENV_STORE"/.claims/*
  exec 8>&-
}

# sg_remove_unused_venvs STORE LINK…: removes every venv of STORE that no LINK points at (compared as resolved
# paths, so a link written another way still counts).
sg_remove_unused_venvs() {
  local store=$1 path i links=() venvs=() resolved=()
  local -A used=()
  shift
  for path in "$@"; do [ ! -L "$path" ] || links+=("$path"); done
  for path in "$store"/*; do [ ! -d "$path" ] || venvs+=("$path"); done
  [ ${#venvs[@]} -gt 0 ] || return 0
  # One readlink for every path (the links' targets, then the venvs themselves, a line each in the order given;
  # -m: a line even for a link whose target is gone). Anything else and nothing is removed.
  mapfile -t resolved < <(readlink -m -- ${links[@]+"${links[@]}"} "${venvs[@]}")
  [ ${#resolved[@]} -eq $((${#links[@]} + ${#venvs[@]})) ] || return 0
  for path in "${resolved[@]:0:${#links[@]}}"; do used[$path]=1; done
  for i in "${!venvs[@]}"; do
    if [ -z "${used[${resolved[${#links[@]} + i]}]:-}" ]; then
      echo "removing venv ${venvs[i]##*/} of $store (nothing uses it)"
      rm -rf "${venvs[i]}"
    fi
  done
}
