"""``rustpunt vergeet <gespreks-id>``, ``rustpunt vergeet --deelnemer <code>`` and ``rustpunt opruimen``."""
from __future__ import annotations

import argparse


def register(subparsers) -> None:
    forget = subparsers.add_parser(
        "vergeet",
        help="verwijder een gesprek en alles wat ervan is opgeslagen (of alle rollenspellen van een deelnemer)",
    )
    forget.add_argument("gespreks_id", nargs="?", default=None, help="id van het gesprek")
    forget.add_argument("--deelnemer", default=None, help="code of naam van een deelnemer aan de rollenspellen")
    forget.set_defaults(func=run_forget)
    clean = subparsers.add_parser("opruimen", help="verwijder alles wat ouder is dan de bewaartermijn")
    clean.set_defaults(func=run_cleanup)


def run_forget(args: argparse.Namespace) -> int:
    from bot.privacy.forget import describe, forget_conversation, forget_participant
    from bot.privacy.tracker_db import TrackerDbError

    if bool(args.gespreks_id) == bool(args.deelnemer):
        print("Geef één gespreks-id (rustpunt vergeet <gespreks-id>) of één deelnemer "
              "(rustpunt vergeet --deelnemer <code>).")
        return 2
    try:
        if args.deelnemer:
            removed = forget_participant(args.deelnemer)
            if not removed:
                print(f"Er zijn geen rollenspellen van deelnemer '{args.deelnemer}' gevonden; er is niets verwijderd.")
                return 1
            print(f"Verwijderd voor deelnemer '{args.deelnemer}': {describe(removed)}.")
            return 0
        removed = forget_conversation(args.gespreks_id)
    except TrackerDbError as exc:
        print(str(exc))
        return 1
    if not removed:
        print(f"Er is geen gesprek met id '{args.gespreks_id}' gevonden; er is niets verwijderd.")
        return 1
    print(f"Gesprek '{args.gespreks_id}' is vergeten. Verwijderd: {describe(removed)}.")
    return 0


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
