#!/usr/bin/env bash
# The split build's merge job: puts the parts that scripts/build-part.sh
# built into $PARTS_DIR together into $OUT (default public) with gongshi
# merge. Every line of parts.txt must have its folder: a part the matrix
# did not build stops the merge here, naming it.
#
#   GONGSHI=bin/gongshi scripts/merge-parts.sh
#
# Environment: GONGSHI (default bin/gongshi), PARTS_FILE (default parts.txt),
# PARTS_DIR (default parts), OUT (default public).
set -euo pipefail
[ $# -eq 0 ] || { echo "usage: $0 (no arguments)" >&2; exit 2; }
cd "$(dirname "$0")/.."
. scripts/split-common.sh
parts=${PARTS_DIR:-parts}
list=$(split_parts "${PARTS_FILE:-parts.txt}")
dirs=()
while IFS= read -r part; do
  d=$parts/$(split_part_dir "$part")
  if [ ! -f "$d/.gongshi-part.json" ]; then
    echo "merge-parts: part $part was not built: no $d/.gongshi-part.json" >&2
    exit 1
  fi
  dirs+=("$d")
done <<<"$list"
split_epoch
gongshi=$(split_gongshi "${GONGSHI:-bin/gongshi}")
"$gongshi" merge --out "${OUT:-public}" "${dirs[@]}"
