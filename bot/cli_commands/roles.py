"""``rustpunt rol "<zin>" [--json]`` and ``rustpunt evalueer rollen``."""
from __future__ import annotations

import argparse

from bot.cli_commands.batch import add_sentence_command, read_sentences


def register(subparsers) -> None:
    from bot.cli_commands.evalueer import add_evaluation

    add_sentence_command(
        subparsers, "rol",
        help="herken de rol (dramadriehoek of winnaarsdriehoek) in een zin",
        description=(
            "Herken welke rol iemand aanneemt in een zin. Zonder zin leest de opdracht één zin per regel "
            "van standaardinvoer en schrijft per zin één JSON-object."
        ),
        sentence_help="de zin die iemand zei (tussen aanhalingstekens)",
        json_help="uitvoer als JSON (rol, zekerheid, signalen, uitnodiging, alternatief)",
        func=run_role,
    )
    add_evaluation("rollen", "meet de rollenherkenner op de testset (nooit getraind)", run_evaluation)


def run_role(args: argparse.Namespace) -> int:
    from bot.roles.analyse import analyse_role
    from bot.roles.format import format_analysis

    return read_sentences(args.zin, args.json, analyse_role, lambda a: a.to_json(), format_analysis)


def run_evaluation(args: argparse.Namespace) -> int:
    from bot.cli_commands.evalueer import broken_set, show_sentences
    from bot.heldout import HeldOutError
    from bot.roles.evaluation import evaluate_roles

    try:
        report = evaluate_roles()
    except HeldOutError as exc:
        return broken_set(exc)
    print(report.report(show_sentences=show_sentences(args)))
    return 0
