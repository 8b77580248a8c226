#!/usr/bin/env bash
# Install Debian's headless browser for the end-to-end tests (chromium + chromium-driver),
# only when /usr/bin/chromium or /usr/bin/chromedriver is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
"$(dirname "$0")/apt_install.sh" "Chromium voor de browsertests" chromium chromium-driver fonts-dejavu-core
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installatie van chromium/chromium-driver is mislukt." >&2
  exit 1
fi
echo "Klaar: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
