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
    echo "scrontab unchanged: not reinstalled (an install resubmits every cron job of $(id -un))"
    sg_result scrontab unchanged
    return 0
  fi
  scrontab "$new" || return 1
  if ! scrontab -l >"$readback" 2>&1 || ! cmp -s "$new" "$readback"; then
    echo "scrontab read back differs from what was installed:"
    diff "$new" "$readback" || true
    return 1
  fi
  sg_result scrontab changed
}
