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

# split_pin_gongshi BINARY: prints the path of a copy of BINARY that every
# job of the build runs, whatever its working folder: /tmp/gongshi-split/
# SHA-EPOCH/gongshi, dated SOURCE_DATE_EPOCH. A part's identity (which merge
# compares) includes the program's path, size and time, and a binary passed
# as an artifact lands at each job's own path with that job's time.
split_pin_gongshi() {
  local bin=$1 sum dir tmp
  sum=$(sha256sum "$bin" | cut -c1-16) || return 1
  dir=${GONGSHI_PIN_DIR:-/tmp/gongshi-split}/$sum-$SOURCE_DATE_EPOCH
  if [ ! -e "$dir/gongshi" ]; then
    mkdir -p "$dir" || return 1
    tmp=$(mktemp "$dir/.gongshi.XXXXXX") || return 1
    cp "$bin" "$tmp" && chmod 755 "$tmp" && touch -d "@$SOURCE_DATE_EPOCH" "$tmp" || { rm -f "$tmp"; return 1; }
    # ln fails when another job linked it first: then that copy, the same bytes, stands
    ln "$tmp" "$dir/gongshi" 2>/dev/null || true
    rm -f "$tmp"
  fi
  printf '%s\n' "$dir/gongshi"
}
