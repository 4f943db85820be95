#!/usr/bin/env bash
# Smoke test of the Windows binary under Wine (issue 24): import the
# bundled notice with Windows paths (backslashes, a drive), check it, build
# the bundled site, and take the build lock twice at once.
#
#   scripts/wine-smoke.sh [gongshi.exe]
#
# Without an argument it cross-compiles gongshi.exe (CGO_ENABLED=0). It
# installs Debian's wine64 and the MinGW C compiler when they are missing
# (about 2.5 minutes), and gives Wine the bcryptprimitives.dll stand-in that
# Go's runtime needs and Wine 8.0 lacks (scripts/wine/).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "== installing wine64 and gcc-mingw-w64 (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq wine64 >/dev/null
  apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64-win32 >/dev/null
fi

work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
exe=${1:-}
if [ -z "$exe" ]; then
  exe=$work/gongshi.exe
  CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -o "$exe" ./cmd/gongshi
fi
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")

export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot -i >/dev/null 2>&1 || true
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -lbcrypt

# The project as an unpacked release holds it.
proj=$work/项目
mkdir -p "$proj"
git ls-files config.toml content layouts static data seeds | tar -cf - -T - | tar -xf - -C "$proj"
cd "$proj"
winpath() { echo "Z:${1//\//\\}"; } # /tmp/x → Z:\tmp\x

fail() { echo "wine-smoke: $*" >&2; exit 1; }

echo "== gongshi.exe version"
wine "$exe" version | tee "$work/version.txt"
grep -q '^Hugo v' "$work/version.txt" || fail "version names no Hugo"

echo "== gongshi.exe import (Windows paths: seeds\\…, --data with a drive)"
wine "$exe" import 'seeds\000_e336554de99f7c35.txt' --region 福建省/莆田市/仙游县/郊尾镇 \
  --data "$(winpath "$proj/导入")" > "$work/import.txt" 2>&1 || { cat "$work/import.txt"; fail "import failed"; }
imported=$(find "$proj/导入" -name '*.toml')
[ -n "$imported" ] || fail "import wrote no data file"
grep -q '^original = "seeds/000_e336554de99f7c35.txt"$' "$imported" || fail "original is not the / form: $(grep '^original' "$imported")"
cmp -s <(grep -v '^#' "$imported") <(grep -v '^#' data/fujian/putian/xianyou/jiaowei/2024-12-02.toml) ||
  echo "   (the import differs from the bundled data file, as an import before the editor's fixes does)"

echo "== gongshi.exe check --data 导入 and the bundled data"
wine "$exe" check --data 导入 || fail "check of the import failed"
wine "$exe" check || fail "check of the bundled data failed"

echo "== gongshi.exe build --out Z:\\…\\网站"
start=$(date +%s)
wine "$exe" build --out "$(winpath "$work/网站")" || fail "build failed"
echo "   built in $(( $(date +%s) - start )) s"
grep -q '郊尾镇' "$work/网站/index.html" || fail "the built home page does not name 郊尾镇"
[ -s "$work/网站/sitemap.xml" ] || fail "no sitemap.xml"

echo "== two builds at once: the second, --no-wait, is refused while the first holds the lock"
wine "$exe" build --no-cache --out "$(winpath "$work/网站")" > "$work/first.txt" 2>&1 &
first=$!
refused=""
for _ in $(seq 1 100); do
  if ! wine "$exe" build --no-wait --out "$(winpath "$work/网站")" > "$work/second.txt" 2>&1; then
    grep -q 'another build' "$work/second.txt" && { refused=yes; break; }
    cat "$work/second.txt"; fail "the second build failed otherwise"
  fi
  kill -0 "$first" 2>/dev/null || break
done
wait "$first" || { cat "$work/first.txt"; fail "the first build failed"; }
[ -n "$refused" ] || fail "the second build was never refused while the first ran (the lock does not hold)"
echo "   refused: $(head -1 "$work/second.txt")"
echo "== wine smoke test: ok"
