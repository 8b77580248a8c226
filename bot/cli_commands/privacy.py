"""``rustpunt gesprekken`` (find what to forget), ``rustpunt vergeet <gespreks-id>``, ``rustpunt vergeet --sessie
<nummer>``, ``rustpunt vergeet --samenvatting <nummer>``, ``rustpunt vergeet --plan <nummer>``, ``rustpunt vergeet
--deelnemer <code>``, ``rustpunt opruimen`` and ``rustpunt sleutel controleer|maak|klaarzetten``."""
from __future__ import annotations

import argparse
from typing import Any, Callable, Optional, Sequence


def register(subparsers) -> None:
    forget = subparsers.add_parser(
        "vergeet",
        help="verwijder een gesprek en alles wat ervan is opgeslagen, één rollenspelsessie, één intakesamenvatting, "
             "één gespreksplan, of alle rollenspellen van een deelnemer",
    )
    forget.add_argument("gespreks_id", nargs="?", default=None,
                        help="id van het gesprek, of de korte code die de trainerspagina toont (#a6e3b9fc)")
    forget.add_argument("--sessie", default=None, help="nummer van één rollenspelsessie (zoals op de trainerspagina)")
    forget.add_argument("--samenvatting", default=None,
                        help="nummer van één intakesamenvatting (staat in de chat; zie 'rustpunt intake lijst'), "
                             "met de terugbelverzoeken die erbij horen")
    forget.add_argument("--plan", default=None,
                        help="nummer van één gespreksplan, ook een half afgemaakt (zie 'rustpunt plan lijst')")
    forget.add_argument("--deelnemer", default=None, help="code of naam van een deelnemer aan de rollenspellen")
    forget.set_defaults(func=run_forget)
    talks = subparsers.add_parser(
        "gesprekken",
        help="zoek gesprekken om te vergeten: datum en tijd, wat er gedaan is, een afgeschermd begin en het id dat "
             "'rustpunt vergeet' neemt",
    )
    talks.add_argument("--van", default=None, help="gesprekken vanaf deze datum (2026-12-01 of 01-12-2026)")
    talks.add_argument("--tot", default=None, help="gesprekken tot en met deze datum")
    talks.add_argument("--zoek", default=None,
                       help="alleen gesprekken waarin dit woord staat (in de bewaarde, afgeschermde tekst) of als "
                            "naam is afgeschermd, bijvoorbeeld een achternaam")
    talks.add_argument("--aantal", type=int, default=100, help="hoeveel gesprekken hooguit (standaard 100)")
    talks.set_defaults(func=run_conversations)
    clean = subparsers.add_parser("opruimen", help="verwijder alles wat ouder is dan de bewaartermijn")
    clean.set_defaults(func=run_cleanup)

    key = subparsers.add_parser("sleutel", help="de sleutel van de versleutelde contactgegevens controleren of maken")
    key_sub = key.add_subparsers(dest="sleutel_opdracht", metavar="opdracht", title="opdrachten")
    check = key_sub.add_parser("controleer", help="controleer de sleutel (maakt nooit een sleutel)")
    check.set_defaults(func=run_key_check)
    make = key_sub.add_parser("maak", help="maak een sleutel als die er nog niet is en er niets versleuteld is")
    make.add_argument("--wis-oude-contactgegevens", action="store_true", dest="wis_oude",
                      help="de oude sleutel is verloren: wis alle versleutelde contactgegevens en maak een nieuwe")
    make.set_defaults(func=run_key_make)
    prepare = key_sub.add_parser("klaarzetten", help="bij het starten: controleer de sleutel, maak hem bij de eerste "
                                                     "start ('make run' en de systemd-diensten doen dit)")
    prepare.set_defaults(func=run_key_prepare)
    key.set_defaults(func=lambda args: key.print_help() or 2)


def run_forget(args: argparse.Namespace) -> int:
    from bot.privacy.forget import conversations_by_short_hash, describe, forget_conversation, forget_participant
    from bot.privacy.tracker_db import TrackerDbError

    chosen = (args.gespreks_id, args.deelnemer, getattr(args, "sessie", None), getattr(args, "samenvatting", None),
              getattr(args, "plan", None))
    if sum(bool(value) for value in chosen) != 1:
        print("Geef één gespreks-id (rustpunt vergeet <gespreks-id>), één rollenspelsessie "
              "(rustpunt vergeet --sessie <nummer>), één intakesamenvatting (rustpunt vergeet --samenvatting "
              "<nummer>), één gespreksplan (rustpunt vergeet --plan <nummer>) of één deelnemer (rustpunt vergeet "
              "--deelnemer <code>).")
        return 2
    if getattr(args, "sessie", None):
        return run_forget_session(args.sessie)
    if getattr(args, "samenvatting", None):
        return run_forget_summary(args.samenvatting)
    if getattr(args, "plan", None):
        return run_forget_plan(args.plan)
    try:
        if args.deelnemer:
            removed = forget_participant(args.deelnemer)
            if not removed:
                print(f"Er zijn geen rollenspellen van deelnemer '{args.deelnemer}' gevonden; er is niets verwijderd.")
                return 1
            print(f"Verwijderd voor deelnemer '{args.deelnemer}': {describe(removed)}.")
            return 0
        removed = forget_conversation(args.gespreks_id)
        shown = args.gespreks_id
        if not removed:
            matches = conversations_by_short_hash(args.gespreks_id)
            if len(matches) == 1:  # the short code of the trainers' page
                removed, shown = forget_conversation(matches[0]), "#" + args.gespreks_id.strip().lstrip("#").lower()
    except TrackerDbError as exc:
        print(str(exc))
        return 1
    if not removed:
        print(f"Er is geen gesprek met id '{args.gespreks_id}' gevonden; er is niets verwijderd.")
        if str(args.gespreks_id).strip().isdigit():
            number = int(str(args.gespreks_id).strip())
            print(f"Bedoel je rollenspelsessie {number}? Wis die met: rustpunt vergeet --sessie {number}")
        return 1
    print(f"Gesprek '{shown}' is vergeten. Verwijderd: {describe(removed)}.")
    return 0


