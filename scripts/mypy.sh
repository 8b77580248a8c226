#!/usr/bin/env bash
# mypy on bot/ and actions/ (settings in pyproject.toml), starting from a shared cache when .mypy_cache
# is new: a fresh clone then checks in seconds instead of analysing every installed library again.
# The shared copy lives outside the checkout, keyed by requirements.lock and pyproject.toml:
# ${RUSTPUNT_MYPY_CACHE:-${XDG_CACHE_HOME:-~/.cache}/rustpunt/mypy}/<key> (policy: docs/conventions.md).
# mypy itself checks every cached module against its source (by hash), so a stale entry is only
# analysed again, never trusted; the shared copy may be deleted at any time.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cache.sh
key=$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-20)
shared=$(cache_folder mypy "${RUSTPUNT_MYPY_CACHE:-}")
if [ ! -d .mypy_cache ] && [ -d "$shared/$key" ]; then
  cp -a "$shared/$key" .mypy_cache 2>/dev/null || rm -rf .mypy_cache   # -a keeps the times mypy checks
fi
.venv/bin/mypy "$@"
# keep this result for the next fresh clone (atomic; the 3 newest keys)
if cache_ready "$shared"; then
  part="$shared/$key.part.$$"
  if cp -a .mypy_cache "$part" 2>/dev/null; then
    rm -rf "$shared/$key.old.$$"
    mv -T "$shared/$key" "$shared/$key.old.$$" 2>/dev/null || true
    mv -T "$part" "$shared/$key" 2>/dev/null || true
    rm -rf "$part" "$shared/$key.old.$$"
    cache_keep 3 "$shared"/*/
  else
    rm -rf "$part"
  fi
fi
