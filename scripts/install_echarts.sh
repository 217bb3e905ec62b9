#!/usr/bin/env sh
# Install Apache ECharts (the drawing library of the network and timeline pictures) from the npm registry into
# api/static/vendor/echarts/, which is git-ignored. Idempotent; without npm it says so and exits 0 (the pictures stay
# plain lists).
exec sh "$(dirname "$0")/install_from_npm.sh" ECharts echarts "${ECHARTS_VERSION:-6.1.0}" api/static/vendor/echarts \
  "the network and timeline pictures will show as plain lists" dist/echarts.min.js LICENSE
