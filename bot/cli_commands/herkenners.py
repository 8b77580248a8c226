"""``rustpunt herkenners bouw [--opnieuw]``: train and store the step and role recognisers once.

The set-up and training scripts call this; every other command only loads the stored models.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("herkenners", help="bouw de stappen- en rollenherkenner (eenmalig, bij de set-up)")
    sub = parser.add_subparsers(dest="herkenners_opdracht", metavar="opdracht", title="opdrachten")
    build = sub.add_parser(
        "bouw",
        help="train en bewaar de herkenners onder var/models (alleen als de voorbeeldzinnen veranderd zijn)",
    )
    build.add_argument("--opnieuw", action="store_true", help="bouw ook als de bewaarde herkenners nog actueel zijn")
    build.set_defaults(func=run_build)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def run_build(args: argparse.Namespace) -> int:
    from bot import recognisers

    try:
        status = recognisers.build(force=args.opnieuw)
    except recognisers.ModelNotBuilt as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for name, text in status.items():
        print(f"{name}: {text}")
    print(f"Opgeslagen in {recognisers.path_of('stappen').parent}")
    return 0
