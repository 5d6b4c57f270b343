# stage: the run directory $RUN_DIR holds commit $SG_SHA's files (+ REVISION), the rendered sandbox files and
# the venv link. Made under a temporary name and renamed: a run directory is complete or absent.
stage() {
  [ ! -e "$RUN_DIR" ] || sg_die "run directory $RUN_DIR exists already: a run id is staged once"
  local staged=$SG_TMP/run
  mkdir -p "$staged/$RENDERED_DIR"
  git -C "$MIRROR" archive "$SG_SHA" | tar -x -C "$staged"
  printf '%s\n' "$SG_SHA" >"$staged/REVISION"
  sg_write_files "$staged/$RENDERED_DIR"
  ln -s "$VENV" "$staged/$RENDERED_DIR/venv"
  mv -T "$staged" "$RUN_DIR"
  echo "staged $SG_SHA in $RUN_DIR"
}
