#!/usr/bin/env bash
# Install Debian's spelling checker with the Dutch dictionary for the spelling test
# (tests/test_spelling.py): hunspell + hunspell-nl, only when missing.
set -euo pipefail
if command -v hunspell >/dev/null 2>&1 && [ -f /usr/share/hunspell/nl_NL.dic ]; then
  exit 0
fi
"$(dirname "$0")/apt_install.sh" "Hunspell met het Nederlandse woordenboek" hunspell hunspell-nl
if ! command -v hunspell >/dev/null 2>&1; then
  echo "Installatie van hunspell/hunspell-nl is mislukt." >&2
  exit 1
fi
echo "Klaar: $(hunspell -v 2>/dev/null | head -1)"
