#!/usr/bin/env bash
# Throughput of a bulk import: `gongshi import DIR` on 300 fictitious notices
# (150 townships × 2 notices × 60 findings, 示例县01/样本镇0001, written as
# text by importer.Render into a temporary folder, never data/), every data
# file written. Prints each run and the median.
#
#   bench/import/run.sh            # RUNS=5
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
go test -run '^$' -bench BulkImport -benchtime 1x -count "$runs" ./internal/cli/importcmd | tee /tmp/gongshi-import-bench.txt
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { awk -v u="$1" '/^BenchmarkBulkImport/ { for (i = 1; i < NF; i++) if ($(i+1) == u) print $i }' /tmp/gongshi-import-bench.txt; }
n=$(field notices/s | median); m=$(field MB/s | median); t=$(field ns/op | median)
echo "median of $runs runs: $(awk -v t="$t" 'BEGIN { printf "%.1f", t / 1e9 }') s for 300 notices, $n notices/s, $m MB/s of text ($(nproc) cores)"
