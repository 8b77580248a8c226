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
stamp=.venv/.rustpunt-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Pakketten installeren (eerste keer duurt dit enkele minuten) ..."
  start=$(date +%s)
  .venv/bin/python -m pip install --quiet -e ".[test]"
  echo "$want" > "$stamp"
  echo "Installatie klaar in $(( $(date +%s) - start )) s."
fi
.venv/bin/python -m bot.spacy_model
.venv/bin/rustpunt herkenners bouw   # step and role recognisers under var/models (only when examples changed)