def run_conversations(args: argparse.Namespace) -> int:
    """``rustpunt gesprekken [--van] [--tot] [--zoek] [--aantal]``: the conversations to forget, newest first."""
    from bot.local_time import SORTABLE_FORMAT, dutch_time_text
    from bot.privacy.conversations import find_conversations, saved_name
    from bot.privacy.tracker_db import TrackerDbError
    from bot.roleplay.group import GroupError, parse_date
    from bot.wording import counted

    try:
        start, end = parse_date(args.van, "van"), parse_date(args.tot, "tot")
    except GroupError as exc:
        print(str(exc))
        return 2
    if start and end and start > end:
        print("De begindatum ligt na de einddatum. Draai '--van' en '--tot' om.")
        return 2
    if args.aantal < 1:
        print("Het aantal moet minstens 1 zijn.")
        return 2
    term = " ".join((args.zoek or "").split())
    try:
        found = find_conversations(start, end, term or None)
    except TrackerDbError as exc:
        print(str(exc))
        return 1
    period = (f" van {start:%d-%m-%Y}" if start else "") + (f" tot en met {end:%d-%m-%Y}" if end else "")
    if not found:
        print(f"Er zijn geen gesprekken{period}" + (f" met '{term}'" if term else "") + " gevonden.")
        if term:
            print(NOT_FINDABLE)
        return 1
    shown = found[:args.aantal]
    print(f"{counted(len(found), 'gesprek', 'gesprekken')}{period}" + (f" met '{term}'" if term else "")
          + (f" (de nieuwste {len(shown)} getoond; meer met --aantal)" if len(shown) < len(found) else "")
          + ", nieuwste eerst. Vergeten: de opdracht onder elk gesprek.")
    for item in shown:
        when = " - ".join(dict.fromkeys(dutch_time_text(m, SORTABLE_FORMAT) for m in (item.first, item.last) if m))
        print(f"\n{item.id or '(zonder gesprek)'}  {when}  {', '.join(item.used) or '-'}")
        if item.preview:
            print(f"  begin: \"{item.preview}\"")
        elif item.id:
            print("  begin: (chatverloop al gewist)")
        if item.saved:
            print(f"  bewaard: {', '.join(saved_name(kind, number) for kind, number in item.saved)}")
        if item.found_in:
            print(f"  '{term}' gevonden in: {', '.join(item.found_in)}")
        print(f"  vergeten: {item.forget_command}")
    if term:
        print("\n" + NOT_FINDABLE)
    return 0


NOT_FINDABLE = ("Niet te vinden is wat het afschermen al verving zonder het te bewaren: telefoonnummers, adressen, "
                "e-mailadressen, BSN's en datums. Een naam wordt gevonden als hij in dat gesprek als naam is "
                "afgeschermd; zoek anders ook op een ander woord dat de professional typte, of op datum (--van, "
                "--tot).")


def _forget_numbered(value: str, what: str, short: str, example: int, forget: Callable[[str], Any],
                     listing: str) -> int:
    """One saved item by its number (``what``: "intakesamenvatting" or "gespreksplan", ``short`` its name in the
    message about a wrong number): a clear Dutch message for a number that is no number or names nothing, and what
    was removed."""
    from bot.privacy.forget import describe

    raw = str(value or "").strip().lstrip("#")
    if not raw.isdigit() or len(raw) > 12:
        print(f"'{raw[:40]}' is geen geldig nummer van een {short}. Gebruik het nummer uit de chat of uit "
              f"'{listing}', bijvoorbeeld {example}.")
        return 2
    removed = forget(raw)
    if not removed:
        print(f"Er is geen {what} met nummer {raw}; er is niets verwijderd. Zie '{listing}'.")
        return 1
    print(f"{what[0].upper()}{what[1:]} {raw} is vergeten. Verwijderd: {describe(removed)}. Het chatgesprek zelf staat "
          "er nog; wis dat met 'rustpunt vergeet <gespreks-id>'.")
    return 0


