#!/usr/bin/env bash
# Set up everything once: .venv with Python 3.10, the project and its test tools,
# the Dutch spaCy pipeline under var/. Re-running only redoes what changed.
#
# Exact versions and hashes come from requirements.lock (regenerate with `make lock`): no dependency
# resolution, and two machines get the same packages. Installing them takes minutes, so the installed
# dependencies (without the project itself) are kept in a cache outside the checkout, keyed by a hash of
# requirements.lock and the Python interpreter: ${RUSTPUNT_VENV_CACHE:-${XDG_CACHE_HOME:-~/.cache}/rustpunt/venvs}
# (policy: docs/conventions.md). A checkout copies that environment into .venv (hard links where the
# file system allows, so it takes seconds and little disk), points its scripts at .venv, and installs
# the project itself from this checkout (editable, no dependencies). The cache may be deleted at any time.
set -euo pipefail
cd "$(dirname "$0")/.."
(umask 077 && mkdir -p var)  # var/ will hold the databases and logs: this user only, from the first step
. scripts/cache.sh
PY=$(scripts/python310.sh)
stamp=.venv/.rustpunt-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  start=$(date +%s)
  VENV_LAYOUT=1  # raise when the way the cached environment is built changes
  key=$({ echo "$VENV_LAYOUT"; "$PY" -c 'import sys; print(sys.version, sys.prefix)'; cat requirements.lock; } \
        | sha256sum | cut -c1-20)
  cache=$(cache_folder venvs "${RUSTPUNT_VENV_CACHE:-}")
  if ! cache_ready "$cache"; then
    cache="$PWD/var/venv-cache"   # no usable cache outside the checkout: keep it in var/ (ignored by git)
    mkdir -p "$cache"
  fi
  if [ ! -f "$cache/$key/.rustpunt-built-at" ]; then
    echo "Pakketten installeren uit requirements.lock (eerste keer duurt dit enkele minuten) ..."
    part="$cache/$key.part.$$"
    rm -rf "$part"
    "$PY" -m venv "$part"
    "$part/bin/python" -m pip install --quiet --require-hashes --no-deps -r requirements.lock
    echo "$part" > "$part/.rustpunt-built-at"
    # atomic: another checkout that built the same key at the same time keeps its copy
    mv -T "$part" "$cache/$key" 2>/dev/null || rm -rf "$part"
    cache_keep 3 "$cache"/*/
  else
    echo "Pakketten uit de cache ($cache/$key) ..."
  fi
  touch "$cache/$key"
  rm -rf .venv
  cp -al "$cache/$key" .venv 2>/dev/null || { rm -rf .venv; cp -a "$cache/$key" .venv; }
  # The scripts in .venv/bin name the interpreter of the environment they were built in: point them at .venv.
  # Each changed file is written anew (never in place), so the cache's hard-linked copy stays as it was.
  "$PY" - "$(cat .venv/.rustpunt-built-at)" "$PWD/.venv" <<'PYTHON'
import os, sys
from pathlib import Path
old, new = sys.argv[1].encode(), sys.argv[2].encode()
for path in Path(".venv/bin").iterdir():
    if path.is_symlink() or not path.is_file():
        continue
    data = path.read_bytes()
    if old in data:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data.replace(old, new))
        os.chmod(tmp, path.stat().st_mode)
        os.replace(tmp, path)
PYTHON
  rm -f .venv/.rustpunt-built-at
  # The project itself always comes from this checkout.
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
  echo "Installatie klaar in $(( $(date +%s) - start )) s."
fi
.venv/bin/python -m bot.spacy_model
.venv/bin/rustpunt herkenners bouw   # step, role and invitation recognisers under var/models (only when their examples changed)
