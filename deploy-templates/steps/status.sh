# status: what is deployed and how its jobs run, reported as facts (result keys) from which the runner decides
# Sync and Health (src/status/). Changes nothing and takes no lock, with one exception: an interrupted go-live
# (golive.sh) that no run holds the lock for is repaired first, as every run of this deployment does, so that what
# status shows is what runs. Slurm is asked twice, whatever the number of jobs: one squeue and one sacct.
status() {
  echo "deployment: $BRANCH at $ROOT"
  sg_status_golive
  sg_status_release
  sg_status_table
  sg_status_slurm
}

# An unfinished go-live: repaired now when no run holds the lock; otherwise a run is going live right now.
sg_status_golive() {
  local golive=-
  if [ -f "$ROOT/$GOLIVE_FILE" ]; then
    exec 9>>"$ROOT/.lock"
    if flock -n 9; then
      sg_locked
    else
      golive="a run is going live right now: $(sg_lock_owner)"
      echo "$golive"
    fi
  fi
  sg_result golive "$golive"
}

# What `current` is (complete, incomplete or missing), its commit and block, and whether the files users and
# scrontab run are still the ones the release was made with.
sg_status_release() {
  local target state=missing
  target=$(readlink "$ROOT/current" 2>/dev/null || true)
  if [ -n "$target" ] && sg_is_release "${target#releases/}"; then
    state=complete
  elif [ -n "$target" ] || [ -e "$ROOT/current" ]; then
    state=incomplete
  fi
  if [ "$state" = incomplete ]; then
    echo "current: ${target:-not a link} (not a complete release)"
  else
    echo "current: ${target:-not deployed}"
  fi
  sg_result current "$state"
  sg_result sha "$(cat "$ROOT/current/REVISION" 2>/dev/null || echo -)"
  sg_result release "${target:+$ROOT/$target}"
  # The link is made anew when a release goes live (golive.sh): its own time is when this one did.
  sg_result live-since "$(stat -c %Y "$ROOT/current" 2>/dev/null || echo -)"
  echo "venv: $(readlink "$ROOT/current/$RENDERED_DIR/venv" 2>/dev/null || echo -)"
  echo "releases kept: $(sg_releases_newest_first | tr '\n' ' ')"
  echo "history (last 5):"
  tail -n 5 "$ROOT/history" 2>/dev/null || echo "  none"
  [ "$state" = complete ] || return 0
  sg_result release-block "$(base64 -w0 "$ROOT/current/$RENDERED_DIR/scrontab")"
  sg_status_files "$ROOT/current/$RENDERED_DIR"
  sg_status_links
}

# sg_status_files DIR: the rendered files against the checksums written when the release was made: `verified`,
# `changed` (changed-files: modified:PATH, missing:PATH, added:PATH), or `unverifiable` (a release made before
# checksums were written).
sg_status_files() {
  if [ ! -f "$1/$CHECKSUMS_FILE" ]; then
    sg_result release-files unverifiable
    return 0
  fi
  local changed
  # sha256sum prints "PATH: FAILED" for a changed file, "PATH: FAILED open or read" for a missing one.
  changed=$(
    cd "$1" || exit 1
    sha256sum -c --quiet "$CHECKSUMS_FILE" 2>/dev/null |
      sed -n -e 's/^\(.*\): FAILED open or read$/missing:\1/p' -e 's/^\(.*\): FAILED$/modified:\1/p'
    find . -type f ! -path "./$CHECKSUMS_FILE" ! -path ./FINGERPRINT -printf '%P\n' | LC_ALL=C sort |
      LC_ALL=C comm -13 <(sed 's/^[0-9a-f]*  //' "$CHECKSUMS_FILE" | LC_ALL=C sort) - | sed 's/^/added:/'
  ) || true
  if [ -z "$changed" ]; then
    sg_result release-files verified
  else
    echo "changed since the release was made: $(echo "$changed" | tr '\n' ' ')"
    sg_result release-files changed
    sg_result changed-files "$(echo "$changed" | tr '\n' ' ')"
  fi
}

