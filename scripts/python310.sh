#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain in Dutch how to get one.
set -u
for candidate in python3.10; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    command -v "$candidate"; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for dir in $(ls -d "$root"/versions/3.10* 2>/dev/null | sort -V -r); do
    if [ -x "$dir/bin/python" ]; then echo "$dir/bin/python"; exit 0; fi
  done
fi
for dir in $(ls -d "$HOME"/.pyenv/versions/3.10* 2>/dev/null | sort -V -r); do
  if [ -x "$dir/bin/python" ]; then echo "$dir/bin/python"; exit 0; fi
done
cat >&2 <<'MSG'
Python 3.10 is niet gevonden. Rasa 3.6 werkt alleen met Python 3.10.
Installeer het bijvoorbeeld met:
  - Debian/Ubuntu:  sudo apt-get install python3.10 python3.10-venv
  - pyenv:          pyenv install 3.10
en start daarna opnieuw.
MSG
exit 1
