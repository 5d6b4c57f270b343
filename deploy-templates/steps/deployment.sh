# Helpers over the deployment's directory $ROOT: its releases and its stable links.

# In every release's rendered directory: the checksums of the rendered files as the release was made.
CHECKSUMS_FILE=SHA256SUMS

# The names of the releases, newest (last made live) first.
sg_releases_newest_first() {
  # Release names are commit SHAs (+ a hex suffix for a variant): ls's output is safe, and it sorts by mtime.
  # shellcheck disable=SC2012
  ls -1t "$ROOT/releases" 2>/dev/null
}

# A complete release (its fingerprint is written before it is moved into place).
sg_is_release() { [ -f "$ROOT/releases/$1/$RENDERED_DIR/FINGERPRINT" ]; }

# sg_point NAME TARGET: $ROOT/NAME becomes a symlink to TARGET atomically (a new link under a temporary name,
# renamed over the old one), so users and jobs see the old or the new target, never none. The caller reads first
# whether it already does (sg_golive_links: one readlink for every link).
sg_point() {
  ln -sfn "$2" "$ROOT/.$1.new.$$"
  mv -T "$ROOT/.$1.new.$$" "$ROOT/$1"
}
