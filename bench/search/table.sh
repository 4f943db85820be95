#!/usr/bin/env bash
# The findings table (/findings/) at scale: on fictitious corpora of 100 and
# 1,000 townships (bench/gencorpus: 2 notices × 60 findings each), the bytes
# a browser is sent before the table's first rows show (the page, its CSS
# and JS, the table's manifest and first shard; text gzipped at gzip's
# default level as a static host would, the binary lists as stored), and
# the time from a reader's action to the rows drawn for each sort and
# filter (and the view's download), on a freshly loaded table with the
# HTTP cache off, in headless Chromium; median of RUNS sessions. It also
# times model.BuildTable (the table's files, rewritten by every build) on
# the largest corpus.
#
#   bench/search/table.sh                       # 100 and 1,000 townships, 3 runs
#   TOWNSHIPS="100" RUNS=1 bench/search/table.sh
#   WORK=/tmp/x bench/search/table.sh           # keep (and reuse) corpora and sites in /tmp/x
#   TOWNSHIPS=100 TABLE_ONLY=1000 bench/search/table.sh
#       # 1,000 townships as a table-only site: the page, CSS and JS of the
#       # 100-township build and the table's files of a 1,000-township model
#       # (tabledriver index -write), without its 4.5 GB of pages and its
#       # build's minutes; there is no download file, so no download op
#
# The corpora and sites are generated into the work folder, never into
# data/. A 1,000-township build takes minutes: keep its runs few.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
townships=${TOWNSHIPS:-100 1000}
work=${WORK:-$(mktemp -d /tmp/gongshi-bench-table.XXXXXX)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600} # 2026-01-01
echo "work folder: $work"
mkdir -p "$work"
go build -o "$work/gongshi" ./cmd/gongshi
go build -o "$work/tabledriver" ./bench/search/tabledriver

results="$work/table-results.jsonl"
: >"$results"
biggest=0
for n in $townships; do
  [ -d "$work/corpus-$n" ] || go run ./bench/gencorpus -townships "$n" -out "$work/corpus-$n" >/dev/null
  secs=0
  if [ ! -f "$work/site-$n/findings/table/manifest.json" ] || [ -n "${REBUILD:-}" ]; then
    t0=$(date +%s.%N)
    "$work/gongshi" build --no-cache --data "$work/corpus-$n" --out "$work/site-$n" >"$work/site-$n.log" 2>&1 || { cat "$work/site-$n.log"; exit 1; }
    secs=$(echo "$(date +%s.%N) - $t0" | bc)
    grep -E '^(downloads|built|publish)' "$work/site-$n.log" || true
  fi
  echo "measuring $n townships ($runs runs)"
  "$work/tabledriver" measure -site "$work/site-$n" -label "$n townships" -runs "$runs" -results "$results" -build-seconds "$secs"
  [ "$n" -gt "$biggest" ] && biggest=$n
done
first=$(echo $townships | awk '{print $1}')
for n in ${TABLE_ONLY:-}; do
  t="$work/site-$n-table-only"
  rm -rf "$t" && mkdir -p "$t/findings"
  cp "$work/site-$first/findings/index.html" "$t/findings/" && cp -r "$work/site-$first/css" "$work/site-$first/js" "$t/"
  "$work/tabledriver" index -townships "$n" -write "$t" | tee "$work/table-index-$n.txt"
  echo "measuring $n townships, table-only ($runs runs)"
  "$work/tabledriver" measure -site "$t" -label "$n townships (table only)" -runs "$runs" -results "$results" -no-download
  [ "$n" -gt "$biggest" ] && biggest=$n
done
"$work/tabledriver" index -townships "$biggest" | tee "$work/table-index.txt"
"$work/tabledriver" report -results "$results" | tee "$work/table.md"
