#!/usr/bin/env bash
# One job of the split build's matrix: builds PART (a line of parts.txt) into
# $PARTS_DIR/FOLDER (FOLDER: :site is _site, fujian/putian is fujian_putian),
# with the folder's .gongshi-part.json, for scripts/merge-parts.sh.
# .gitlab-ci.yml, .github/workflows/national-build.yml and
# scripts/split-build-local.sh run it, from the project's folder.
#
#   GONGSHI=bin/gongshi scripts/build-part.sh fujian
#
# Environment: GONGSHI the gongshi binary (default bin/gongshi), GONGSHI_DATA
# the data folder (default data), PARTS_DIR (default parts), SOURCE_DATE_EPOCH
# (default the commit's time: every part must have the same).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PART" >&2; exit 2; }
cd "$(dirname "$0")/.."
. scripts/split-common.sh
part=$1
split_epoch
gongshi=$(split_pin_gongshi "${GONGSHI:-bin/gongshi}")
parts=${PARTS_DIR:-parts}
out=$parts/$(split_part_dir "$part")
# the build cache goes outside the part's folder, so that the artifact is the part alone
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
echo "== part $part into $out (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
"$gongshi" build --root . --data "${GONGSHI_DATA:-data}" --no-cache --cache "$cache" --part "$part" --out "$out"
