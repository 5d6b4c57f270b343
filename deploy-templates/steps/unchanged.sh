# unchanged (deploy): a redeploy of the live commit, whose release has exactly these files and a complete venv,
# and whose block the table already holds, would change nothing. Proven with one table read and builtins, it ends
# the run here (SG_SKIP_REST) and reports what is live; it runs no smoke test, as nothing new goes live. Another
# commit, other files (a config or tool change), a venv gone or a block edited by hand: the full deploy runs.
unchanged() {
  [ "$SG_SHA" = "$PREVIOUS_SHA" ] || return 0
  local live fingerprint venv
  live=$(readlink "$ROOT/current") || return 0
  { read -r fingerprint venv <"$ROOT/$live/$RENDERED_DIR/FINGERPRINT"; } 2>/dev/null || return 0
  [ "$fingerprint" = "$RENDER_HASH" ] && [ -f "$venv/.complete" ] && [ -x "$venv/bin/python" ] || return 0
  sg_scrontab_holds "$ROOT/$live/$RENDERED_DIR/scrontab" || return 0
  RELEASE=$ROOT/$live NEW_SHA=$SG_SHA VENV=$venv
  echo "nothing to do: $SG_SHA is live with these files, its venv and its schedule"
  sg_result release "$RELEASE"
  sg_result release-reused true
  sg_result venv reused
  sg_result venv-path "$VENV"
  sg_result env-scripts unchanged
  sg_result scrontab unchanged
  sg_result scrontab-block "$(base64 -w0 "$RELEASE/$RENDERED_DIR/scrontab")"
  sg_result sha "$NEW_SHA"
  sg_history_append success
  SG_SKIP_REST=1
}