# The stable paths point into `current` (golive.sh): `ok`, or the ones that do not.
sg_status_links() {
  local link changed=()
  for link in "${STABLE_LINKS[@]}"; do
    [ "$(readlink "$ROOT/$link" 2>/dev/null)" = "current/$RENDERED_DIR/$link" ] || changed+=("$link")
  done
  sg_result stable-links "${changed[*]:-ok}"
}

# This deployment's block as the account's table holds it (#DISABLED: lines included).
sg_status_table() {
  local block
  # In a subshell with a file of its own: a table that cannot be read is a fact to report, not the end of status.
  if block=$(
    file=$(mktemp) && trap 'rm -f "$file"' EXIT && sg_scrontab_read "$file" &&
      sg_scrontab_block extract "$file" | base64 -w0
  ); then
    sg_result scrontab-block "$block"
    echo "scrontab block:"
    printf '%s' "$block" | base64 -d | sed 's/^/  /'
  else
    sg_result scrontab-error "$(sg_field "$block")"
  fi
}

# The cluster's clock and time zone, then one squeue and one sacct, kept to the jobs of this deployment (names
# starting with $JOB_PREFIX). Times are epoch seconds (SLURM_TIME_FORMAT=%s): the runner reads them in the zone.
sg_status_slurm() {
  local user out since
  user=$(id -un)
  sg_result clock "$(date +%s)"
  sg_result time-zone "$(sg_time_zone)"
  sg_result utc-offset "$(date +%z)"
  if out=$(SLURM_TIME_FORMAT=%s squeue -h -u "$user" -o '%i|%j|%T|%S|%V|%r' 2>&1); then
    out=$(printf '%s\n' "$out" | sg_own_jobs)
    echo "queued (squeue): $(printf '%s' "$out" | grep -c . || true) job(s) of $JOB_PREFIX*"
    sg_result queue "$(printf '%s' "$out" | base64 -w0)"
  else
    echo "squeue failed: $out"
    sg_result queue-error "$(sg_field "$out")"
  fi
  [[ $SG_LOOKBACK_SECONDS =~ ^[0-9]+$ ]] ||
    sg_die "SG_LOOKBACK_SECONDS must be a number of seconds, not \"$SG_LOOKBACK_SECONDS\"" 2
  since=$(date -d "@$(($(date +%s) - SG_LOOKBACK_SECONDS))" +%Y-%m-%dT%H:%M:%S)
  # -D: a cron job keeps its id, and each of its runs is a record of its own (REQUEUED, with that run's exit
  # code); without it sacct shows only the latest. The newest records are kept, a bounded number.
  if out=$(SLURM_TIME_FORMAT=%s sacct -X -D -n -P -u "$user" -S "$since" \
    -o JobID,JobName,State,ExitCode,Submit,Start,End,Elapsed,Timelimit,NodeList 2>&1); then
    out=$(printf '%s\n' "$out" | sg_own_jobs | tail -n 1000)
    echo "runs (sacct since $since): $(printf '%s' "$out" | grep -c . || true) record(s)"
    sg_result runs "$(printf '%s' "$out" | base64 -w0)"
  else
    echo "sacct failed: $out"
    sg_result runs-error "$(sg_field "$out")"
  fi
}

# Lines of squeue or sacct (`|`-separated, the name second; no later field can hold a job name) of this
# deployment's jobs; the runner then keeps its jobs by their exact names.
sg_own_jobs() { grep -F -- "|$JOB_PREFIX" || true; }

# The login node's time zone by its IANA name when it tells one (TZ, the link /etc/localtime, /etc/timezone);
# empty otherwise (the runner then uses the offset).
sg_time_zone() {
  local zone=${TZ:-}
  zone=${zone#:}
  if [ -z "$zone" ] && [ -L /etc/localtime ]; then
    zone=$(readlink /etc/localtime)
    zone=${zone##*/zoneinfo/}
  fi
  if [ -z "$zone" ] && [ -r /etc/timezone ]; then zone=$(head -n 1 /etc/timezone); fi
  sg_field "$zone"
}
