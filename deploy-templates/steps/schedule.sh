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
  # Slurm has now dropped every cron job of the account and submitted each live entry anew, with a new job id.
  sg_scrontab_reenabled "$old" "$block"
  sg_scrontab_running "$old"
  sg_result resubmitted "$(sg_scrontab_job_names live "$new" | base64 -w0)"
  sg_result scrontab changed
}

# sg_scrontab_reenabled OLD BLOCK: a warning for each entry of this deployment that the table OLD had disabled
# (`#DISABLED:`, Slurm's mark of a cancelled cron job) and BLOCK, now installed, has live: it is on again.
sg_scrontab_reenabled() {
  local name
  while IFS= read -r name; do
    sg_warn "the scheduled job $name was disabled on the cluster (#DISABLED: in the scrontab, which Slurm writes when its cron job is cancelled, e.g. by scancel); this run enabled it again, as git says. To keep it off, set enabled: false on the job in the config"
  done < <(sg_scrontab_job_names live "$2" |
    grep -Fxf <(sg_scrontab_block extract "$1" | sg_scrontab_job_names disabled -) || true)
}

# sg_scrontab_running OLD: the jobs of the entries of OLD, the table before the install, that run now (result
# running-jobs: job id, name and start, one a line, base64). The install ended their cron jobs: each run
# finishes as a one-off, and the new entry's first run comes at its next scheduled time.
sg_scrontab_running() {
  local names running='' id name start
  names=$(sg_scrontab_job_names live "$1" | grep -vxF -- - || true)
  [ -n "$names" ] || return 0
  while IFS='|' read -r id start name; do
    if printf '%s\n' "$names" | grep -qxF -- "$name"; then running+="$id"$'\t'"$name"$'\t'"$start"$'\n'; fi
  done < <(squeue -h -u "$(id -un)" -t CONFIGURING,RUNNING,COMPLETING,SUSPENDED -o '%i|%S|%j' 2>/dev/null || true)
  [ -n "$running" ] || return 0
  echo "running now, each finishing as a one-off run: $(printf '%s' "$running" | tr '\t\n' ' ;')"
  sg_result running-jobs "$(printf '%s' "$running" | base64 -w0)"
}
