#!/usr/bin/env bash
# Install Debian's headless browser for the end-to-end tests (chromium + chromium-driver),
# only when /usr/bin/chromium or /usr/bin/chromedriver is missing. Needs root (or sudo).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ontbreekt en apt-get is er niet. Installeer 'chromium' en 'chromium-driver' met de pakketbeheerder van dit systeem." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "Chromium ontbreekt en installeren vraagt root-rechten: voer uit als root 'apt-get install chromium chromium-driver'." >&2
    exit 1
  fi
fi
echo "Chromium en chromium-driver installeren voor de browsertests ..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installatie van chromium/chromium-driver is mislukt." >&2
  exit 1
fi
echo "Klaar: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
