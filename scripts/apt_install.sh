#!/usr/bin/env bash
# Install Debian packages for a test or start script: apt_install.sh "<wat, voor de melding>" pakket ...
# The callers check first whether anything is missing. Needs root (or sudo); clear Dutch messages otherwise.
set -euo pipefail
what=$1; shift
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$what ontbreekt en apt-get is er niet. Installeer '$*' met de pakketbeheerder van dit systeem." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "$what ontbreekt en installeren vraagt root-rechten: voer uit als root 'apt-get install $*'." >&2
    exit 1
  fi
fi
echo "$what installeren ($*) ..."
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }; then
  echo "Installeren van $* is mislukt. Installeer ze zelf (apt-get install $*) en probeer opnieuw." >&2
  exit 1
fi
