# logs: the latest $SG_RUNS runs of the scheduled job $SG_JOB with their Slurm states (one sacct call), and where
# each run's output is in the job's output file. Changes nothing and takes no lock. A cron job keeps its job id
# from run to run, and its runs append to one file: each run's first line (written by the job script) names its
# job id, its run of that id and its start, which finds the run in the file; the runner reads the bytes itself.
logs() {
  [[ $SG_JOB =~ ^[A-Za-z0-9_.-]+$ && $SG_RUNS =~ ^[1-9][0-9]*$ && $SG_JOB_ID =~ ^[0-9]*$ ]] ||
    sg_die "logs needs a job name, a number of runs and (optionally) a job id; got job \"$SG_JOB\", runs \"$SG_RUNS\", job id \"$SG_JOB_ID\"" 2
  local log
  # The output file of the live release's entry (its --output), else where the block puts it.
  log=$(sed -n 's/^--output=//p' "$ROOT/current/$RENDERED_DIR/jobs/$SG_JOB.options" 2>/dev/null | tail -n 1)
  [ -n "$log" ] || log=$ROOT/logs/$SG_JOB.out
  sg_result log-path "$log"
  # -D: every run of a requeued (cron) job is its own row; without it sacct shows a job id's latest run only.
  # Far enough back for $SG_RUNS runs of a monthly job, at most about a year.
  local days=$((SG_RUNS * 31)) rows
  [ "$days" -le 400 ] || days=400
  rows=$(sacct -X -D -n -P -u "$(id -un)" --name "$JOB_PREFIX$SG_JOB" ${SG_JOB_ID:+-j "$SG_JOB_ID"} \
    -S "now-${days}days" -o "$LOGS_SACCT_FIELDS") || sg_die "sacct failed: $rows"
  # Runs are the rows that started (field 5): an install drops a cron job's queued instance (CANCELLED, Start
  # None), and the queued one has not started. Oldest first.
  rows=$(printf '%s\n' "$rows" | awk -F '|' '$5 ~ /^[0-9][0-9][0-9][0-9]-/' | sort -t '|' -k5,5 | tail -n "$SG_RUNS")
  sg_result runs "$(printf '%s' "$rows" | base64 -w0)"
  if [ ! -f "$log" ]; then
    echo "no output file $log yet"
    sg_result log-size -
    return 0
  fi
  sg_result log-size "$(stat -c %s "$log")"
  # The run lines since the oldest run listed, each with where its output ends: at the next run line, or the end.
  local since
  since=$(printf '%s\n' "$rows" | head -n 1 | cut -d '|' -f 5)
  case $since in [0-9][0-9][0-9][0-9]-*) ;; *) since='' ;; esac
  sg_result log-headers "$(grep -a -b -E '^\[[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[^]]*\] [^:]*: job [0-9]+ ' "$log" |
    awk -v size="$(stat -c %s "$log")" -v since="$since" '
      function flush(end) {
        if (line != "" && substr(line, 2, 19) >= since) print offset "\t" end "\t" substr(line, 1, 250)
      }
      { colon = index($0, ":"); next_offset = substr($0, 1, colon - 1); flush(next_offset)
        offset = next_offset; line = substr($0, colon + 1) }
      END { flush(size) }' | tail -n "$LOGS_MAX_HEADERS" | base64 -w0)"
}

# What logs asks sacct for, in this order (the runner reads them by position).
LOGS_SACCT_FIELDS=JobID,State,ExitCode,Submit,Start,End,Elapsed,NodeList,JobName
# At most this many run lines (of at most 250 characters) are reported: a result is one line of at most 64 KiB,
# and the runs listed (at most 100) need one each.
LOGS_MAX_HEADERS=150
