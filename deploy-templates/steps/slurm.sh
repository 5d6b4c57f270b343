# slurm: scrontab works for this account (enabled, the controller answers) and every partition the deployment
# uses exists, before anything changes: two queries of the controller, whatever the number of partitions.
slurm() {
  sg_slurm_ask
  local status=0 known partition
  sg_wait_background "${SG_SLURM_QUERIES[0]}" || status=$?
  sg_scrontab_answer "$SG_TMP/scrontab.probe" "$status"
  status=0
  sg_wait_background "${SG_SLURM_QUERIES[1]}" || status=$?
  sg_read_file known "$SG_TMP/partitions"
  known=${known%$'\n'}
  [ "$status" -eq 0 ] || sg_die "sinfo failed: $known"
  for partition in "${PARTITIONS[@]}"; do
    case $'\n'"$known"$'\n' in *$'\n'"$partition"$'\n'*) ;; *)
      sg_die "partition \"$partition\" does not exist on this cluster; it has: $(printf '%s\n' "$known" | sort -u | tr '\n' ' ')" ;;
    esac
  done
}

# sg_slurm_ask: the slurm step's two queries start, together, in the background (sg_background), their answers
# into $SG_TMP; the step waits for them. A deploy asks before its fetch, so that they run while the commit is
# fetched (the fetch changes only the mirror: the answers are still checked before anything is built or goes live).
sg_slurm_ask() {
  [ -z "$SG_SKIP_REST" ] && [ ${#SG_SLURM_QUERIES[@]} -eq 0 ] || return 0
  local scrontab sinfo
  sg_background scrontab scrontab -l >"$SG_TMP/scrontab.probe" 2>"$SG_TMP/scrontab.probe.err"
  # --all: a hidden partition is still one a job may name.
  sg_background sinfo sinfo --all -h -o %R >"$SG_TMP/partitions" 2>&1
  SG_SLURM_QUERIES=("$scrontab" "$sinfo")
}
