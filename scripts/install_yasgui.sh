#!/usr/bin/env sh
# Install YASGUI (the SPARQL editor of the /sparql page) from the npm registry into api/static/yasgui/,
# which is git-ignored. Idempotent; without npm it says so and exits 0 (the page falls back to a plain form).
exec sh "$(dirname "$0")/install_from_npm.sh" YASGUI @zazuko/yasgui "${YASGUI_VERSION:-4.6.2}" api/static/yasgui \
  "/sparql will offer the plain query form" build/yasgui.min.js build/yasgui.min.css
