# Sourced by build-part.sh, merge-parts.sh and split-build-local.sh: what the
# jobs of the split build share. Not run on its own.

# split_parts FILE: the parts, one a line, without comments and blank lines.
# Fails when there are none or when two parts would have the same folder.
split_parts() {
  local file=$1 parts
  parts=$(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$file") || return 1
  if [ -z "$parts" ]; then
    echo "$file: no parts" >&2; return 1
  fi
  local dup
  dup=$(printf '%s\n' "$parts" | while IFS= read -r p; do split_part_dir "$p"; echo; done | sort | uniq -d)
  if [ -n "$dup" ]; then
    echo "$file: two parts have the folder $dup" >&2; return 1
  fi
  printf '%s\n' "$parts"
}

# split_part_dir PART: the folder name of a part (:site is _site,
# fujian/putian,fujian/xiamen is fujian_putian+fujian_xiamen).
split_part_dir() {
  printf '%s' "$1" | tr -d '[:space:]' | tr ':/,' '__+'
}

# split_epoch: SOURCE_DATE_EPOCH, from the commit when not set, exported.
# Every part must be built with the same one (merge refuses otherwise).
split_epoch() {
  if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) || return 1
  fi
  export SOURCE_DATE_EPOCH
}

# split_gongshi BINARY: prints the path of BINARY, made executable (an
# artifact's file modes are not kept: GitHub's), or of an executable copy
# when it cannot be changed. A part's identity, which merge compares, is the
# program's bytes (their SHA-256), not its path or time, so each job runs
# the binary where its artifact landed.
split_gongshi() {
  local bin=$1 tmp
  [ -f "$bin" ] || { echo "no gongshi binary at $bin" >&2; return 1; }
  if [ ! -x "$bin" ] && ! chmod +x "$bin" 2>/dev/null; then
    tmp=$(mktemp -d) || return 1
    cp "$bin" "$tmp/gongshi" && chmod 755 "$tmp/gongshi" || return 1
    bin=$tmp/gongshi
  fi
  case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
  printf '%s\n' "$bin"
}
