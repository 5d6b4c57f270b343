# prune: keeps the newest $KEEP_RELEASES releases, the live one and every release a queued or running job uses
# (its lease), removes the others, then every venv no kept release links to.
prune() {
  local keep=() leased=() name lease job
  # Releases leased by a job that is still queued or running are kept, whatever their age.
  for lease in "$ROOT"/leases/*; do
    [ -f "$lease" ] || continue
    job=$(basename "$lease")
    if squeue -h -j "$job" -o %i 2>/dev/null | grep -q .; then
      leased+=("$(basename "$(cat "$lease")")")
    else
      rm -f "$lease"
    fi
  done
  mapfile -t keep < <(sg_releases_newest_first | head -n "$KEEP_RELEASES")
  keep+=("$(basename "$(readlink -f "$ROOT/current")")" ${leased[@]+"${leased[@]}"})
  for name in "$ROOT"/releases/*; do
    name=$(basename "$name")
    if ! printf '%s\n' "${keep[@]}" | grep -qxF "$name"; then
      echo "removing release $name"
      rm -rf "${ROOT:?}/releases/$name"
    fi
  done
  local used venv
  used=$(for name in "$ROOT"/releases/*/"$RENDERED_DIR"/venv; do readlink "$name"; done 2>/dev/null || true)
  for venv in "$VENV_STORE"/*; do
    [ -d "$venv" ] || continue
    if ! printf '%s\n' "$used" | grep -qxF "$venv"; then
      echo "removing venv $(basename "$venv") (no kept release uses it)"
      rm -rf "$venv"
    fi
  done
}
