#!/usr/bin/env bash
# Install the Debian packages of the multi-server set-up when missing: PostgreSQL, Redis, HAProxy.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
[ ${#missing[@]} -eq 0 ] && exit 0
"$(dirname "$0")/apt_install.sh" "Onderdelen voor meerdere servers" "${missing[@]}"
