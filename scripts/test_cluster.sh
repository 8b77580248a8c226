#!/usr/bin/env bash
# The multi-server fault test (see bot/cluster/fault_test.py). Run after 'make test' (which trains
# models/rustpunt-test.tar.gz); trains that model itself when it is missing. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
start=$(date +%s)
scripts/setup.sh
scripts/cluster_packages.sh
if [ ! -f models/rustpunt-test.tar.gz ]; then
  echo "Testmodel trainen (models/rustpunt-test.tar.gz) ..."
  .venv/bin/rasa train --domain domain --data data stories --out models --fixed-model-name rustpunt-test 2>&1 \
    | grep -v -E "^\s*$" | tail -n 3
  test -f models/rustpunt-test.tar.gz
fi
status=0
.venv/bin/python -m bot.cluster test "$@" || status=$?
echo "Duur van make test-cluster: $(( $(date +%s) - start )) s"
exit $status
