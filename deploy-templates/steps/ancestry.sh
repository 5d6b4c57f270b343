# ancestry (deploy): the commit is not older than the live one. Deploys of a deployment run one at a time in the
# order they get the lock, not in the order of their pushes: a commit that is an ancestor of the live one is a
# late run (close merges, a re-run, a late event), and deploying it would take production back without anyone
# asking. It is skipped, successfully; going back is rollback's job. A commit that is neither ancestor nor
# descendant (the branch's history was rewritten) deploys, and says which commit it replaces.
ancestry() {
  [ -n "$PREVIOUS_SHA" ] && [ "$PREVIOUS_SHA" != "$SG_SHA" ] || return 0
  # One merge-base tells both: it is the live commit when that is an ancestor of this one (the usual case), this
  # one when it is an ancestor of the live commit.
  local base
  base=$(git -C "$MIRROR" merge-base "$SG_SHA" "$PREVIOUS_SHA" 2>/dev/null) || base=''
  [ "$base" != "$PREVIOUS_SHA" ] || return 0
  if [ "$base" = "$SG_SHA" ]; then
    sg_skip "$BRANCH is already at a newer commit, $PREVIOUS_SHA; this run's $SG_SHA is its ancestor, so it is not deployed (to go back, use rollback)"
  elif ! git -C "$MIRROR" cat-file -e "$PREVIOUS_SHA^{commit}" 2>/dev/null; then
    sg_warn "the live commit $PREVIOUS_SHA is not in $MIRROR, so whether $SG_SHA is newer cannot be told; deploying it"
  else
    sg_warn "$SG_SHA replaces $PREVIOUS_SHA, which is not one of its ancestors (the history of $BRANCH was rewritten, e.g. by a force push)"
  fi
}

# sg_skip REASON: this run changes nothing and ends successfully (no later step runs): recorded as skipped, the
# live commit reported.
sg_skip() {
  echo "$1"
  # The mirror keeps the live commit, not this run's.
  git -C "$MIRROR" update-ref "$KEEP_REF" "$PREVIOUS_SHA"
  sg_result skipped "$1"
  sg_result sha "$PREVIOUS_SHA"
  sg_history_append skipped
  SG_SKIP_REST=1
}
