"""``rustpunt kennis controleer`` and ``rustpunt kennis laad``."""
from __future__ import annotations

import argparse
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.wording import counted


def register(subparsers) -> None:
    parser = subparsers.add_parser("kennis", help="kennisbestanden controleren en laden")
    sub = parser.add_subparsers(dest="kennis_opdracht", metavar="opdracht", title="opdrachten")
    check = sub.add_parser("controleer", help="controleer alle kennisbestanden en meld elke fout")
    check.add_argument("--map", type=Path, default=None, help="map met kennisbestanden (standaard: knowledge/)")
    check.set_defaults(func=run_check)
    load = sub.add_parser("laad", help="controleer en laad de kennis in de database")
    load.add_argument("--map", type=Path, default=None, help="map met kennisbestanden (standaard: knowledge/)")
    load.set_defaults(func=run_load)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _load(args: argparse.Namespace):
    knowledge = load_knowledge(args.map or knowledge_dir())
    if knowledge.problems:
        print(f"{counted(len(knowledge.problems), 'fout', 'fouten')} gevonden in de kennisbestanden:")
        for problem in knowledge.problems:
            print(f"- {problem}")
    return knowledge


def run_check(args: argparse.Namespace) -> int:
    knowledge = _load(args)
    if knowledge.problems:
        return 1
    counts = ", ".join(f"{kind}: {len(items)}" for kind, items in sorted(knowledge.entries.items()))
    print(f"Alle kennisbestanden zijn in orde ({counts or 'geen items'}).")
    return 0


def run_load(args: argparse.Namespace) -> int:
    from bot.knowledge.sync import sync_knowledge

    knowledge = _load(args)
    if knowledge.problems:
        print("Er is niets geladen; de database is ongewijzigd.")
        return 1
    result = sync_knowledge(knowledge)
    print(
        f"Kennis geladen: {result.added} nieuw, {result.changed} gewijzigd, "
        f"{result.removed} verwijderd, {result.unchanged} ongewijzigd."
    )
    return 0
