#!/usr/bin/env bash
# In one run, on a fictitious corpus: a full `gongshi build` (--no-cache,
# into an empty folder), an incremental build after one changed notice, an
# incremental build after one new township, and raw Hugo (the same embedded
# v0.165.0) rendering the same number of plain markdown pages. Prints wall
# time, CPU time and peak memory of each run, then the medians and the
# ratios (to the full build, to raw Hugo's time and to raw Hugo's peak
# memory) and the full builds' stage lines. CPU time is the steadier figure
# on a shared machine. SPLIT=N also builds the site in N parts (groups of
# counties, plus :site), one after another as N machines would in
# parallel, and merges them.
#
#   bench/build/run.sh                        # 1,000 townships × 2 notices × 60 findings, 3 runs each
#   TOWNSHIPS=5000 RUNS=1 SPLIT=4 bench/build/run.sh
#   RAW=0 …                                   # skip raw Hugo
set -euo pipefail
cd "$(dirname "$0")/../.."
townships=${TOWNSHIPS:-1000}
runs=${RUNS:-3}
split=${SPLIT:-0}
raw=${RAW:-1}
work=${WORK:-$(mktemp -d /tmp/gongshi-bench-build.XXXXXX)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600} # 2026-01-01
echo "work folder: $work"

go build -o "$work/gongshi" ./cmd/gongshi
if [ ! -d "$work/corpus" ]; then # generated whole, then renamed: a half-written corpus is never reused
  rm -rf "$work/corpus.tmp"
  go run ./bench/gencorpus -townships "$townships" -out "$work/corpus.tmp" >/dev/null
  mv "$work/corpus.tmp" "$work/corpus"
fi

measure() { # label, command… → appends "label seconds kilobytes cpu-seconds"
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >"$work/$label.log" 2>&1 || {
    echo "$label failed:"; tail -20 "$work/$label.log"; exit 1; }
  read -r secs kb user sys <"$work/time.txt"
  echo "$label $secs $kb $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')" | tee -a "$work/results.txt"
  cat "$work/$label.log" >>"$work/$label.all.log"
}

: >"$work/results.txt"
rm -f "$work"/*.all.log
county=$(cd "$work/corpus" && ls -d */*/* | head -1)      # shili/shilishi/xian01
township=$(cd "$work/corpus/$county" && ls | head -1)      # zhen0001
rm -rf "$work/raw" # generated from this run's page count
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data" && cp -r "$work/corpus" "$work/data"
  # into an empty folder, as a new site's (the previous run's removed unmeasured)
  rm -rf "$work/site" "$work/.gongshi-cache"
  measure full "$work/gongshi" build --no-cache --data "$work/data" --out "$work/site"
  # One changed notice: a finding's title.
  notice=$(ls "$work/data/$county/$township"/*.toml | head -1)
  title=$(grep -m1 -A0 '^title = ' <(sed -n '/^\[\[findings\]\]/,$p' "$notice") | sed 's/^title = "\(.*\)"$/\1/')
  sed -i "0,/^title = \"$title\"/s//title = \"$title（更正）\"/" "$notice"
  measure incr-notice "$work/gongshi" build --data "$work/data" --out "$work/site"
  grep -o 'changes since.*' "$work/incr-notice.log" || true
  # One new township: a copy of the first, renamed.
  new=${township%????}9999
  mkdir -p "$work/data/$county/$new"
  for f in "$work/data/$county/$township"/*.toml; do
    sed "s/${township}/${new}/g; s/样本镇${township#zhen}/样本镇9999/g" "$f" >"$work/data/$county/$new/$(basename "$f")"
  done
  measure incr-township "$work/gongshi" build --data "$work/data" --out "$work/site"
  # Raw Hugo in the same run, right after gongshi's builds: on a machine
  # whose speed drifts (a VM's shared disk and CPU), three gongshi runs then
  # three raw Hugo runs would compare different hours. Each run's ratio is
  # printed below, beside the ratio of the medians.
  if [ "$raw" = 1 ]; then
    if [ ! -d "$work/raw" ]; then
      pages=$(find "$work/site" -name '*.html' | wc -l)
      go run ./bench/rawsite -pages "$pages" -out "$work/raw" >/dev/null
    fi
    measure hugo "$work/gongshi" hugo --quiet -s "$work/raw" -d "$work/raw/public"
    rm -rf "$work/raw/public"
  fi
done
pages=$(find "$work/site" -name '*.html' | wc -l)
echo "gongshi rendered $pages HTML pages"

if [ "$split" -gt 0 ]; then
  rm -rf "$work/parts" && mkdir -p "$work/parts"
  counties=($(cd "$work/data" && ls -d */*/*))
  for p in $(seq 0 $((split - 1))); do
    list=""
    for j in "${!counties[@]}"; do [ $((j % split)) = "$p" ] && list="$list,${counties[$j]}"; done
    measure "part$p" "$work/gongshi" build --data "$work/data" --out "$work/parts/$p" --part "${list#,}"
  done
  measure part-site "$work/gongshi" build --data "$work/data" --out "$work/parts/site" --part :site
  measure merge "$work/gongshi" merge --out "$work/merged" "$work/parts"/*
fi


echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v pages="$pages" '
  { t[$1] = t[$1] " " $2; m[$1] = m[$1] " " $3; c[$1] = c[$1] " " $4; n[$1]++ }
  function median(s,   a, n, i, j, x) { n = split(s, a, " ");
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
  function ratio(k, ref, arr) { return (ref in arr) ? sprintf("%.3f×", median(arr[k]) / median(arr[ref])) : "–" }
  function row(label, k) { if (k in t) printf "| %s | %d | %.1f s | %.1f s | %.2f GB | %s | %s | %s | %s |\n", label, n[k],
    median(t[k]), median(c[k]), median(m[k]) / 1048576, ratio(k, "full", t), ratio(k, "hugo", t), ratio(k, "hugo", c), ratio(k, "hugo", m) }
  END {
    printf "\n| %d pages | runs | wall (median) | CPU user+sys (median) | peak RSS (median) | wall of the full build | wall of raw Hugo | CPU of raw Hugo | peak RSS of raw Hugo |\n|---|---|---|---|---|---|---|---|---|\n", pages
    row("gongshi build --no-cache (full)", "full")
    row("incremental, one changed notice", "incr-notice")
    row("incremental, one new township", "incr-township")
    row("raw Hugo, plain markdown", "hugo")
    for (k in t) if (k ~ /^part/ || k == "merge") row("split: " k, k)
    if (("full" in t) && ("hugo" in t)) {
      nf = split(t["full"], f, " "); nh = split(t["hugo"], h, " "); split(c["full"], fc, " "); split(c["hugo"], hc, " ")
      printf "\nEach run'"'"'s full build against the raw Hugo run beside it (wall, CPU):"
      for (i = 1; i <= nf && i <= nh; i++) printf " run %d %.3f× %.3f×;", i, f[i] / h[i], fc[i] / hc[i]
      printf "\n"
    }
  }' "$work/results.txt"
# Where the full builds' time went: each stage's line, run by run.
echo
grep -hE '^(check|themes|model|downloads|search|sqlite|hugo|publish|changes|cleanup) .*\([0-9.]+(ms|s|m[0-9.]+s)\)$' "$work/full.all.log" || true
# And the incremental builds' (their critical path: the site-wide downloads
# and findings.sqlite, rewritten whole on any change).
for k in incr-notice incr-township; do
  echo; echo "$k:"
  grep -hE '^(check|themes|model|downloads|search|sqlite|hugo|publish|changes|cleanup|built) ' "$work/$k.all.log" | grep -E '\)$|^built' || true
done
