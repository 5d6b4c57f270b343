# fetch: commit $SG_SHA is in the bare mirror $MIRROR (from $REPOSITORY, or the bundle the runner sent), kept
# there by $KEEP_REF. Only the delta travels: the branch $BRANCH is fetched first, the commit alone if still
# missing (a force push).
fetch() {
  if [ ! -d "$MIRROR" ]; then
    git init --quiet --bare "$SG_TMP/mirror.git"
    mv -T "$SG_TMP/mirror.git" "$MIRROR"
  fi
  if ! git -C "$MIRROR" cat-file -e "$SG_SHA^{commit}" 2>/dev/null; then
    if [ "$SOURCE" = bundle ]; then
      [ -f "$SG_BUNDLE" ] || sg_die "project.source is bundle but no bundle was sent"
      git -C "$MIRROR" fetch --quiet "$SG_BUNDLE" "+refs/slurm-gitops/*:refs/slurm-gitops/*"
    else
      git -C "$MIRROR" fetch --quiet --no-tags "$REPOSITORY" "+refs/heads/$BRANCH:refs/heads/$BRANCH" ||
        sg_die "git fetch of branch $BRANCH from $REPOSITORY failed"
    fi
    if ! git -C "$MIRROR" cat-file -e "$SG_SHA^{commit}" 2>/dev/null; then
      [ "$SOURCE" = bundle ] || git -C "$MIRROR" fetch --quiet --no-tags "$REPOSITORY" "$SG_SHA" 2>/dev/null || true
      git -C "$MIRROR" cat-file -e "$SG_SHA^{commit}" 2>/dev/null ||
        sg_die "commit $SG_SHA does not exist in $REPOSITORY (branch $BRANCH)"
    fi
  fi
  git -C "$MIRROR" update-ref "$KEEP_REF" "$SG_SHA"
}
