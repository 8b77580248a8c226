#!/usr/bin/env bash
# The multi-server fault test (see bot/cluster/fault_test.py). Uses the model of 'make test'
# (scripts/train.sh: trains only when the inputs changed). Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
start=$(date +%s)
scripts/setup.sh
scripts/cluster_packages.sh
model=$(scripts/train.sh)   # the same model as make test (trains only when the inputs changed)
status=0
.venv/bin/python -m bot.cluster test --model "$model" "$@" || status=$?
echo "Duur van make test-cluster: $(( $(date +%s) - start )) s"
exit $status
