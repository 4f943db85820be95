#!/bin/sh
# bench/load/run.sh — load on `gongshi serve`: /api/search and a static page,
# with wrk (Debian: apt-get install wrk), against 127.0.0.1 only.
#
#   bench/load/run.sh                 # the bundled site
#   TOWNSHIPS=50 bench/load/run.sh    # a fictitious corpus (bench/gencorpus)
#
# Env: GONGSHI_BIN (a built gongshi to measure instead of this tree's),
# CONNS (50), THREADS (2), DURATION (10s, each run), QUERY (偷工减料).
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
echo "machine: $(nproc) cores; $CONNS connections, $THREADS threads, $DURATION per target; data: $data"
for target in "/api/search?q=$q" "$page"; do
  out=$(timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$target")
  rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec/ {print $2}')
  p50=$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')
  p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
  errs=$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '%-40s %10s req/s  p50 %8s  p99 %8s  %s\n' "$target" "$rps" "$p50" "$p99" "$errs"
done
