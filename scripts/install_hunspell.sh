#!/usr/bin/env bash
# Install Debian's spelling checker with the Dutch dictionary for the spelling test
# (tests/test_spelling.py): hunspell + hunspell-nl, only when missing. Needs root (or sudo).
set -euo pipefail
if command -v hunspell >/dev/null 2>&1 && [ -f /usr/share/hunspell/nl_NL.dic ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Hunspell of het Nederlandse woordenboek ontbreekt en apt-get is er niet. Installeer 'hunspell' en 'hunspell-nl' met de pakketbeheerder van dit systeem." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "Hunspell ontbreekt en installeren vraagt root-rechten: voer uit als root 'apt-get install hunspell hunspell-nl'." >&2
    exit 1
  fi
fi
echo "Hunspell en het Nederlandse woordenboek installeren voor de spellingtest ..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends hunspell hunspell-nl >/dev/null
if ! command -v hunspell >/dev/null 2>&1; then
  echo "Installatie van hunspell/hunspell-nl is mislukt." >&2
  exit 1
fi
echo "Klaar: $(hunspell -v 2>/dev/null | head -1)"
