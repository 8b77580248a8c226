#!/usr/bin/env bash
# Set up (if needed), load the knowledge, train (only when training data/config changed) and start
# the action server, the Rasa server and the web page on localhost under a small supervisor
# (bot/supervisor.py) that restarts a part that stops. Ctrl-C (or closing the terminal) stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
up() { .venv/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1" >/dev/null 2>&1; }
umask 077   # databases and logs under var/ are readable by this user only
began=$(date +%s)
scripts/setup.sh
# One 'make run' per data folder, with the lock and the wording of the cluster's (bot/locks.py): this script keeps
# var/run.lock open (fd 9) until it ends, so after Ctrl-C only once everything stopped, and after a kill -9 at once.
# A second start stops here, before anything in var/ changes. What a start killed with kill -9 left running (the
# supervisor and its servers, var/run.servers.json) is stopped cleanly first. The supervisor and the long steps do
# not keep fd 9 (9>&-): after a kill -9 of this script the lock must not stay with them (the supervisor is found in
# run.servers.json instead).
var="${RUSTPUNT_VAR_DIR:-var}"
mkdir -p "$var"
exec 9>>"$var/run.lock"
.venv/bin/python -m bot.supervisor --claim 9 --pid $$ || exit 1
# OpenTaal's word list (hunspell-nl) tells the masker which words are Dutch (surnames, streets, organisations);
# without it the masker reads fewer of them and says so in the log
scripts/install_hunspell.sh 9>&- || echo "Let op: zonder hunspell-nl schermt Rustpunt minder achternamen en straten af." >&2
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
mkdir -p var/logs
chmod -R go-rwx var 2>/dev/null || true
# Rasa's HTTP API answers only with this token; the web server passes it on server-side.
if [ -z "${RUSTPUNT_RASA_TOKEN:-}" ]; then
  RUSTPUNT_RASA_TOKEN=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(32))")
fi
export RUSTPUNT_RASA_TOKEN
# 'make shell' and 'rustpunt meet' find it here (this user only, like the databases next to it); removed again on
# every way of stopping (Ctrl-C, SIGTERM to the process group, an error during start-up)
token_file="${RUSTPUNT_VAR_DIR:-var}/rasa_token"
supervisor=""
stop_all() {
  trap - INT TERM HUP EXIT
  rm -f "$token_file"   # first: a closed terminal may make the messages below fail
  if [ -n "$supervisor" ]; then
    echo "" || true
    echo "Rustpunt wordt gestopt ..." || true
    kill -TERM "$supervisor" 2>/dev/null || true
    wait "$supervisor" 2>/dev/null || true
    echo "Gestopt." || true
  fi
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
# a closed terminal (SIGHUP to this script and the supervisor): everything stops as on Ctrl-C
trap 'stop_all; exit 129' HUP
(umask 077 && printf '%s\n' "$RUSTPUNT_RASA_TOKEN" > "$token_file")

# The key of the encrypted contact details: checked at every start, made at the first (docs/privacy.md). Missing,
# wrong or readable by others while encrypted data exists: Rustpunt does not start (the message says what to do).
if ! .venv/bin/rustpunt sleutel klaarzetten; then
  echo "Rustpunt start niet: de sleutel van de versleutelde contactgegevens is niet in orde (zie hierboven)." >&2
  exit 1
fi
if ! .venv/bin/rustpunt kennis laad; then
  echo "De kennisbestanden bevatten fouten (zie hierboven). Los ze op en start opnieuw." >&2
  exit 1
fi
# Retention: remove conversations and records older than the configured periods (docs/privacy.md); the supervisor
# repeats it every day.
if ! .venv/bin/rustpunt opruimen; then
  echo "Opruimen volgens de bewaartermijn is mislukt (zie hierboven)." >&2
  exit 1
fi

# Trains only when domain/, data/, stories/ or config.yml changed; otherwise reuses the model.
RUSTPUNT_MODEL=$(scripts/train.sh 9>&-) || exit 1
export RUSTPUNT_MODEL

export RUSTPUNT_ACTIONS_PORT=${RUSTPUNT_ACTIONS_PORT:-5055}
export RUSTPUNT_RASA_PORT=${RUSTPUNT_RASA_PORT:-5005}
export RUSTPUNT_WEB_PORT=${RUSTPUNT_WEB_PORT:-8080}
# One Rasa server with the in-memory lock store (nothing to install); the action server uses
# both cores (Sanic workers forked after the warm-up, see bot/action_server.py).
export ACTION_SERVER_SANIC_WORKERS=${ACTION_SERVER_SANIC_WORKERS:-2}
export RUSTPUNT_ENDPOINTS=endpoints.yml
if [ "$RUSTPUNT_ACTIONS_PORT" != 5055 ]; then
  RUSTPUNT_ENDPOINTS=var/endpoints.run.yml
  sed "s#localhost:5055#127.0.0.1:$RUSTPUNT_ACTIONS_PORT#" endpoints.yml > "$RUSTPUNT_ENDPOINTS"
fi

# The supervisor also runs 'rustpunt opruimen' once a day (retention while Rustpunt keeps running).
.venv/bin/python -m bot.supervisor 9>&- &
supervisor=$!

echo "Rustpunt start op ..."
ready=""
for _ in $(seq 1 300); do
  if up "http://127.0.0.1:$RUSTPUNT_RASA_PORT/" && up "http://127.0.0.1:$RUSTPUNT_ACTIONS_PORT/health"; then
    ready=1
    break
  fi
  if ! kill -0 "$supervisor" 2>/dev/null; then
    echo "Rustpunt kon niet starten. Kijk in var/logs/ voor de melding." >&2
    exit 1
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "Rustpunt is na 5 minuten nog niet klaar. Kijk in var/logs/ voor de melding." >&2
  exit 1
fi
# Let Rasa's language model do its first (slow) prediction now, not on the first user's message.
.venv/bin/python -m bot.warm_rasa "http://127.0.0.1:$RUSTPUNT_RASA_PORT" || true
cat <<MSG

Rustpunt is klaar (opgestart in $(( $(date +%s) - began )) s).
  - Webpagina:      http://localhost:$RUSTPUNT_WEB_PORT
  - In de terminal: make shell   (in een tweede terminal)
  - REST:           POST http://localhost:$RUSTPUNT_RASA_PORT/webhooks/rest/webhook?token=<RUSTPUNT_RASA_TOKEN>
                    {"sender": "jij", "message": "hallo"}  (alleen met het token: zie ${RUSTPUNT_VAR_DIR:-var}/rasa_token)
Een onderdeel dat stopt, wordt vanzelf opnieuw gestart (zie var/logs/supervisor.log).
Logboeken staan in var/logs/. Stoppen: Ctrl-C.
MSG
wait "$supervisor"
