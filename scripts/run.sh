#!/usr/bin/env bash
# Set up (if needed), load the knowledge, train (only when data/config changed) and start
# the action server, the Rasa server and the web page on localhost. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
up() { .venv/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1" >/dev/null 2>&1; }
umask 077   # databases and logs under var/ are readable by this user only
scripts/setup.sh
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
mkdir -p var/logs
chmod -R go-rwx var 2>/dev/null || true
# Rasa's HTTP API answers only with this token; the web server passes it on server-side.
if [ -z "${RUSTPUNT_RASA_TOKEN:-}" ]; then
  RUSTPUNT_RASA_TOKEN=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(32))")
fi
export RUSTPUNT_RASA_TOKEN

if ! .venv/bin/rustpunt kennis laad; then
  echo "De kennisbestanden bevatten fouten (zie hierboven). Los ze op en start opnieuw." >&2
  exit 1
fi

echo "Model trainen als trainingsdata of configuratie veranderd is ..."
.venv/bin/rasa train --quiet --domain domain --data data stories --out models 2>&1 | grep -v -E "^(WARNING|\s*$)" | tail -n 3 || true
if ! ls models/*.tar.gz >/dev/null 2>&1; then
  echo "Training is mislukt; zie de meldingen hierboven." >&2
  exit 1
fi

ACTIONS_PORT=${RUSTPUNT_ACTIONS_PORT:-5055}
RASA_PORT=${RUSTPUNT_RASA_PORT:-5005}
WEB_PORT=${RUSTPUNT_WEB_PORT:-8080}
pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Rustpunt wordt gestopt ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Gestopt."
}
trap stop_all INT TERM EXIT

SANIC_HOST=127.0.0.1 .venv/bin/rasa run actions --port "$ACTIONS_PORT" --actions actions \
  > var/logs/actions.log 2>&1 &
pids+=($!)
.venv/bin/python -m bot.rasa_server run --enable-api -i 127.0.0.1 --port "$RASA_PORT" --cors "http://localhost:$WEB_PORT" \
  --credentials credentials.yml --endpoints endpoints.yml -m models > var/logs/rasa.log 2>&1 &
pids+=($!)
if [ -f bot/web/__main__.py ]; then
  RUSTPUNT_RASA_URL="http://127.0.0.1:$RASA_PORT" RUSTPUNT_WEB_PORT="$WEB_PORT" .venv/bin/python -m bot.web \
    > var/logs/web.log 2>&1 &
  pids+=($!)
fi

echo "Rustpunt start op (dit duurt ongeveer een halve minuut) ..."
for _ in $(seq 1 180); do
  if up "http://127.0.0.1:$RASA_PORT/" && up "http://127.0.0.1:$ACTIONS_PORT/health"; then
    break
  fi
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Een onderdeel is onverwacht gestopt. Kijk in var/logs/ voor de melding." >&2
      exit 1
    fi
  done
  sleep 1
done
cat <<MSG

Rustpunt is klaar.
  - Webpagina:      http://localhost:$WEB_PORT
  - In de terminal: make shell   (in een tweede terminal)
  - REST:           POST http://localhost:$RASA_PORT/webhooks/rest/webhook  {"sender": "jij", "message": "hallo"}
Logboeken staan in var/logs/. Stoppen: Ctrl-C.
MSG
wait
