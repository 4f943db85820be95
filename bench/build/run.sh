#!/usr/bin/env bash
# Side by side, in one run: `gongshi build` (pages + search index) on a
# fictitious corpus vs raw Hugo (the same embedded v0.165.0) rendering the
# same number of plain markdown pages. Prints wall time and peak memory of
# each run, the medians and the ratio.
#
#   bench/build/run.sh                 # 1,000 townships × 2 notices × 60 findings, 3 runs each
#   TOWNSHIPS=100 RUNS=5 bench/build/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
townships=${TOWNSHIPS:-1000}
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d /tmp/gongshi-bench-build.XXXXXX)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600} # 2026-01-01
echo "work folder: $work"

go build -o "$work/gongshi" ./cmd/gongshi
if [ ! -d "$work/corpus" ]; then # generated whole, then renamed: a half-written corpus is never reused
  rm -rf "$work/corpus.tmp"
  go run ./bench/gencorpus -townships "$townships" -out "$work/corpus.tmp" >/dev/null
  mv "$work/corpus.tmp" "$work/corpus"
fi

measure() { # label, command… → appends "label seconds kilobytes"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$label.log" 2>&1 || {
    echo "$label failed:"; tail -20 "$work/$label.log"; exit 1; }
  read -r secs kb <"$work/time.txt"
  echo "$label $secs $kb" | tee -a "$work/results.txt"
}

: >"$work/results.txt"
# One build first, to count the pages the raw site must match.
measure gongshi "$work/gongshi" build --data "$work/corpus" --out "$work/site"
pages=$(find "$work/site" -name '*.html' | wc -l)
echo "gongshi rendered $pages HTML pages"
rm -rf "$work/raw"
go run ./bench/rawsite -pages "$pages" -out "$work/raw" >/dev/null
for i in $(seq 1 "$runs"); do
  measure hugo "$work/gongshi" hugo --quiet -s "$work/raw" -d "$work/raw/public"
  rm -rf "$work/raw/public"
  [ "$i" = 1 ] && continue # the first gongshi run above counts as run 1
  rm -rf "$work/site" # like raw Hugo's public/: both render into an empty folder
  measure gongshi "$work/gongshi" build --data "$work/corpus" --out "$work/site"
done

awk -v pages="$pages" '
  { t[$1] = t[$1] " " $2; m[$1] = m[$1] " " $3 }
  function median(s,   a, n, i, j, x) { n = split(s, a, " ");
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
  END {
    tg = median(t["gongshi"]); th = median(t["hugo"]); mg = median(m["gongshi"]); mh = median(m["hugo"])
    printf "\n| %d pages | wall (median) | peak RSS (median) |\n|---|---|---|\n", pages
    printf "| gongshi build (pages + index) | %.1f s | %.2f GB |\n", tg, mg / 1048576
    printf "| raw Hugo, plain markdown | %.1f s | %.2f GB |\n", th, mh / 1048576
    printf "| ratio | %.2f× | %.2f× |\n", tg / th, mg / mh
  }' "$work/results.txt"
