# The account's scrontab table and this deployment's marked block in it ($BLOCK_BEGIN … $BLOCK_END).

# sg_scrontab_read FILE: the table into FILE; no table yet is an empty FILE.
sg_scrontab_read() {
  if ! scrontab -l >"$1" 2>&1; then
    # No table yet is "no crontab for USER" with exit 1 (on stdout); anything else is a real failure.
    grep -q '^no crontab for' "$1" || sg_die "scrontab -l failed: $(cat "$1")"
    : >"$1"
  fi
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
