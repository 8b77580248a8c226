#!/usr/bin/env bash
# A conversation in the terminal. Starts the action server when it is not running yet.
set -euo pipefail
cd "$(dirname "$0")/.."
up() { .venv/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1" >/dev/null 2>&1; }
umask 077
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
ls models/*.tar.gz >/dev/null 2>&1 || .venv/bin/rasa train --domain domain --data data stories --out models
own=""
if ! up http://127.0.0.1:5055/health; then
  mkdir -p var/logs
  # The action server of 'make run' (bot/action_server.py), with a token of this session that the shell sends along:
  # a bare 'rasa run actions' ran any action for any program or web page on this machine (stored plans included)
  # and logged a failing action with what was typed.
  if [ -z "${RUSTPUNT_RASA_TOKEN:-}" ]; then
    RUSTPUNT_RASA_TOKEN=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(32))")
  fi
  export RUSTPUNT_RASA_TOKEN
  SANIC_HOST=127.0.0.1 ACTION_SERVER_SANIC_WORKERS=1 .venv/bin/python -m bot.action_server --actions actions \
    --port 5055 > var/logs/actions-shell.log 2>&1 &
  own=$!
  trap 'kill $own 2>/dev/null || true' EXIT
  echo "De actieserver start op (dat duurt ongeveer een minuut) ..."
  for _ in $(seq 1 300); do up http://127.0.0.1:5055/health && break; sleep 1; done
fi
.venv/bin/python -m bot.rasa_server shell --endpoints endpoints.yml -i 127.0.0.1 --port 5006 -m models
