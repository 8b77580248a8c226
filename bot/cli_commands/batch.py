"""One sentence or a batch, shared by ``rustpunt stap`` and ``rustpunt rol``: a sentence on the command line
gives a Dutch text (or JSON with ``--json``); without one, one sentence per line in, one JSON object per
line out."""
from __future__ import annotations

import json
import sys
from typing import Any, Callable, Dict, Optional


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


def read_sentences(
    sentence: Optional[str], as_json: bool, read: Callable[[str], Any],
    to_json: Callable[[Any], Dict], to_text: Callable[[Any], str],
) -> int:
    """``read`` the sentence and print it as text or JSON; without a sentence, the batch mode."""
    if sentence is None:
        return run_lines(lambda line: to_json(read(line)))
    result = read(sentence)
    print(json.dumps(to_json(result), ensure_ascii=False) if as_json else to_text(result))
    return 0


def add_sentence_command(subparsers, name: str, help: str, description: str, sentence_help: str, json_help: str,
                         func: Callable[[Any], int]) -> Any:
    """A ``rustpunt <name> ["<zin>"] [--json]`` command; without a sentence it reads standard input. Returns the
    parser, for options of its own."""
    parser = subparsers.add_parser(name, help=help, description=description)
    parser.add_argument("zin", nargs="?", default=None, help=sentence_help)
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.set_defaults(func=func)
    return parser
