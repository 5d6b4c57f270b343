# retention: the newest $KEEP_RUNS run directories of this sandbox stay (sandbox.keepRuns), and so does any run
# whose job is still queued or running; older ones go, and with them their links into the venv store.
retention() {
  local queued run old=()
  # One query for all of the account's jobs: the run's name ends its job's name.
  queued=$(squeue -h -u "$(id -un)" -o %j 2>/dev/null | grep -F "$JOB_PREFIX$SG_SANDBOX-" || true)
  # shellcheck disable=SC2012 # run names are digits, - and hex; ls -t orders them newest first
  mapfile -t old < <(ls -1t "$SANDBOX/runs" | tail -n +$((KEEP_RUNS + 1)))
  for run in ${old[@]+"${old[@]}"}; do
    if printf '%s\n' "$queued" | grep -qxF "$JOB_PREFIX$SG_SANDBOX-$run"; then
      echo "keeping run $run: its job is still queued or running"
      continue
    fi
    echo "removing run $run (sandbox.keepRuns: $KEEP_RUNS)"
    rm -rf "${SANDBOX:?}/runs/$run"
  done
}
