"""``rustpunt stap``, ``rustpunt plan toon|lijst`` and ``rustpunt evalueer stappen``."""
from __future__ import annotations

import argparse
import json

from bot.cli_commands.batch import add_sentence_command, read_sentences
from bot.cli_commands.evalueer import add_evaluation


def register(subparsers) -> None:
    add_sentence_command(
        subparsers, "stap",
        help="herken bij welke stap (of valkuil) een zin hoort",
        description=(
            "Herken bij welke van de zes stappen een zin hoort (visie, erkennen, dynamiek, behoefte, "
            "realiteit, opties), of bij een valkuil (inhoud, redden). Zonder zin leest het commando "
            "één zin per regel van standaardinvoer en schrijft het één JSON-object per regel."
        ),
        sentence_help="de zin die je wilt laten herkennen",
        json_help="antwoord als JSON (stap, zekerheid, kenmerken, tip)",
        func=run_stap,
    )

    plan = subparsers.add_parser("plan", help="opgeslagen gespreksplannen bekijken")
    sub = plan.add_subparsers(dest="plan_opdracht", metavar="opdracht", title="opdrachten")
    toon = sub.add_parser("toon", help="toon een opgeslagen gespreksplan")
    toon.add_argument("id", help="het nummer van het gespreksplan")
    toon.add_argument("--json", action="store_true", help="toon het plan als JSON")
    toon.set_defaults(func=run_plan_toon)
    listing = sub.add_parser("lijst", help="toon de opgeslagen gespreksplannen: nummer, datum en of het af is, geen "
                                           "inhoud")
    listing.set_defaults(func=run_plan_list)
    plan.set_defaults(func=lambda args: plan.print_help() or 2)

    add_evaluation("stappen", "meet de stappenherkenner op de vastgehouden testset", run_evaluatie)


def _result_text(result) -> str:
    from bot.steps.preparation import sentence_notes
    from bot.wording import certainty_text

    if not result.herkend:
        return f"Geen stap herkend. {result.tip}"
    form = f" ({result.vorm.naam.lower()})" if getattr(result, "vorm", None) else ""
    # the one wording of a recogniser's certainty, as the chat and the roles show it ("vrij zeker (80%)", at most 99%)
    lines = [f"Stap: {result.stap}{form}, {certainty_text(result.zekerheid)}"]
    lines += sentence_notes(result, str)  # as the chat shows them ("welke stap is dit:"), with the ids here
    if result.kenmerken:
        lines.append(f"Kenmerken: {', '.join(result.kenmerken)}")
    lines.append(f"Tip: {result.tip}")
    return "\n".join(lines)


def _result_json(result) -> dict:
    """The JSON contract (``StepResult.to_dict``) plus what the text shows per sentence (``sentence_notes``): the
    turn's further steps, each pitfall sentence and each sentence that lectures by the role-play's cue phrases; a user
    test saw the text flag a lecture that the JSON left out (session 23)."""
    from bot.steps.preparation import judging_sentences

    data = result.to_dict()
    data["vorm"] = result.vorm.naam if getattr(result, "vorm", None) is not None else None  # a pitfall form's name
    data["stappen"] = list(result.stappen)
    data["valkuilzinnen"] = [{"zin": part.zin, "valkuil": part.stap} for part in result.valkuilen]
    data["oordeelzinnen"] = [{"zin": sentence, "herkend_aan": phrases[0]}
                             for sentence, phrases in judging_sentences(result)]
    return data


def run_stap(args: argparse.Namespace) -> int:
    from bot.steps.classifier import classify_step  # lazy: loads scikit-learn, not needed for --help

    return read_sentences(args.zin, args.json, classify_step, _result_json, _result_text)


def run_plan_toon(args: argparse.Namespace) -> int:
    from bot.steps.plan import format_plan_text, load_plan

    raw = str(args.id).strip()
    if not raw.isdigit() or len(raw) > 12:
        print(f"'{raw[:40]}' is geen geldig plannummer. Gebruik het nummer dat de assistent liet zien, bijvoorbeeld 3.")
        return 1
    plan = load_plan(int(raw))
    if plan is None:
        print(f"Er is geen gespreksplan met nummer {int(raw)}.")
        return 1
    if args.json:
        print(json.dumps(plan, ensure_ascii=False, indent=2))
    else:
        print(format_plan_text({**plan, "nummer": plan["id"]}))  # the number typed here, not the chat's own
    return 0


def run_plan_list(args: argparse.Namespace) -> int:
    """The saved plans by number, date and status, without their content: to find one to show or to forget."""
    from bot import status
    from bot.cli_commands.privacy import print_numbered
    from bot.privacy.forget import plans

    return print_numbered(plans(), "gespreksplannen", "rustpunt plan toon <nummer>", "rustpunt vergeet --plan <nummer>",
                          lambda row: "halverwege gestopt" if row.status == status.STOPPED else "af", own_numbers=True)


def run_evaluatie(args: argparse.Namespace) -> int:
    from bot.cli_commands.evalueer import broken_set, show_sentences
    from bot.heldout import HeldOutError
    from bot.steps.classifier import evaluate_steps

    try:
        report = evaluate_steps()
    except HeldOutError as exc:
        return broken_set(exc)
    print(report.report(show_sentences=show_sentences(args)))
    return 0
