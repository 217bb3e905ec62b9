#!/usr/bin/env bash
# Debian's Virtuoso Open Source 7.2 and Redis for the many-machines tests (tests/test_store/, the queue tests): the
# tests start each engine themselves on 127.0.0.1, on free ports, with a folder of their own. Only the binaries are
# installed: no system service is started or enabled. Idempotent.
set -euo pipefail

need=()
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource-7-bin)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then
    echo "engines: $(virtuoso-t -? 2>&1 | head -1 || true); $(redis-server --version)"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install_engines: ${need[*]} missing and this user cannot install packages;" >&2
    echo "run as root: apt-get install -y ${need[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# policy-rc.d 101: the packages' maintainer scripts must not start a system-wide redis or virtuoso
printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d.newskg >/dev/null
$SUDO chmod +x /usr/sbin/policy-rc.d.newskg
restore=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    $SUDO ln -s /usr/sbin/policy-rc.d.newskg /usr/sbin/policy-rc.d
    restore="yes"
fi
trap '[ -n "$restore" ] && $SUDO rm -f /usr/sbin/policy-rc.d; $SUDO rm -f /usr/sbin/policy-rc.d.newskg' EXIT
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
command -v virtuoso-t && command -v redis-server
