# sandbox_remove (sandbox script, mode remove): the sandbox $SG_SANDBOX goes: its run directories (and with them
# their links into the venv store, which is then pruned of venvs nothing uses) and its refs in the sandboxes'
# mirror. Its queued jobs are cancelled; it refuses while one of them runs, unless SG_FORCE=true (then that one is
# cancelled too). Jobs are cancelled by id, and only jobs of this account named exactly as this sandbox's runs
# are (<project>-sandbox-<sandbox>-<run>, sandboxJobName in src/sandbox/job-name.ts): nothing else is touched.
sandbox_remove() {
  # staging_lock made $SANDBOX/runs if it was not there: a sandbox with nothing else has nothing to remove.
  if [ -z "$(ls -A "$SANDBOX/runs")" ] && [ "$(ls -A "$SANDBOX")" = runs ]; then
    rmdir "$SANDBOX/runs" "$SANDBOX"
    echo "sandbox $SG_SANDBOX has nothing on this cluster"
    sg_result cancelled ''
    sg_result removed ''
    return 0
  fi
  local runs=() run names='' id state name running=() queued=()
  # shellcheck disable=SC2012 # run names are digits, - and hex
  mapfile -t runs < <(ls -1 "$SANDBOX/runs" 2>/dev/null)
  for run in ${runs[@]+"${runs[@]}"}; do names+="$JOB_PREFIX$SG_SANDBOX-$run"$'\n'; done
  while IFS='|' read -r id state name; do
    printf '%s' "$names" | grep -qxF -- "$name" || continue
    if [ "$state" = PENDING ]; then queued+=("$id"); else running+=("$id $name ($state)"); fi
  done < <(squeue -h -u "$(id -un)" -o '%i|%T|%j')
  if [ ${#running[@]} -gt 0 ] && [ "$SG_FORCE" != true ]; then
    sg_die "a job of sandbox $SG_SANDBOX is running: $(printf '%s; ' "${running[@]}")let it end, cancel it (slurm-gitops cancel JOBID), or remove with --force, which cancels it"
  fi
  local cancelled=() job
  for job in ${queued[@]+"${queued[@]}"} ${running[@]+"${running[@]%% *}"}; do
    scancel "$job" && cancelled+=("$job") && echo "cancelled job $job"
  done
  sg_result cancelled "${cancelled[*]}"
  rm -rf "${SANDBOX:?}"
  local removed="sandbox $SANDBOX (${#runs[@]} run(s))" ref
  echo "removed $removed"
  # Its runs' refs in the shared mirror (refs/slurm-gitops/sandbox/<sandbox>/<run>): their commits may go at gc.
  if [ -d "$MIRROR" ]; then
    while IFS= read -r ref; do
      git -C "$MIRROR" update-ref -d "$ref"
    done < <(git -C "$MIRROR" for-each-ref --format='%(refname)' "refs/slurm-gitops/sandbox/$SG_SANDBOX/")
  fi
  [ ! -d "$VENV_STORE" ] || sg_prune_venv_store
  sg_result removed "$removed"
}
