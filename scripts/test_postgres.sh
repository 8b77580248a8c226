#!/usr/bin/env bash
# Run the pytest suite against PostgreSQL instead of SQLite. Installs and starts Debian's
# PostgreSQL on this machine when needed (root or sudo), with a local test user and database.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  echo "PostgreSQL installeren ..."
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null
fi
read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
$SUDO pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
psql_admin() { $SUDO -u postgres psql -qtAc "$1" 2>/dev/null || su postgres -c "psql -qtAc \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='rustpunt'")" = "1" ] \
  || psql_admin "CREATE USER rustpunt WITH PASSWORD 'rustpunt'"
[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='rustpunt_test'")" = "1" ] \
  || psql_admin "CREATE DATABASE rustpunt_test OWNER rustpunt"
RUSTPUNT_TEST_DATABASE_URL="postgresql://rustpunt:rustpunt@localhost/rustpunt_test" \
  .venv/bin/pytest -m "not e2e" -p no:cacheprovider "$@"
