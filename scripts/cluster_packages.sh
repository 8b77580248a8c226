#!/usr/bin/env bash
# Install the Debian packages of the multi-server set-up when missing: PostgreSQL, Redis, HAProxy.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Debian-pakketten installeren: ${missing[*]} ..."
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "Installeren van ${missing[*]} is mislukt. Installeer ze zelf (apt-get install ${missing[*]}) en probeer opnieuw." >&2
  exit 1
fi
