#!/usr/bin/env bash
# Regenerate requirements.lock (exact versions + sha256 hashes) from pyproject.toml's dependencies and
# its "test" extra. Run after changing a dependency in pyproject.toml: `make lock`, then `make setup`.
# pip-tools lives in its own small venv (var/lock-venv) so it never ends up in the project's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(scripts/python310.sh)
if [ ! -x var/lock-venv/bin/pip-compile ]; then
  "$PY" -m venv var/lock-venv
  var/lock-venv/bin/python -m pip install --quiet "pip-tools>=7.4,<8"
fi
CUSTOM_COMPILE_COMMAND="make lock" var/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
  --strip-extras --no-emit-index-url --no-emit-find-links --extra test --resolver backtracking \
  --output-file requirements.lock pyproject.toml
echo "requirements.lock bijgewerkt; installeer met 'make setup'."
