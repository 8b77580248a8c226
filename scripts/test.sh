#!/usr/bin/env bash
# Everything CI runs: install, knowledge check, rasa data validate, train, pytest,
# Rasa test stories, end-to-end browser tests. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
step() { echo; echo "=== $* ==="; }

step "Installeren"
scripts/setup.sh
test -x .venv/bin/rasa

step "Kennis controleren"
.venv/bin/rustpunt kennis controleer

step "Lint (ruff)"
.venv/bin/ruff check bot actions tests scripts

step "Types (mypy)"
.venv/bin/mypy  # bot/ and actions/, settings in pyproject.toml; cache in .mypy_cache

step "Rasa-data valideren"
mkdir -p var
if ! .venv/bin/rasa data validate --domain domain --data data stories --fail-on-warnings > var/validate.log 2>&1; then
  tail -n 40 var/validate.log
  exit 1
fi
# rasa 3.6 does not fail on unused intents/responses even with --fail-on-warnings: we do.
if grep -E "UserWarning|Story structure conflict|CONFLICT" var/validate.log; then
  echo "Rasa-data geeft waarschuwingen (zie hierboven)." >&2
  exit 1
fi

step "Trainen (alleen als de invoer veranderd is; anders uit models/ of de modelcache)"
start=$(date +%s)
model=$(scripts/train.sh)
test -f "$model"
echo "Model: $model ($(( $(date +%s) - start )) s)"

step "Spellingcontrole voorbereiden (hunspell-nl) en redis-server (test van de gesprekssloten)"
scripts/install_hunspell.sh
if ! command -v redis-server >/dev/null 2>&1; then
  scripts/apt_install.sh "Redis (voor de test van de gesprekssloten)" redis-server
fi

step "Pytest (eenheden, acties, engines, spelling)"
.venv/bin/pytest -m "not e2e"

step "Rasa-teststories"
rm -rf var/test-results
if ! .venv/bin/rasa test core --stories tests/stories --model "$model" \
  --out var/test-results --fail-on-prediction-errors > var/rasa-test.log 2>&1; then
  tail -n 40 var/rasa-test.log
  echo "Rasa-teststories mislukt; zie var/test-results/failed_test_stories.yml" >&2
  exit 1
fi
grep -E "Correct:" var/rasa-test.log

if [ -d tests/e2e ]; then
  step "End-to-end in headless Chromium"
  if [ -x scripts/install_chromium.sh ]; then scripts/install_chromium.sh; fi
  RUSTPUNT_MODEL="$model" .venv/bin/pytest -m e2e tests/e2e
fi
