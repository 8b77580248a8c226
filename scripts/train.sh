#!/usr/bin/env bash
# Train the Rasa model only when its inputs changed; print the model's path (stdout), messages on stderr.
# The model is named after a hash of what training reads (config.yml, domain/, data/, stories/, the
# spaCy pipeline and the Rasa version), so an unchanged project finds its model and trains nothing.
# Keeps the newest 3 models in models/.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
mkdir -p var/logs models
key=$(.venv/bin/python -m bot.model_key)
model="models/rustpunt-$key.tar.gz"
if [ -f "$model" ]; then
  echo "Model is actueel ($model); niets te trainen." >&2
  touch "$model"   # newest, so 'rasa shell -m models' uses it as well
else
  echo "Model trainen (trainingsdata of configuratie veranderd) ..." >&2
  start=$(date +%s)
  if ! .venv/bin/rasa train --quiet --domain domain --data data stories --out models \
       --fixed-model-name "rustpunt-$key" > var/logs/train.log 2>&1 || [ ! -f "$model" ]; then
    tail -n 20 var/logs/train.log >&2
    echo "Training is mislukt; zie var/logs/train.log." >&2
    exit 1
  fi
  echo "Model getraind in $(( $(date +%s) - start )) s: $model" >&2
fi
# prune: keep the 3 newest models
ls -1t models/*.tar.gz 2>/dev/null | tail -n +4 | while read -r old; do rm -f -- "$old"; done
echo "$model"
