#!/usr/bin/env bash
# Runs the split build's workflow (.gitlab-ci.yml, .github/workflows/
# national-build.yml) on this machine, the way the CI runs it, and checks the
# result against one whole build:
#   1. every line of parts.txt is a job: scripts/build-part.sh PART, each its
#      own process, all at once, each with its own copy of the binary at its
#      own path and time (as each CI job downloads the artifact), into
#      WORK/parts/FOLDER;
#   2. scripts/merge-parts.sh merges them into WORK/public;
#   3. gongshi build --no-cache of the same data into WORK/full;
#   4. diff -r WORK/full WORK/public: they must be the same bytes.
#
#   scripts/split-build-local.sh WORK
#
# Environment: GONGSHI the gongshi binary (default: go build into WORK/bin),
# GONGSHI_DATA (default data), PARTS_FILE (default parts.txt),
# SOURCE_DATE_EPOCH (default the commit's time). Relative paths are the
# project folder's.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 WORK" >&2; exit 2; }
cd "$(dirname "$0")/.."
. scripts/split-common.sh
mkdir -p "$1"
work=$(cd "$1" && pwd)
split_epoch
list=$(split_parts "${PARTS_FILE:-parts.txt}")
gongshi=${GONGSHI:-}
if [ -z "$gongshi" ]; then
  echo "== go build -o $work/bin/gongshi ./cmd/gongshi"
  go build -trimpath -o "$work/bin/gongshi" ./cmd/gongshi
  gongshi=$work/bin/gongshi
fi
gongshi=$(cd "$(dirname "$gongshi")" && pwd)/$(basename "$gongshi")
rm -rf "$work/parts" "$work/public" "$work/full" "$work/jobs"

pids=() names=()
i=0
while IFS= read -r part; do
  job=$work/jobs/$i
  mkdir -p "$job"
  cp "$gongshi" "$job/gongshi"
  GONGSHI=$job/gongshi PARTS_DIR=$work/parts scripts/build-part.sh "$part" >"$job/log" 2>&1 &
  pids+=($!) names+=("$part")
  i=$((i + 1))
done <<<"$list"
failed=0
for k in "${!pids[@]}"; do
  if ! wait "${pids[$k]}"; then
    echo "split-build-local: part ${names[$k]} failed:" >&2
    cat "$work/jobs/$k/log" >&2
    failed=1
  fi
done
[ $failed -eq 0 ] || exit 1
echo "== built ${#pids[@]} parts into $work/parts"

GONGSHI=$gongshi PARTS_DIR=$work/parts OUT=$work/public scripts/merge-parts.sh

echo "== one whole build into $work/full"
"$gongshi" build --root . --data "${GONGSHI_DATA:-data}" --no-cache --cache "$work/full-cache" --out "$work/full"
if ! diff -r "$work/full" "$work/public"; then
  echo "split-build-local: the merged parts differ from one build" >&2
  exit 1
fi
echo "== the merged parts are byte-identical to one build"
