# The account's scrontab table and this deployment's marked block in it ($BLOCK_BEGIN … $BLOCK_END).

# sg_scrontab_read FILE: the table into FILE; no table yet is an empty FILE. Told apart by scrontab's exit status
# and its exact messages (Slurm's src/scrontab/scrontab.c), never by what a table may contain: a comment or a
# #DISABLED: entry can say "disabled".
sg_scrontab_read() {
  local status=0 errors
  errors=$(scrontab -l 2>&1 >"$1") || status=$?
  [ "$status" -ne 0 ] || return 0
  # No table yet: "no crontab for USER" on stdout, exit 1.
  if grep -q '^no crontab for ' "$1"; then
    : >"$1"
    return 0
  fi
  # ScronParameters without "enable": `fatal("scrontab is disabled on this cluster")`, on stderr, exit 1.
  case $errors in
  *'scrontab is disabled on this cluster'*)
    sg_die "scrontab is disabled on this cluster (Slurm's ScronParameters=enable is not set): ask the cluster admins to enable it; scheduled jobs need it" ;;
  esac
  sg_die "scrontab -l failed (exit $status): $errors$(cat "$1")"
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
  local state name entry
  while IFS=$'\t' read -r state name entry; do
    [ "$state" != "$1" ] || printf '%s\n' "$name"
  done < <(sg_scrontab_entries "$2")
}
