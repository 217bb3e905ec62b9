#!/usr/bin/env sh
# Install Apache ECharts (the drawing library of the network and timeline pictures) from the npm registry into
# api/static/vendor/echarts/, which is git-ignored; the service serves it from there, never from a CDN. Idempotent;
# without npm it says so and exits 0 (the pictures stay plain lists).
set -eu
VERSION="${ECHARTS_VERSION:-6.1.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/api/static/vendor/echarts"
STAMP="$TARGET/VERSION"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$VERSION" ] && [ -f "$TARGET/echarts.min.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install_echarts: npm not found; the network and timeline pictures will show as plain lists" >&2
  exit 0
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
npm install --prefix "$WORK" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "echarts@$VERSION"
mkdir -p "$TARGET"
cp "$WORK/node_modules/echarts/dist/echarts.min.js" "$WORK/node_modules/echarts/LICENSE" "$TARGET/"
cp "$WORK/node_modules/echarts/package.json" "$TARGET/package.json"
echo "$VERSION" > "$STAMP"
echo "install_echarts: ECharts $VERSION installed in api/static/vendor/echarts/"
