#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; `npx playwright install` cannot
# download a browser here, so the system package is installed instead.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "› installing Debian's chromium for the browser tests" >&2
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
