# The account's scrontab table and this deployment's marked block in it ($BLOCK_BEGIN … $BLOCK_END).

# sg_scrontab_read FILE: the table into FILE; no table yet is an empty FILE. Told apart by scrontab's exit status
# and its exact messages (Slurm's src/scrontab/scrontab.c), never by what a table may contain: a comment or a
# #DISABLED: entry can say "disabled".
sg_scrontab_read() {
  local status=0
  scrontab -l >"$1" 2>"$1.err" || status=$?
  sg_scrontab_answer "$1" "$status"
}

# sg_scrontab_answer FILE STATUS: what `scrontab -l` answered (the table in FILE, its errors in FILE.err, its exit
# STATUS), as sg_scrontab_read tells it: FILE is the table, empty when there is none; else the run ends.
sg_scrontab_answer() {
  [ "$2" -ne 0 ] || return 0
  # No table yet: "no crontab for USER" on stdout, exit 1.
  if grep -q '^no crontab for ' "$1"; then
    : >"$1"
    return 0
  fi
  local errors
  sg_read_file errors "$1.err"
  errors=${errors%$'\n'}
  # ScronParameters without "enable": `fatal("scrontab is disabled on this cluster")`, on stderr, exit 1.
  case $errors in
  *'scrontab is disabled on this cluster'*)
    sg_die "scrontab is disabled on this cluster (Slurm's ScronParameters=enable is not set): ask the cluster admins to enable it; scheduled jobs need it" ;;
  esac
  sg_die "scrontab -l failed (exit $2): $errors$(cat "$1")"
}

# sg_scrontab_block extract TABLE: prints only our block of TABLE (- for stdin).
# sg_scrontab_block replace TABLE BLOCKFILE: prints TABLE with our block replaced by BLOCKFILE (appended when
# TABLE has none); every other line (other blocks, hand-written entries, #DISABLED:) stays as it is.
sg_scrontab_block() {
  awk -v mode="$1" -v begin="$BLOCK_BEGIN" -v end="$BLOCK_END" -v blockfile="${3:-}" '
    function emit(  line) { while ((getline line < blockfile) > 0) print line; close(blockfile); done = 1 }
    $0 == begin { inside = 1; if (mode == "extract") print; else if (!done) emit(); next }
    inside && $0 == end { inside = 0; if (mode == "extract") print; next }
    inside { if (mode == "extract") print; next }
    mode == "replace" { print }
    END { if (mode == "replace" && !done) emit() }
  ' "$2"
}

# sg_scrontab_holds BLOCKFILE: the table has this block already (installing it would change nothing). Leaves the
# table in $SG_TMP/scrontab.old and the table with this block in $SG_TMP/scrontab.new.
sg_scrontab_holds() {
  sg_scrontab_read "$SG_TMP/scrontab.old"
  sg_scrontab_block replace "$SG_TMP/scrontab.old" "$1" >"$SG_TMP/scrontab.new"
  cmp -s "$SG_TMP/scrontab.old" "$SG_TMP/scrontab.new"
}

# sg_scrontab_install BLOCKFILE: the table with this deployment's block replaced by BLOCKFILE, installed only when
# that changes it (every install cancels and resubmits all of the account's cron jobs), and read back.
sg_scrontab_install() {
  local block=$1 new=$SG_TMP/scrontab.new readback=$SG_TMP/scrontab.readback
  # The block now in force, for the summary (a rollback installs the restored release's block, not the plan's).
  sg_result scrontab-block "$(base64 -w0 "$block")"
  if sg_scrontab_holds "$block"; then
    echo "scrontab unchanged: not reinstalled (an install resubmits every cron job of ${USER:-$(id -un)})"
    sg_result scrontab unchanged
    return 0
  fi
  scrontab "$new" || return 1
  if ! scrontab -l >"$readback" 2>&1 || ! cmp -s "$new" "$readback"; then
    echo "scrontab read back differs from what was installed:"
    diff "$new" "$readback" || true
    return 1
  fi
  # Slurm has now dropped every cron job of the account and submitted each live entry anew, with a new job id.
  sg_scrontab_reenabled "$SG_TMP/scrontab.old" "$block"
  sg_scrontab_running "$SG_TMP/scrontab.old"
  sg_result resubmitted "$(sg_scrontab_job_names live "$new" | base64 -w0)"
  sg_result scrontab changed
}

