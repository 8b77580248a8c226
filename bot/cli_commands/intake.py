"""``rustpunt terugbellen lijst|toon <id>|klaar <id>``, ``rustpunt vragen [<set>]``, ``rustpunt intake tekst <id>``,
``rustpunt intake lijst`` and ``rustpunt evalueer maskering``."""
from __future__ import annotations

import argparse

from bot.cli_commands.evalueer import add_evaluation


def register(subparsers) -> None:
    call = subparsers.add_parser("terugbellen", help="terugbelverzoeken bekijken en afhandelen")
    sub = call.add_subparsers(dest="terugbellen_opdracht", metavar="opdracht", title="opdrachten")
    listing = sub.add_parser("lijst", help="toon de terugbelverzoeken (open eerst)")
    listing.add_argument("--open", action="store_true", help="toon alleen de open verzoeken")
    listing.set_defaults(func=run_list)
    done = sub.add_parser("klaar", help="markeer een terugbelverzoek als afgehandeld")
    done.add_argument("id", help="nummer van het terugbelverzoek (zie 'rustpunt terugbellen lijst')")
    done.set_defaults(func=run_done)
    show = sub.add_parser("toon", help="toon één terugbelverzoek met de (versleuteld bewaarde) contactgegevens")
    show.add_argument("id", help="nummer van het terugbelverzoek (zie 'rustpunt terugbellen lijst')")
    show.set_defaults(func=run_show)
    call.set_defaults(func=lambda args: call.print_help() or 2)

    questions = subparsers.add_parser("vragen", help="toon een vragenset voor vraagverheldering")
    questions.add_argument("set", nargs="?", default=None, help="naam of id van de set; zonder: alle sets")
    questions.set_defaults(func=run_questions)

    intake = subparsers.add_parser("intake", help="opgeslagen samenvattingen van de vraagverheldering")
    intake_sub = intake.add_subparsers(dest="intake_opdracht", metavar="opdracht", title="opdrachten")
    text = intake_sub.add_parser(
        "tekst", help="een samenvatting als platte tekst om te plakken in het registratiesysteem"
    )
    text.add_argument("nummer", help="nummer van de samenvatting (staat in de chat na de samenvatting)")
    text.set_defaults(func=run_export)
    listing = intake_sub.add_parser("lijst", help="toon de opgeslagen samenvattingen: nummer en datum, geen inhoud")
    listing.set_defaults(func=run_summaries)
    intake.set_defaults(func=lambda args: intake.print_help() or 2)

    add_evaluation(
        "maskering",
        "meet precisie en recall van het afschermen van namen, nummers en adressen op eigen testzinnen",
        run_masking_evaluation,
    )


def run_list(args: argparse.Namespace) -> int:
    from bot.intake.callbacks import STATUS_OPEN, list_callbacks

    items = list_callbacks(status=STATUS_OPEN if args.open else None)
    if not items:
        print("Er zijn geen terugbelverzoeken." if not args.open else "Er zijn geen open terugbelverzoeken.")
        return 0
    open_count = sum(1 for item in items if item.status == STATUS_OPEN)
    print(f"Terugbelverzoeken ({open_count} open, {len(items) - open_count} afgehandeld):")
    for item in items:
        print(item.line())
    return 0


def run_done(args: argparse.Namespace) -> int:
    from bot.intake.callbacks import CallbackError, mark_done

    try:
        item = mark_done(args.id)
    except CallbackError as exc:
        print(str(exc))
        return 1
    print(f"Terugbelverzoek {item.id} is afgehandeld.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from bot.intake.callbacks import STATUS_DONE, CallbackError, show
    from bot.privacy.crypto import KeyFileError

    try:
        item, details = show(args.id)
    except (CallbackError, KeyFileError) as exc:
        print(str(exc))
        return 1
    print(item.line())
    if details:
        print("Contactgegevens (alleen voor wie terugbelt; worden gewist zodra het verzoek klaar is):")
        for detail in details:
            print(f"  - {detail}")
    elif item.status == STATUS_DONE:
        print("Dit verzoek is afgehandeld; de contactgegevens zijn gewist.")
    else:
        print("Bij dit verzoek zijn geen contactgegevens bewaard (of de bewaartermijn ervan is voorbij).")
    return 0


def run_summaries(args: argparse.Namespace) -> int:
    """The saved summaries by number and date, without their content: to find one to forget or to export."""
    from bot.cli_commands.privacy import print_numbered
    from bot.privacy.forget import summaries

    return print_numbered(summaries(), "intakesamenvattingen", "rustpunt intake tekst <nummer>",
                          "rustpunt vergeet --samenvatting <nummer>")


def run_export(args: argparse.Namespace) -> int:
    from bot.intake.export import NOT_FOUND, export_record

    text = export_record(args.nummer)
    if text is None:
        print(NOT_FOUND.format(nummer=str(args.nummer)[:20]))
        return 1
    print(text, end="")
    return 0


def run_questions(args: argparse.Namespace) -> int:
    from bot.intake.questions import find_set, format_set, set_names
    from bot.knowledge.loader import get_knowledge

    knowledge = get_knowledge()
    sets = knowledge.all("vragenset")
    if not sets:
        print("Er zijn geen vragensets geladen. Controleer de kennis met 'rustpunt kennis controleer'.")
        return 1
    if not args.set:
        print("Beschikbare vragensets:")
        for qset in sets:
            print(f"- {qset.id}: {qset.naam} ({len(qset.vragen)} vragen)")
        print("Toon een set met: rustpunt vragen <naam>")
        return 0
    qset = knowledge.get("vragenset", args.set) or find_set(sets, args.set)
    if qset is None:
        print(f"Geen vragenset gevonden voor '{args.set[:80]}'. Kies uit: {set_names(sets)}.")
        return 1
    print(format_set(qset))
    return 0


def run_masking_evaluation(args: argparse.Namespace) -> int:
    from bot.intake.masking_eval import evaluate

    print("Maskering op eigen testzinnen (per teken; spaties tellen niet mee):")
    for use_deduce in (False, True):
        report = evaluate(use_deduce=use_deduce)
        if use_deduce and report.backend == "regels":
            print(
                "- deduce is niet geïnstalleerd of staat uit (RUSTPUNT_MASKER=regels); alleen de regels zijn gemeten."
            )
            break
        print(
            f"- {report.backend}: {report.sentences} zinnen, {report.sensitive_spans} gevoelige stukken; "
            f"precisie {report.precision:.3f}, recall {report.recall:.3f}, "
            f"volledig afgeschermd {report.span_recall:.3f}"
        )
        for item in report.missed:
            print(f"    gemist: {item}")
        for item in report.over_masked:
            print(f"    onterecht: {item}")
    return 0
