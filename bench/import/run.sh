#!/usr/bin/env bash
# Throughput of a bulk import, `gongshi import DIR`, every data file written,
# on two folders of fictitious notices written into a temporary folder
# (never data/):
#   BulkImport       300 notices (150 townships × 2 notices × 60 findings,
#                    示例县01/样本镇0001) as text by importer.Render;
#   BulkImportGenre  300 notices of the genre's mix by genregen (seed 1):
#                    text in UTF-8/BOM/GB18030/UTF-16, HTML paragraphs, <br>
#                    runs and tables, .docx paragraphs, Word list numbering
#                    and tables; 2–20 findings each. The notices today's
#                    importer cannot read fail as they would for a user and
#                    count all the same ("imported" says how many were written).
# Then the parse alone of the mix, per container (BenchmarkParseGenre).
# Prints each run and the medians.
#
#   bench/import/run.sh            # RUNS=5
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
out=$(mktemp /tmp/gongshi-import-bench.XXXXXX) # one per run: several runs may share /tmp
trap 'rm -f "$out"' EXIT
go test -run '^$' -bench 'BulkImport' -benchtime 1x -count "$runs" ./internal/cli/importcmd | tee "$out"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { awk -v b="$1" -v u="$2" '$1 ~ "^Benchmark" b "(-[0-9]+)?$" { for (i = 1; i < NF; i++) if ($(i+1) == u) print $i }' "$out"; }
for b in BulkImport BulkImportGenre; do
	n=$(field "$b" notices/s | median); m=$(field "$b" MB/s | median); t=$(field "$b" ns/op | median)
	extra=""
	if [ "$b" = BulkImportGenre ]; then extra=", $(field "$b" imported | median) of 300 imported"; fi
	echo "$b: median of $runs runs: $(awk -v t="$t" 'BEGIN { printf "%.1f", t / 1e9 }') s for 300 notices, $n notices/s, $m MB/s$extra ($(nproc) cores, $(date -u +%Y-%m-%d))"
done
go test -run '^$' -bench 'ParseGenre' -benchtime 2x -count 1 ./internal/importer | grep -E '^Benchmark' | awk '{ for (i = 1; i < NF; i++) if ($(i+1) == "notices/s") printf "%s %s notices/s (parse only)\n", $1, $i }'
