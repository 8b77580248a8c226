#!/usr/bin/env bash
# Rustpunt with several servers on this machine: PostgreSQL, Redis, two Rasa servers, two action
# servers, the web server and HAProxy in front. Data and configuration under var/cluster/. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
scripts/setup.sh
# A cluster that already runs from this folder: say so now, before anything is installed, trained or written
# (bot.cluster.services.claim; 'run' itself checks again before it changes a file)
.venv/bin/python -m bot.cluster run --check "$@"
# OpenTaal's word list (hunspell-nl) tells the masker which words are Dutch (surnames, streets, organisations);
# without it the masker reads fewer of them and says so in the log
scripts/install_hunspell.sh || echo "Let op: zonder hunspell-nl schermt Rustpunt minder achternamen en straten af." >&2
scripts/cluster_packages.sh
mkdir -p var
if ! .venv/bin/rustpunt kennis controleer; then
  echo "De kennisbestanden bevatten fouten (zie hierboven). Los ze op en start opnieuw." >&2
  exit 1
fi
echo "Model trainen als trainingsdata of configuratie veranderd is ..."
.venv/bin/rasa train --quiet --domain domain --data data stories --out models 2>&1 | grep -v -E "^(WARNING|\s*$)" | tail -n 3 || true
if ! ls models/*.tar.gz >/dev/null 2>&1; then
  echo "Training is mislukt; zie de meldingen hierboven." >&2
  exit 1
fi
exec .venv/bin/python -m bot.cluster run "$@"
