"""``rustpunt evalueer <onderdeel>``: one shared parent command, one subcommand per capability.

A capability adds its evaluation from its own ``register(subparsers)``::

    from bot.cli_commands.evalueer import add_evaluation

    def register(subparsers):
        ...
        add_evaluation("stappen", "meet de stappenherkenner op de testset", run_evaluation)

``func(args) -> int`` runs the evaluation; ``configure(parser)`` may add options to its parser.
The order of ``COMMAND_MODULES`` does not matter: evaluations added before this module's
``register`` are attached when it runs, later ones are attached at once.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, Callable, Dict, Optional, Set, Tuple

Func = Callable[[argparse.Namespace], int]
Configure = Optional[Callable[[argparse.ArgumentParser], None]]

_REGISTRY: Dict[str, Tuple[str, Func, Configure]] = {}
_current: Dict[str, Any] = {}  # "sub": the evalueer subparsers of the parser being built, "names": added


def add_evaluation(name: str, help: str, func: Func, configure: Configure = None) -> None:
    """Register ``rustpunt evalueer <name>`` (call it from your module's ``register``)."""
    _REGISTRY[name] = (help, func, configure)
    if "sub" in _current:
        _attach(name)


def show_sentences(args: argparse.Namespace) -> bool:
    """Whether the report may print test-set sentences (``--toon-zinnen``)."""
    return bool(getattr(args, "toon_zinnen", False))


def broken_set(exc: Exception) -> int:
    """Print in Dutch (stderr) why a held-out set (``bot.heldout.HeldOutError``) stopped an evaluation; returns 1."""
    print("De evaluatie kon niet draaien: een testbestand is niet in orde.", file=sys.stderr)
    for problem in getattr(exc, "problems", [exc]):
        print(f"- {problem}", file=sys.stderr)
    return 1


def evaluations() -> Dict[str, str]:
    """Registered evaluation names with their help text."""
    return {name: spec[0] for name, spec in sorted(_REGISTRY.items())}


def _attach(name: str) -> None:
    names: Set[str] = _current["names"]
    if name in names:
        return
    help_text, func, configure = _REGISTRY[name]
    parser = _current["sub"].add_parser(name, help=help_text)
    parser.add_argument("--toon-zinnen", action="store_true",
                        help="toon ook de zinnen van de testsets die fout gingen (standaard niet: wie de testzinnen "
                             "ziet en daarop bijstuurt, maakt de testset minder blind)")
    if configure is not None:
        configure(parser)
    parser.set_defaults(func=_after_stale_warning(func))
    names.add(name)


def _after_stale_warning(func):
    """``func``, after a Dutch warning (stderr) when a recogniser is older than its examples: it would measure the
    previous version."""
    def run(args: argparse.Namespace) -> int:
        from bot import recognisers

        try:
            stale = recognisers.stale(tuple(recognisers.SPECS))
        except Exception:  # noqa: BLE001 - a broken set is the evaluation's own message to give, not the warning's
            stale = []
        if stale:
            print(f"Let op: deze herkenners zijn ouder dan hun voorbeeldzinnen en meten dus de vorige versie: "
                  f"{', '.join(stale)}. Bouw ze eerst met: rustpunt herkenners bouw", file=sys.stderr)
        return func(args)
    return run


def register(subparsers) -> None:
    parser = subparsers.add_parser("evalueer", help="meet hoe goed een herkenner werkt op zijn testset")
    sub = parser.add_subparsers(dest="evalueer_opdracht", metavar="onderdeel", title="onderdelen")

    def show_help(args: argparse.Namespace) -> int:
        parser.print_help()
        if not _REGISTRY:
            print("\nEr zijn nog geen evaluaties beschikbaar.")
        return 2

    parser.set_defaults(func=show_help)
    _current["sub"] = sub
    _current["names"] = set()
    for name in sorted(_REGISTRY):
        _attach(name)
