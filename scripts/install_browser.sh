#!/usr/bin/env bash
# Debian's chromium for the browser tests (tests/test_browser, driven by Playwright for Python with
# executable_path=/usr/bin/chromium: Playwright's own browser download is not used). Idempotent.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install_browser: /usr/bin/chromium is missing and this user cannot install packages;" >&2
    echo "run as root: apt-get install -y chromium" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
