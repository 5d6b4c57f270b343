# preflight: the tools, scrontab, the partitions and the deployment's directories are there, before anything
# is touched.
preflight() {
  local tool missing=()
  for tool in git flock tar sbatch squeue scrontab "$PYTHON"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] ||
    sg_die "required command(s) not found on $(hostname): ${missing[*]} (PATH=$PATH); load them in the login profile or set project.python"
  # Reading the table proves scrontab works for this account (enabled, controller reachable).
  local table
  table=$(mktemp)
  # In a subshell, so that the probe's file goes also when it fails (its message is already printed).
  (sg_scrontab_read "$table") || { rm -f "$table" && exit 1; }
  rm -f "$table"
  local partition
  for partition in "${PARTITIONS[@]}"; do
    scontrol show partition "$partition" >/dev/null 2>&1 ||
      sg_die "partition \"$partition\" does not exist on this cluster; it has: $(sinfo -h -o %R | sort -u | tr '\n' ' ')"
  done
  mkdir -p "$ROOT/releases" "$ROOT/logs" "$ROOT/leases" 2>/dev/null ||
    sg_die "cannot create $ROOT: $(id -un) has no write access to its parent"
  [ -w "$ROOT" ] || sg_die "$ROOT is not writable by $(id -un)"
  mkdir -p "$VENV_STORE" 2>/dev/null || sg_die "cannot create the venv store $VENV_STORE: $(id -un) has no write access to its parent"
}