def print_numbered(rows: Sequence[Any], what: str, show: str, forget: str,
                   state: Optional[Callable[[Any], str]] = None, own_numbers: bool = False) -> int:
    """The saved items of one kind by number and date (and ``state``), without their content: to find one to show
    (``show``) or to forget (``forget``); ``what`` is the plural in Dutch ("gespreksplannen"). ``own_numbers``: also the
    number the professional saw in the chat (counted within the conversation) and that conversation's short hash."""
    from bot.local_time import dutch_time_text
    from bot.web.conversation import short_hash

    def own(row: Any) -> str:
        if not own_numbers or getattr(row, "nummer", None) is None:
            return ""
        return f"  (in de chat nummer {row.nummer}, gesprek #{short_hash(row.conversation_id)})"

    if not rows:
        print(f"Er zijn geen opgeslagen {what}.")
        return 0
    print(f"Opgeslagen {what} ({len(rows)}, nieuwste eerst; de inhoud toont '{show}', wissen kan met '{forget}'):")
    for row in rows:
        print(f"  {row.pk:>5}  {dutch_time_text(row.created_at)}" + (f"  {state(row)}" if state else "") + own(row))
    return 0


def run_forget_summary(value: str) -> int:
    """One intake summary by its number (``rustpunt vergeet --samenvatting 4``)."""
    from bot.privacy.forget import forget_summary

    return _forget_numbered(value, "intakesamenvatting", "samenvatting", 4, forget_summary, "rustpunt intake lijst")


def run_forget_plan(value: str) -> int:
    """One preparation plan by its number (``rustpunt vergeet --plan 3``)."""
    from bot.privacy.forget import forget_plan

    return _forget_numbered(value, "gespreksplan", "gespreksplan", 3, forget_plan, "rustpunt plan lijst")


def run_forget_session(value: str) -> int:
    """One role-play session by its number (``rustpunt vergeet --sessie 4``, ``rustpunt sessies wis 4``)."""
    from bot.privacy.forget import forget_session, session_report
    from bot.privacy.tracker_db import TrackerDbError

    raw = str(value or "").strip().lstrip("#")
    if not raw.isdigit() or len(raw) > 12:
        print(f"'{raw[:40]}' is geen geldig sessienummer. Gebruik het nummer van de trainerspagina of van "
              "'rustpunt sessies lijst', bijvoorbeeld 4.")
        return 2
    try:
        result = forget_session(int(raw))
    except TrackerDbError as exc:
        print(f"{exc} Er is niets gewist.")
        return 1
    print(session_report(result))
    return 0 if result.found else 1


def run_cleanup(args: argparse.Namespace) -> int:
    from bot.privacy.forget import describe
    from bot.privacy.retention import CONVERSATIONS, CleanupBusy, RetentionConfigError, cleanup, periods
    from bot.privacy.tracker_db import TrackerDbError

    def waiting() -> None:
        print("Er loopt al een opruiming (de dagelijkse of die van een beheerder); ik wacht tot die klaar is en "
              "ruim daarna op wat er nog over is ...", flush=True)

    try:
        config = periods()
        removed = cleanup(on_wait=waiting)
    except (RetentionConfigError, CleanupBusy, TrackerDbError) as exc:
        print(str(exc))
        return 1
    print(f"Bewaartermijnen: gesprekken en verslagen {config.general} dagen, rollenspellen {config.roleplay} dagen, "
          f"contactgegevens van terugbelverzoeken {config.callback} dagen.")
    conversations = removed.pop(CONVERSATIONS, 0)
    if not removed:
        print("Opgeruimd: er was niets ouder dan de bewaartermijn.")
        return 0
    prefix = f"{conversations} gesprek{'ken' if conversations != 1 else ''} " if conversations else ""
    print(f"Opgeruimd: {prefix + '(' if prefix else ''}{describe(removed)}{')' if prefix else ''}.")
    return 0


def _key_result(action) -> int:
    from bot.privacy.crypto import KeyFileError
    from bot.privacy.tracker_db import TrackerDbError

    try:
        report = action()
    except (KeyFileError, TrackerDbError) as exc:
        print(str(exc))
        return 1
    for note in report.notes:
        print(note)
    return 0


def run_key_check(args: argparse.Namespace) -> int:
    from bot.privacy.crypto import check

    def checked():
        report = check(create=False)
        report.notes.append(f"De sleutel {report.path} is in orde"
                            + (f" en leest de versleutelde contactgegevens ({report.encrypted} gecontroleerd)."
                               if report.encrypted else "; er zijn nog geen versleutelde contactgegevens."))
        return report

    return _key_result(checked)


def run_key_make(args: argparse.Namespace) -> int:
    from bot.privacy.crypto import make

    def made():
        report = make(wipe_old=args.wis_oude)
        if not report.made:
            report.notes.append(f"Er is al een sleutel: {report.path}. Er is niets veranderd.")
        return report

    return _key_result(made)


def run_key_prepare(args: argparse.Namespace) -> int:
    from bot.privacy.crypto import prepare

    return _key_result(prepare)
