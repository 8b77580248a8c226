"""``rustpunt vergeet <gespreks-id>``, ``rustpunt vergeet --sessie <nummer>``, ``rustpunt vergeet --samenvatting
<nummer>``, ``rustpunt vergeet --deelnemer <code>`` and ``rustpunt opruimen``."""
from __future__ import annotations

import argparse


def register(subparsers) -> None:
    forget = subparsers.add_parser(
        "vergeet",
        help="verwijder een gesprek en alles wat ervan is opgeslagen, één rollenspelsessie, één intakesamenvatting, "
             "of alle rollenspellen van een deelnemer",
    )
    forget.add_argument("gespreks_id", nargs="?", default=None,
                        help="id van het gesprek, of de korte code die de trainerspagina toont (#a6e3b9fc)")
    forget.add_argument("--sessie", default=None, help="nummer van één rollenspelsessie (zoals op de trainerspagina)")
    forget.add_argument("--samenvatting", default=None,
                        help="nummer van één intakesamenvatting (staat in de chat; zie 'rustpunt intake lijst'), "
                             "met de terugbelverzoeken die erbij horen")
    forget.add_argument("--deelnemer", default=None, help="code of naam van een deelnemer aan de rollenspellen")
    forget.set_defaults(func=run_forget)
    clean = subparsers.add_parser("opruimen", help="verwijder alles wat ouder is dan de bewaartermijn")
    clean.set_defaults(func=run_cleanup)


def run_forget(args: argparse.Namespace) -> int:
    from bot.privacy.forget import conversations_by_short_hash, describe, forget_conversation, forget_participant
    from bot.privacy.tracker_db import TrackerDbError

    chosen = (args.gespreks_id, args.deelnemer, getattr(args, "sessie", None), getattr(args, "samenvatting", None))
    if sum(bool(value) for value in chosen) != 1:
        print("Geef één gespreks-id (rustpunt vergeet <gespreks-id>), één rollenspelsessie "
              "(rustpunt vergeet --sessie <nummer>), één intakesamenvatting (rustpunt vergeet --samenvatting <nummer>) "
              "of één deelnemer (rustpunt vergeet --deelnemer <code>).")
        return 2
    if getattr(args, "sessie", None):
        return run_forget_session(args.sessie)
    if getattr(args, "samenvatting", None):
        return run_forget_summary(args.samenvatting)
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


def run_forget_summary(value: str) -> int:
    """One intake summary by its number (``rustpunt vergeet --samenvatting 4``)."""
    from bot.privacy.forget import describe, forget_summary

    raw = str(value or "").strip().lstrip("#")
    if not raw.isdigit() or len(raw) > 12:
        print(f"'{raw[:40]}' is geen geldig nummer van een samenvatting. Gebruik het nummer uit de chat of uit "
              "'rustpunt intake lijst', bijvoorbeeld 4.")
        return 2
    removed = forget_summary(raw)
    if not removed:
        print(f"Er is geen intakesamenvatting met nummer {raw}; er is niets verwijderd. Zie 'rustpunt intake lijst'.")
        return 1
    print(f"Intakesamenvatting {raw} is vergeten. Verwijderd: {describe(removed)}. Het chatgesprek zelf staat er nog; "
          "wis dat met 'rustpunt vergeet <gespreks-id>'.")
    return 0


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
    from bot.privacy.retention import CONVERSATIONS, RetentionConfigError, cleanup, periods
    from bot.privacy.tracker_db import TrackerDbError

    try:
        config = periods()
        removed = cleanup()
    except (RetentionConfigError, TrackerDbError) as exc:
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
