"""Batch mode shared by ``rustpunt stap`` and ``rustpunt rol``: one sentence per line in,
one JSON object per line out."""
from __future__ import annotations

import json
import sys
from typing import Callable, Dict


def run_lines(to_json: Callable[[str], Dict]) -> int:
    """Read standard input line by line; exit 1 (with a Dutch message) when no sentence came in."""
    if sys.stdin.isatty():
        print("Typ één zin per regel; stop met Ctrl-D.", file=sys.stderr)
    count = 0
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        print(json.dumps(to_json(line), ensure_ascii=False))
        sys.stdout.flush()
        count += 1
    if count == 0:
        print("Er kwamen geen zinnen binnen via standaardinvoer.", file=sys.stderr)
        return 1
    return 0
