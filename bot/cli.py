"""The ``rustpunt`` command line (Dutch help and output).

Each capability keeps its subcommands in ``bot/cli_commands/<capability>.py`` with a function
``register(subparsers)``; add the module name to ``COMMAND_MODULES`` and nothing else.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import List, Optional

COMMAND_MODULES = [
    "bot.cli_commands.kaart",
    "bot.cli_commands.kennis",
    "bot.cli_commands.meten",
    "bot.cli_commands.evalueer",
    "bot.cli_commands.steps",
    "bot.cli_commands.roleplay",
    "bot.cli_commands.roles",
    "bot.cli_commands.intake",
    "bot.cli_commands.privacy",
    "bot.cli_commands.herkenners",
]

_DUTCH_ARGPARSE = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}


def _dutch(text: str) -> str:
    return _DUTCH_ARGPARSE.get(text, text)


argparse._ = _dutch  # type: ignore[attr-defined]  # argparse looks up its module-level gettext alias at call time


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rustpunt",
        description="Rustpunt: gesprekken oefenen en voorbereiden, voor professionals in de jeugdhulp.",
    )
    subparsers = parser.add_subparsers(dest="opdracht", metavar="opdracht", title="opdrachten")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    os.umask(0o077)  # databases and exports (sessions, reports) are readable by this user only
    quiet_logs()
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into 'head' that stopped reading: no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout at exit: let that go nowhere
        return 0
    finally:
        _notices()


def quiet_logs() -> None:
    """Log lines are for developers, in English: they never reach the terminal of someone using a command (a user
    test read "Examples of recogniser ... changed" in the middle of 'rustpunt oefen'). Without a handler Python
    prints warnings to the terminal; a handler that drops them stops that. What a user needs to know, a command
    prints itself, in Dutch."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


def _notices() -> None:
    """Dutch notes a command may need once, after its output (on stderr, so JSON output stays clean)."""
    recognisers = sys.modules.get("bot.recognisers")  # only when the command used the recognisers
    notice = recognisers.stale_notice() if recognisers is not None else None
    if notice:
        print(notice, file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
