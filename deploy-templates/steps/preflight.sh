# preflight: the tools and the deployment's directories are there, before anything is touched. It asks Slurm
# nothing (the slurm step does, once the run holds the lock and knows there is something to do).
preflight() {
  local tool missing=()
  for tool in git flock tar sbatch squeue scrontab "$PYTHON"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] ||
    sg_die "required command(s) not found on $HOSTNAME: ${missing[*]} (PATH=$PATH); load them in the login profile or set project.python"
  # Usually all there (a test, no process); else one mkdir for all of them, and when that fails, one by one to say
  # which.
  if [ -d "$ROOT/releases" ] && [ -d "$ROOT/logs" ] && [ -d "$ROOT/leases" ] && [ -d "$VENV_STORE" ]; then
    :
  elif ! mkdir -p "$ROOT/releases" "$ROOT/logs" "$ROOT/leases" "$VENV_STORE" 2>/dev/null; then
    mkdir -p "$ROOT/releases" "$ROOT/logs" "$ROOT/leases" 2>/dev/null ||
      sg_die "cannot create $ROOT: $(id -un) has no write access to its parent"
    mkdir -p "$VENV_STORE" 2>/dev/null ||
      sg_die "cannot create the venv store $VENV_STORE: $(id -un) has no write access to its parent"
  fi
  [ -w "$ROOT" ] || sg_die "$ROOT is not writable by $(id -un)"
}
