#!/usr/bin/env sh
# Install YASGUI (the SPARQL editor of the /sparql page) from the npm registry into api/static/yasgui/,
# which is git-ignored. Idempotent; without npm it says so and exits 0 (the page falls back to a plain form).
set -eu
VERSION="${YASGUI_VERSION:-4.6.2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/api/static/yasgui"
STAMP="$TARGET/VERSION"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$VERSION" ] && [ -f "$TARGET/yasgui.min.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install_yasgui: npm not found; /sparql will offer the plain query form" >&2
  exit 0
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
npm install --prefix "$WORK" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
  "@zazuko/yasgui@$VERSION"
mkdir -p "$TARGET"
cp "$WORK/node_modules/@zazuko/yasgui/build/yasgui.min.js" "$WORK/node_modules/@zazuko/yasgui/build/yasgui.min.css" "$TARGET/"
cp "$WORK/node_modules/@zazuko/yasgui/package.json" "$TARGET/package.json"
echo "$VERSION" > "$STAMP"
echo "install_yasgui: YASGUI $VERSION installed in api/static/yasgui/"
