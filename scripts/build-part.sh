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
gongshi=$(split_gongshi "${GONGSHI:-bin/gongshi}")
parts=${PARTS_DIR:-parts}
folder=$(split_part_dir "$part")
# Built beside parts/ and moved in, so that parts/ (the artifact) holds the
# parts alone: a build keeps its lock beside its --out, and its cache in
# a temporary folder here.
work=$parts.work/$folder
cache=$(mktemp -d)
trap 'rm -rf "$cache" "$work"; rmdir "$parts.work" 2>/dev/null || true' EXIT
rm -rf "$work" "$parts/$folder"
mkdir -p "$work" "$parts"
echo "== part $part into $parts/$folder (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
"$gongshi" build --root . --data "${GONGSHI_DATA:-data}" --no-cache --cache "$cache" --part "$part" --out "$work/part"
mv "$work/part" "$parts/$folder"
