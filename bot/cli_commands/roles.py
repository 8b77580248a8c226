"""``rustpunt rol "<zin>" [--json]`` and ``rustpunt evalueer rollen``."""
from __future__ import annotations

import argparse

from bot.cli_commands.batch import add_sentence_command, read_sentences


def register(subparsers) -> None:
    from bot.cli_commands.evalueer import add_evaluation

    parser = add_sentence_command(
        subparsers, "rol",
        help="herken de rol (dramadriehoek of winnaarsdriehoek) in een zin",
        description=(
            "Herken welke rol iemand aanneemt in een zin. Zonder zin leest de opdracht één zin per regel "
            "van standaardinvoer en schrijft per zin één JSON-object. Een vraag zoals in de chat ('welke rol is "
            "dit: ...', 'welke rol had ik hier zelf? ik zei: ...') wordt net zo gelezen als in de chat."
        ),
        sentence_help="de zin die iemand zei (tussen aanhalingstekens)",
        json_help="uitvoer als JSON (rol, zekerheid, signalen, uitnodiging, alternatief)",
        func=run_role,
    )
    parser.add_argument("--eigen", action="store_true",
                        help="de zin is van jezelf: advies om uit de rol te stappen in plaats van hoe je erop reageert")
    add_evaluation("rollen", "meet de rollenherkenner op de testset (nooit getraind)", run_evaluation)


def run_role(args: argparse.Namespace) -> int:
    from bot.roles.analyse import analyse_role
    from bot.roles.format import format_analysis
    from bot.roles.request import is_role_request, role_request

    def read(text: str):
        """A sentence, or a request as the chat reads it (the same sentence, the same analysis and certainty)."""
        request = role_request(text) if is_role_request(text) else None
        own = getattr(args, "eigen", False) or bool(request and request.own)
        return analyse_role(request.sentence if request else text, own=own)

    return read_sentences(args.zin, args.json, read, lambda a: a.to_json(), format_analysis)


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
