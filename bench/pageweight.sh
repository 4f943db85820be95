#!/usr/bin/env bash
# The weight of the township page as a phone downloads it: the HTML and the
# CSS and JavaScript it loads, raw and gzipped (gzip -9, as a web server
# would serve them compressed).
#
#   bench/pageweight.sh [SITE [PAGE]]
#
# SITE is a built site folder (default: build the bundled data into a
# temporary folder); PAGE is the page's path (default the 郊尾镇 township
# page).
set -euo pipefail
cd "$(dirname "$0")/.."

site=${1:-}
page=${2:-/fujian/putian/xianyou/jiaowei/}
if [ -z "$site" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  site=$tmp/public
  SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1736611200} go run ./cmd/gongshi build --out "$site" >/dev/null 2>&1
fi
html=$site${page%/}/index.html
[ -f "$html" ] || { echo "no page $html" >&2; exit 1; }

# What the page loads from the site itself: stylesheets and scripts.
assets=$(grep -oE '<(link rel="stylesheet"|script)[^>]* (href|src)="/[^"]+"' "$html" | grep -oE '(href|src)="/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//' | sort -u)

printf '%-44s %10s %10s\n' "file" "bytes" "gzip -9"
total=0; gtotal=0
row() {
  local name=$1 file=$2 raw gz
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '%-44s %10d %10d\n' "$name" "$raw" "$gz"
  total=$((total + raw)); gtotal=$((gtotal + gz))
}
row "${page}index.html" "$html"
for a in $assets; do
  row "$a" "$site$a"
done
printf '%-44s %10d %10d\n' "total (HTML + CSS + JS)" "$total" "$gtotal"
