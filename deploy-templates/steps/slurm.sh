# slurm: scrontab works for this account (enabled, the controller answers) and every partition the deployment
# uses exists, before anything changes: two queries of the controller, whatever the number of partitions.
slurm() {
  sg_scrontab_read "$SG_TMP/scrontab.probe"
  local known partition
  # --all: a hidden partition is still one a job may name.
  known=$(sinfo --all -h -o %R 2>&1) || sg_die "sinfo failed: $known"
  for partition in "${PARTITIONS[@]}"; do
    case $'\n'"$known"$'\n' in *$'\n'"$partition"$'\n'*) ;; *)
      sg_die "partition \"$partition\" does not exist on this cluster; it has: $(printf '%s\n' "$known" | sort -u | tr '\n' ' ')" ;;
    esac
  done
}
