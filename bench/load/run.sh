#!/bin/sh
# bench/load/run.sh — load on `gongshi serve`: /api/search and a static page,
# with wrk (Debian: apt-get install wrk), against 127.0.0.1 only.
#
#   bench/load/run.sh                 # the bundled site
#   TOWNSHIPS=50 bench/load/run.sh    # a fictitious corpus (bench/gencorpus)
#
# Env: GONGSHI_BIN (a built gongshi to measure instead of this tree's),
# CONNS (50), THREADS (2), DURATION (10s, each run), RUNS (3), QUERY (偷工减料).
# Targets: /api/search, a static page, and the same page with Accept-Encoding: gzip.
# Prints req/s, p50 and p99 for each target. Bounded in time: the server is
# stopped when the script ends, however it ends. Not part of go test.
set -eu
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
CONNS=${CONNS:-50} THREADS=${THREADS:-2} DURATION=${DURATION:-10s}
QUERY=${QUERY:-偷工减料} PORT=${PORT:-18313}
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

if [ -n "${GONGSHI_BIN:-}" ]; then cp "$GONGSHI_BIN" "$work/gongshi"; else go build -o "$work/gongshi" ./cmd/gongshi; fi
data=data
if [ -n "${TOWNSHIPS:-}" ]; then
  go run ./bench/gencorpus -townships "$TOWNSHIPS" -out "$work/corpus" >/dev/null
  data=$work/corpus
fi
"$work/gongshi" serve --addr "127.0.0.1:$PORT" --data "$data" --out "$work/public" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 600); do
  grep -q "^serving" "$work/serve.log" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "^serving" "$work/serve.log" || { echo "the server did not start" >&2; exit 1; }

q=$(printf %s "$QUERY" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
page=$(cd "$work/public" && find . -path ./search -prune -o -name index.html -print | sort | sed -n 2p | sed 's|^\.||; s|index.html$||')
RUNS=${RUNS:-3}
echo "machine: $(nproc) cores; $CONNS connections, $THREADS threads, $DURATION per run, $RUNS runs per target (median); data: $data; $(date -u +%Y-%m-%d)"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }
for spec in "api|/api/search?q=$q|" "page|$page|" "page, gzip|$page|Accept-Encoding: gzip"; do
  name=${spec%%|*}; rest=${spec#*|}; target=${rest%%|*}; header=${rest#*|}
  rpss= p50s= p99s= errs=
  for _ in $(seq "$RUNS"); do
    if [ -n "$header" ]; then
      out=$(timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -H "$header" "http://127.0.0.1:$PORT$target")
    else
      out=$(timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$target")
    fi
    rpss="$rpss $(printf '%s\n' "$out" | awk '/^Requests\/sec/ {print $2}')"
    p50s="$p50s $(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}' | ms)"
    p99s="$p99s $(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}' | ms)"
    errs="$errs$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')"
  done
  printf '%-12s %-36s median %10s req/s  p50 %7s ms  p99 %7s ms  (runs:%s req/s; p99s:%s ms) %s\n' "$name" "$target" \
    "$(echo $rpss | tr ' ' '\n' | median)" "$(echo $p50s | tr ' ' '\n' | median)" "$(echo $p99s | tr ' ' '\n' | median)" "$rpss" "$p99s" "$errs"
done
