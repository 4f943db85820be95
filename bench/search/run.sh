#!/usr/bin/env bash
# Search, side by side on the same built site: gongshi's in-browser search
# (the static export of its Bleve index, search.js) against Pagefind 1.6
# (its extended binary, which segments Chinese). For each: the index's build
# time and size, the bytes a browser fetches for a first and a second query
# and the requests it makes (headless Chromium, counting network responses;
# the server gzips text as a static host would), query latency cold and
# warm, and the rank of the expected finding page for the issue's queries.
#
#   bench/search/run.sh                      # bundled site, 100 and 1,000 fictitious townships, 3 sessions each
#   MID_TOWNSHIPS=200 TOWNSHIPS=500 RUNS=5 bench/search/run.sh
#   SKIP_BIG=1 bench/search/run.sh           # the bundled site and the mid-size corpus only
#   SKIP_MID=1 SKIP_BIG=1 bench/search/run.sh  # the bundled site only
#   HUGE_TOWNSHIPS=5000 bench/search/run.sh  # and a 5,000-township site, gongshi alone (its build takes long)
#   PAGEFIND_BIG=0 bench/search/run.sh       # gongshi alone on the 1,000-township site (Pagefind fails there)
#
# It ends with the figures of issue 23, item 2 (the first query's bytes and
# requests, the cold first query's and the warm new queries' latency, as
# medians and ratios to Pagefind, each against its target).
#
# Beside the two engines it measures, in a fresh browser each, the cold first
# paint and bytes of the site's search page (with a query) and of the
# findings table (/findings/, all rows).
#
# Pagefind runs under a memory limit (PAGEFIND_MEM_KB, default 8 GB of
# address space): on the 1,000-township site it needs more than this machine
# can spare (it was killed at 20 GB), and the table then says so and shows
# gongshi alone for that corpus.
# Pagefind comes from npm (bench/search/package.json pins 1.6.0) into
# bench/search/node_modules (not in git). The fictitious corpus is
# generated into the work folder, never into data/.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
townships=${TOWNSHIPS:-1000}
mid=${MID_TOWNSHIPS:-100}
pfmem=${PAGEFIND_MEM_KB:-8000000}
work=${WORK:-$(mktemp -d /tmp/gongshi-bench-search.XXXXXX)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600} # 2026-01-01
echo "work folder: $work"

pf=bench/search/node_modules/@pagefind/linux-x64/bin/pagefind_extended
if [ ! -x "$pf" ]; then
  (cd bench/search && npm ci --no-audit --no-fund --loglevel=error)
fi
"$pf" --version

go build -o "$work/gongshi" ./cmd/gongshi
go build -o "$work/driver" ./bench/search/driver

# build DATA OUT LOG: gongshi build (or, while the CLI is not wired yet,
# the same internal/site.Build through the driver).
build() {
  if ! "$work/gongshi" build --data "$1" --out "$2" >"$3" 2>&1; then
    if grep -q "not built yet" "$3"; then
      echo "(gongshi build is not wired yet: building with internal/site.Build)"
      "$work/driver" build -data "$1" -out "$2" >"$3" 2>&1 || { cat "$3"; exit 1; }
    else
      cat "$3"
      exit 1
    fi
  fi
  grep -E '^(search|hugo|built)' "$3" || true
}

# pagefind SITE: index the site; sets pfsecs (wall time) and pffail (why it
# failed, or empty).
pagefind() {
  rm -rf "$1/pagefind"
  pffail=""
  if (ulimit -v "$pfmem"; /usr/bin/time -f "%e %M" -o "$work/pf-time.txt" "$pf" --site "$1" --quiet >"$work/pf.log" 2>&1); then
    read -r pfsecs kb <"$work/pf-time.txt"
    echo "pagefind: ${pfsecs} s, peak ${kb} KB"
  else
    pfsecs=0
    pffail="it ran out of memory under a limit of $((pfmem / 1000000)) GB ($(grep -m1 -E 'memory|signal|rror' "$work/pf.log" "$work/pf-time.txt" | head -1 | cut -c1-80))"
    rm -rf "$1/pagefind"
    echo "pagefind failed: $pffail"
  fi
}

results="$work/results.jsonl"
: >"$results"

# 1. The bundled site.
data=data
if [ ! -f data/fujian/putian/xianyou/jiaowei/2024-12-02.toml ]; then
  data="$work/bundled-data"
  rm -rf "$data"
  "$work/driver" seed -out "$data"
fi
build "$data" "$work/bundled" "$work/bundled.log"
pagefind "$work/bundled"
"$work/driver" measure -site "$work/bundled" -label "bundled site (郊尾镇, 59 findings)" -key bundled -runs "$runs" \
  -results "$results" -build-log "$work/bundled.log" -pagefind-seconds "$pfsecs" -pagefind-failed "$pffail" -ranks

# 2. Fictitious corpora: N townships × 2 notices × 60 findings.
corpus() { # townships [why Pagefind is not run]
  local n=$1
  [ -d "$work/corpus-$n" ] || go run ./bench/gencorpus -townships "$n" -out "$work/corpus-$n" >/dev/null
  build "$work/corpus-$n" "$work/site-$n" "$work/site-$n.log"
  if [ -n "${2:-}" ]; then
    pfsecs=0 pffail="not run: $2"
  else
    pagefind "$work/site-$n"
  fi
  "$work/driver" measure -site "$work/site-$n" -label "fictitious corpus ($n townships × 2 notices × 60 findings)" -key "$n" \
    -runs "$runs" -results "$results" -build-log "$work/site-$n.log" -pagefind-seconds "$pfsecs" -pagefind-failed "$pffail"
  rm -rf "$work/site-$n"
}
if [ -z "${SKIP_MID:-}" ]; then
  corpus "$mid"
fi
if [ -z "${SKIP_BIG:-}" ]; then
  if [ "${PAGEFIND_BIG:-1}" = 0 ]; then
    corpus "$townships" "PAGEFIND_BIG=0 (it ran out of memory on this corpus before: killed at 20 GB, and under 8 and 12 GB limits)"
  else
    corpus "$townships"
  fi
fi
if [ -n "${HUGE_TOWNSHIPS:-}" ]; then
  corpus "$HUGE_TOWNSHIPS" "Pagefind could not index the 1,000-township corpus on this machine"
fi

"$work/driver" table -results "$results" | tee "$work/table.md"
