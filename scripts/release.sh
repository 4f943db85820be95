#!/usr/bin/env bash
# Release archives of gongshi, one per platform, and their checksums.
#
#   scripts/release.sh [VERSION]
#
# VERSION defaults to `git describe --tags --always --dirty`. Environment:
#   TARGETS            the platforms, GOOS/GOARCH separated by spaces
#                      (default: windows/amd64 linux/amd64 linux/arm64
#                      linux/loong64 darwin/arm64)
#   DIST               where the archives go (default dist/)
#   SOURCE_DATE_EPOCH  the time of every file in the archives (default the
#                      commit's time), so that two runs give the same bytes
#
# The build matrix, one `go build` per platform (one at a time):
#
#   CGO_ENABLED=0 GOOS=… GOARCH=… go build -trimpath -buildvcs=false \
#     -ldflags "-s -w -buildid= -X …/buildinfo.version=VERSION -X …/buildinfo.commit=COMMIT" \
#     -o gongshi[.exe] ./cmd/gongshi
#
# -trimpath drops the build machine's paths, -buildid= the link's random
# id, -buildvcs=false the work tree's state (the commit is given with -X),
# CGO_ENABLED=0 the C toolchain: the same commit and Go version give the
# same binary on any machine (checked: see docs/install.md).
#
# Each archive, gongshi-VERSION-GOOS-GOARCH.tar.gz (.zip for Windows),
# unpacks to one folder that is a whole project: gongshi serve run there
# needs nothing else (no Go, no repository, no network):
#   gongshi[.exe]       the program
#   config.toml content/ layouts/ static/   the site's Hugo project (read at
#                       run time: they are not inside the binary)
#   data/ seeds/        the bundled notice's data and its original
#   编辑指南.md 安装说明.md   docs/编辑指南.md and docs/install.md
#   启动预览.cmd         (Windows) double-click: gongshi serve in this folder
#   SHA256SUMS          the SHA-256 of every file above
# and DIST/SHA256SUMS lists the archives' SHA-256.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${1:-$(git describe --tags --always --dirty 2>/dev/null || echo devel)}
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  COMMIT="$COMMIT+"
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
TARGETS=${TARGETS:-"windows/amd64 linux/amd64 linux/arm64 linux/loong64 darwin/arm64"}
DIST=${DIST:-dist}
PKG=github.com/gongshi/gongshi/internal/buildinfo

command -v zip >/dev/null || case "$TARGETS" in *windows*) echo "release.sh: zip is needed for the Windows archive (apt-get install zip)" >&2; exit 1;; esac

mkdir -p "$DIST"
DIST=$(cd "$DIST" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The project files every archive holds: what git tracks, so that nothing
# of the work tree (public/, caches) slips in.
project_files() {
  git ls-files -- config.toml content layouts static data seeds
}

for target in $TARGETS; do
  goos=${target%/*} goarch=${target#*/}
  name=gongshi-$VERSION-$goos-$goarch
  dir=$work/$name
  mkdir -p "$dir"
  exe=gongshi
  [ "$goos" = windows ] && exe=gongshi.exe
  echo "== $target"
  start=$(date +%s)
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=false \
    -ldflags "-s -w -buildid= -X $PKG.version=$VERSION -X $PKG.commit=$COMMIT" \
    -o "$dir/$exe" ./cmd/gongshi
  echo "   built in $(( $(date +%s) - start )) s"

  project_files | while read -r f; do
    mkdir -p "$dir/$(dirname "$f")"
    cp "$f" "$dir/$f"
  done
  cp docs/编辑指南.md "$dir/编辑指南.md"
  cp docs/install.md "$dir/安装说明.md"
  if [ "$goos" = windows ]; then
    # A double-click starts the preview in this folder and keeps the window
    # open when it stops (CRLF, ASCII only: cmd.exe reads it in any code page).
    printf '@echo off\r\ncd /d "%%~dp0"\r\ngongshi.exe serve --open\r\npause\r\n' > "$dir/启动预览.cmd"
  fi
  (cd "$dir" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | tr '\n' '\0' | xargs -0 sha256sum > SHA256SUMS)

  # Same bytes every run: names sorted, every time SOURCE_DATE_EPOCH, no
  # owner, modes normalised, gzip without a name or time.
  find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  chmod -R u=rwX,go=rX "$dir"
  chmod 755 "$dir/$exe"
  if [ "$goos" = windows ]; then
    rm -f "$DIST/$name.zip"
    (cd "$work" && find "$name" | LC_ALL=C sort | TZ=UTC zip -X -q -D "$DIST/$name.zip" -@)
  else
    (cd "$work" && tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
      --format=gnu -cf - "$name" | gzip -n > "$DIST/$name.tar.gz")
  fi
  sha256sum "$dir/$exe" | sed "s|$work/||"
done

(cd "$DIST" && find . -maxdepth 1 -name "gongshi-$VERSION-*" \( -name '*.tar.gz' -o -name '*.zip' \) |
  sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "== $DIST/SHA256SUMS"
cat "$DIST/SHA256SUMS"
