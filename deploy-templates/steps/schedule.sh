# schedule: the account's scrontab holds $RELEASE's block of this deployment (sg_scrontab_install). When the
# table cannot be updated, code and schedule go back to the release live before the switch. Either way the
# go-live is over.
schedule() {
  if ! sg_scrontab_install "$RELEASE/$RENDERED_DIR/scrontab"; then
    sg_golive_back "${SG_PREVIOUS_TARGET:--}" ||
      sg_die "scrontab update failed, and so did going back to ${SG_PREVIOUS_TARGET:-no release}: the next run of this deployment repairs it"
    sg_golive_end
    sg_die "scrontab update failed; the previous release and its schedule are live again"
  fi
  sg_golive_end
}
