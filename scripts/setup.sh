#!/usr/bin/env bash
# Set up everything once: .venv with Python 3.10, the project and its test tools,
# the Dutch spaCy pipeline under var/. Re-running only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(scripts/python310.sh)
if [ ! -x .venv/bin/python ]; then
  echo "Virtuele omgeving .venv aanmaken met $PY ..."
  "$PY" -m venv .venv
fi
# Exact versions and hashes come from requirements.lock (regenerate with `make lock`): no dependency
# resolution, and two machines get the same packages. The project itself goes in without dependencies.
stamp=.venv/.rustpunt-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Pakketten installeren uit requirements.lock (eerste keer duurt dit enkele minuten) ..."
  start=$(date +%s)
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
  echo "Installatie klaar in $(( $(date +%s) - start )) s."
fi
.venv/bin/python -m bot.spacy_model
.venv/bin/rustpunt herkenners bouw   # step and role recognisers under var/models (only when examples changed)
