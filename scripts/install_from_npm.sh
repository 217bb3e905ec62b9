#!/usr/bin/env sh
# Install files of one npm package, from the npm registry, into a git-ignored folder under api/static/, so that the
# service serves them itself (never from a CDN). Idempotent (a VERSION stamp); without npm it says so and exits 0.
# usage: install_from_npm.sh NAME PACKAGE VERSION TARGET WITHOUT_NPM FILE...
#   NAME: what to call it in messages; TARGET: the folder, relative to the repository; WITHOUT_NPM: what the pages do
#   without it; FILE: paths inside the package, copied flat into TARGET (the first must exist for a finished install)
set -eu
NAME="$1"; PACKAGE="$2"; VERSION="$3"; TARGET="$(cd "$(dirname "$0")/.." && pwd)/$4"; WITHOUT_NPM="$5"
shift 5
STAMP="$TARGET/VERSION"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$VERSION" ] && [ -f "$TARGET/$(basename "$1")" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install $NAME: npm not found; $WITHOUT_NPM" >&2
  exit 0
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
npm install --prefix "$WORK" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "$PACKAGE@$VERSION"
mkdir -p "$TARGET"
for file in "$@" package.json; do
  cp "$WORK/node_modules/$PACKAGE/$file" "$TARGET/"
done
echo "$VERSION" > "$STAMP"
echo "install $NAME: $PACKAGE $VERSION installed in $TARGET"
