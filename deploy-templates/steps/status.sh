# status: what is deployed, kept, scheduled and recently run. Changes nothing and takes no lock, with one
# exception: an interrupted go-live (golive.sh) that no run holds the lock for is repaired first, as every run
# of this deployment does, so that what status shows is what runs.
status() {
  if [ -f "$ROOT/$GOLIVE_FILE" ]; then
    exec 9>>"$ROOT/.lock"
    if flock -n 9; then
      sg_locked
    else
      echo "going live: $(sg_lock_owner)"
    fi
  fi
  echo "deployment: $BRANCH at $ROOT"
  echo "current: $(readlink "$ROOT/current" 2>/dev/null || echo 'not deployed')"
  sg_result sha "$(cat "$ROOT/current/REVISION" 2>/dev/null || echo -)"
  echo "venv: $(readlink "$ROOT/current/$RENDERED_DIR/venv" 2>/dev/null || echo -)"
  echo "releases kept: $(sg_releases_newest_first | tr '\n' ' ')"
  echo "history (last 5):"
  tail -n 5 "$ROOT/history" 2>/dev/null || echo "  none"
  echo "scrontab block:"
  scrontab -l 2>/dev/null | sg_scrontab_block extract - | sed 's/^/  /' || true
  echo "scheduled jobs (squeue):"
  squeue -h -u "$(id -un)" -o '  %i %j %T next start: %S' 2>/dev/null | grep -F "$JOB_PREFIX" || echo "  none queued"
  echo "recent runs (sacct, last 7 days):"
  sacct -X -n -S now-7days -u "$(id -un)" -o JobID,JobName%40,State,ExitCode,Start,End 2>/dev/null |
    grep -F "$JOB_PREFIX" | tail -n 10 || echo "  none"
}
