# unschedule (remove): this deployment's block leaves the account's scrontab (every other line stays as it is;
# one install, which makes Slurm drop the block's cron jobs), and what is left of its jobs is cancelled, by job
# id only. Refuses while one of its jobs runs, unless SG_FORCE=true: that run is then cancelled.
unschedule() {
  local table=$SG_TMP/scrontab.now names
  sg_scrontab_read "$table"
  # Its jobs: the entries of its block on the cluster (live or disabled), and the config's.
  names=$({
    sg_scrontab_block extract "$table" | sg_scrontab_entries - | cut -f 2
    printf "$JOB_PREFIX%s\n" ${JOBS[@]+"${JOBS[@]}"}
  } | grep -vxF -- - | sort -u)
  local id state name start running=() queued=()
  while IFS='|' read -r id state start name; do
    printf '%s\n' "$names" | grep -qxF -- "$name" || continue
    if [ "$state" = PENDING ]; then queued+=("$id"); else running+=("$id $name ($state since $start)"); fi
  done < <(squeue -h -u "$(id -un)" -o '%i|%T|%S|%j')
  if [ ${#running[@]} -gt 0 ] && [ "$SG_FORCE" != true ]; then
    sg_die "a job of this deployment is running: $(printf '%s; ' "${running[@]}")let it end, or remove with --force, which cancels it (by its job id)"
  fi
  local scheduled
  scheduled=$(sg_scrontab_block extract "$table")
  sg_scrontab_install /dev/null || sg_die "scrontab update failed: the block of $BRANCH is still installed, and nothing was removed"
  [ -z "$scheduled" ] || sg_removed "scrontab block"
  # The install dropped the block's queued cron jobs; a job still listed is cancelled by id. Only after the install:
  # cancelling a job that is still a cron job would disable (rewrite) its line in the table.
  local cancelled=() job
  for job in ${queued[@]+"${queued[@]}"} ${running[@]+"${running[@]%% *}"}; do
    if squeue -h -j "$job" -t PENDING,CONFIGURING,RUNNING,SUSPENDED -o %i 2>/dev/null | grep -qxF -- "$job"; then
      scancel "$job" && cancelled+=("$job") && echo "cancelled job $job"
    fi
  done
  sg_result cancelled "${cancelled[*]}"
}

# sg_removed WHAT: one more thing this run removed (for its result and its history line, also when it fails later).
sg_removed() {
  SG_REMOVED="$SG_REMOVED${SG_REMOVED:+; }$1"
  echo "removed $1"
}
