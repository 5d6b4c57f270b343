# schedule: the account's scrontab holds $RELEASE's block of this deployment; installed only when the table
# changes (every install cancels and resubmits all of the account's cron jobs). When the table cannot be
# updated, `current` goes back to where it pointed before the switch, so code and schedule agree.
schedule() {
  if ! sg_scrontab_install "$RELEASE/$RENDERED_DIR/scrontab"; then
    if [ -n "$SG_PREVIOUS_TARGET" ]; then
      sg_point current "$SG_PREVIOUS_TARGET"
      echo "current switched back to $SG_PREVIOUS_TARGET"
    else
      rm -f "$ROOT/current"
      echo "current removed: there was no previous release"
    fi
    sg_die "scrontab update failed; current is back on the previous release"
  fi
}

sg_scrontab_install() {
  local block=$1 old=$SG_TMP/scrontab.old new=$SG_TMP/scrontab.new readback=$SG_TMP/scrontab.readback
  sg_scrontab_read "$old"
  sg_scrontab_block replace "$old" "$block" >"$new"
  # The block now in force, for the summary (a rollback installs the restored release's block, not the plan's).
  sg_result scrontab-block "$(base64 -w0 "$block")"
  if cmp -s "$old" "$new"; then
    echo "scrontab unchanged: not reinstalled (an install resubmits every cron job of $(id -un))"
    sg_result scrontab unchanged
    return 0
  fi
  scrontab "$new" || return 1
  if ! scrontab -l >"$readback" 2>&1 || ! cmp -s "$new" "$readback"; then
    echo "scrontab read back differs from what was installed:"
    diff "$new" "$readback" || true
    return 1
  fi
  sg_result scrontab changed
}
