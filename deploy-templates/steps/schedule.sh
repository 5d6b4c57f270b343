# schedule: the account's scrontab holds $RELEASE's block of this deployment; installed only when the table
# changes (every install cancels and resubmits all of the account's cron jobs). When the table cannot be
# updated, code and schedule go back to the release live before the switch. Either way the go-live is over.
schedule() {
  if ! sg_scrontab_install "$RELEASE/$RENDERED_DIR/scrontab"; then
    sg_golive_back "${SG_PREVIOUS_TARGET:--}" ||
      sg_die "scrontab update failed, and so did going back to ${SG_PREVIOUS_TARGET:-no release}: the next run of this deployment repairs it"
    sg_golive_end
    sg_die "scrontab update failed; the previous release and its schedule are live again"
  fi
  sg_golive_end
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