# sg_scrontab_reenabled OLD BLOCK: a warning for each entry of this deployment that the table OLD had disabled
# (`#DISABLED:`, Slurm's mark of a cancelled cron job) and BLOCK, now installed, has live: it is on again.
sg_scrontab_reenabled() {
  local name
  while IFS= read -r name; do
    sg_warn "the scheduled job $name was disabled on the cluster (#DISABLED: in the scrontab, which Slurm writes when its cron job is cancelled, e.g. by scancel); this run enabled it again, as git says. To keep it off, set enabled: false on the job in the config"
  done < <(sg_scrontab_job_names live "$2" |
    grep -Fxf <(sg_scrontab_block extract "$1" | sg_scrontab_job_names disabled -) || true)
}

# sg_scrontab_running OLD: the jobs of the entries of OLD, the table before the install, that run now (result
# running-jobs: job id, name and start, one a line, base64). The install ended their cron jobs: each run
# finishes as a one-off, and the new entry's first run comes at its next scheduled time.
sg_scrontab_running() {
  local names running='' id name start
  names=$(sg_scrontab_job_names live "$1" | grep -vxF -- - || true)
  [ -n "$names" ] || return 0
  while IFS='|' read -r id start name; do
    if printf '%s\n' "$names" | grep -qxF -- "$name"; then running+="$id"$'\t'"$name"$'\t'"$start"$'\n'; fi
  done < <(squeue -h -u "$(id -un)" -t CONFIGURING,RUNNING,COMPLETING,SUSPENDED -o '%i|%S|%j' 2>/dev/null || true)
  [ -n "$running" ] || return 0
  echo "running now, each finishing as a one-off run: $(printf '%s' "$running" | tr '\t\n' ' ;')"
  sg_result running-jobs "$(printf '%s' "$running" | base64 -w0)"
}

# sg_scrontab_entries TABLE: one line per cron entry of TABLE (- for stdin): `live` or `disabled` (its lines
# begin with $DISABLED_PREFIX, as Slurm writes them when the cron job is cancelled, or as a job with
# `enabled: false` is rendered), a tab, its job name from the `#SCRON` options before it (`-` when none), a tab,
# the entry. Comments, blank lines and environment settings are not entries (Slurm's src/scrontab/scrontab.c).
sg_scrontab_entries() {
  awk -v disabled="$DISABLED_PREFIX" '
    { line = $0; state = "live" }
    index(line, disabled) == 1 { line = substr(line, length(disabled) + 1); state = "disabled" }
    { sub(/^[ \t]+/, "", line) }
    line == "" { next }
    line ~ /^#SCRON/ {
      n = split(line, word, /[ \t]+/)
      for (i = 2; i <= n; i++) {
        if (word[i] ~ /^--job-name=/) name = substr(word[i], 12)
        else if ((word[i] == "-J" || word[i] == "--job-name") && i < n) name = word[i + 1]
        else if (word[i] ~ /^-J./) name = substr(word[i], 3)
      }
      next
    }
    line ~ /^#/ || line ~ /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=/ { next }
    { print state "\t" (name == "" ? "-" : name) "\t" line; name = "" }
  ' "$1"
}

# sg_scrontab_job_names STATE TABLE: the job names of TABLE's entries that are STATE (`live` or `disabled`).
sg_scrontab_job_names() {
  local state name
  while IFS=$'\t' read -r state name _; do
    [ "$state" != "$1" ] || printf '%s\n' "$name"
  done < <(sg_scrontab_entries "$2")
}
