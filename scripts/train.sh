#!/usr/bin/env bash
# Train the Rasa model only when its inputs changed; print the model's path (stdout), messages on stderr.
# The model is named after a hash of what training reads (config.yml, domain/, data/, stories/, the
# spaCy pipeline and the Rasa version), so an unchanged project finds its model and trains nothing.
# Trained models are also kept in a cache outside the checkout, by that same hash
# (${RUSTPUNT_MODEL_CACHE:-${XDG_CACHE_HOME:-~/.cache}/rustpunt/models}), so a fresh clone with the same
# inputs copies the model instead of training; any changed input gives a new hash and trains.
# Keeps the newest 3 models in models/ and the newest 10 in the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
mkdir -p var/logs models
. scripts/cache.sh
store_in_cache() {   # atomic copy into the cache; keep its 10 newest models
  if cache_ready "$cache" && cp "$model" "$cache/$name.part.$$" && mv "$cache/$name.part.$$" "$cache/$name"; then
    cache_keep 10 "$cache"/rustpunt-*.tar.gz
  else
    echo "Let op: het model kon niet in de cache $cache worden bewaard (training werkt wel)." >&2
  fi
}
key=$(.venv/bin/python -m bot.model_key)
name="rustpunt-$key.tar.gz"
model="models/$name"
cache=$(cache_folder models "${RUSTPUNT_MODEL_CACHE:-}")
if [ -f "$model" ]; then
  echo "Model is actueel ($model); niets te trainen." >&2
  touch "$model"   # newest, so 'rasa shell -m models' uses it as well
  [ -f "$cache/$name" ] || store_in_cache
elif [ -f "$cache/$name" ]; then
  cp "$cache/$name" "$model.part" && mv "$model.part" "$model"
  touch "$cache/$name"
  echo "Model is actueel; gekopieerd uit de cache ($cache/$name); niets te trainen." >&2
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
  store_in_cache
fi
# prune: keep the 3 newest models
cache_keep 3 models/*.tar.gz
echo "$model"
