"""Retention: remove what is older than its retention period (``rustpunt opruimen``, and at start).

Periods in days, from the environment (whole numbers >= 1):

- ``RUSTPUNT_BEWAARTERMIJN_DAGEN`` (default 90): conversations in Rasa's tracker database
  (counted from the last message) and our records (counted from the last change);
- ``RUSTPUNT_TERUGBEL_BEWAARTERMIJN_DAGEN`` (default 14): the encrypted contact details of a
  call-back (counted from when it was registered); the masked call-back itself follows the general period;
- ``RUSTPUNT_ROLLENSPEL_BEWAARTERMIJN_DAGEN`` (default: the general period): role-play sessions
  kept for trainers.

One clean-up at a time per database (``bot.locks.only_one``): the cluster's daily one and an administrator's
``beheer opruimen`` could otherwise run at the same moment and both remove (and report) the same rows. The second
one waits until the first is done and then finds what is left.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Dict, Optional

from bot import records
from bot.db import database_url
from bot.locks import Busy, only_one
from bot.paths import var_dir
from bot.privacy import logs, tracker_db
from bot.privacy.forget import EVENTS

GENERAL_ENV = "RUSTPUNT_BEWAARTERMIJN_DAGEN"
CALLBACK_ENV = "RUSTPUNT_TERUGBEL_BEWAARTERMIJN_DAGEN"
ROLEPLAY_ENV = "RUSTPUNT_ROLLENSPEL_BEWAARTERMIJN_DAGEN"
DEFAULT_DAYS = 90
DEFAULT_CALLBACK_DAYS = 14
ROLEPLAY_KIND = "rollenspel"
CALLBACK_KIND = "terugbelverzoek"
CONTACT_KIND = "terugbel_contact"
CONTACT_DROPPED = "terugbel_contactgegevens"
CONVERSATIONS = "gesprekken"
LOG_FILES = "logbestanden"
LOCK_NAME = "opruimen"
WAIT_MINUTES = 10  # for a clean-up that is already running


class RetentionConfigError(ValueError):
    """A retention setting is not a whole number of days; the message is Dutch."""


class CleanupBusy(RuntimeError):
    """Another clean-up of the same data is still running after the wait; the message is Dutch."""


@dataclass
class Periods:
    general: int
    callback: int
    roleplay: int


def _days(name: str, default: int) -> int:
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise RetentionConfigError(
            f"{name}={raw!r} is geen geheel aantal dagen. Gebruik bijvoorbeeld {name}={default}."
        ) from None
    if value < 1:
        raise RetentionConfigError(f"{name}={raw!r}: de bewaartermijn moet minstens 1 dag zijn.")
    return value


def periods() -> Periods:
    general = _days(GENERAL_ENV, DEFAULT_DAYS)
    return Periods(general=general, callback=_days(CALLBACK_ENV, DEFAULT_CALLBACK_DAYS),
                   roleplay=_days(ROLEPLAY_ENV, general))


def _utc_naive(now: Optional[datetime]) -> datetime:
    if now is None:
        return datetime.utcnow()
    if now.tzinfo is not None:
        return now.astimezone(timezone.utc).replace(tzinfo=None)
    return now


def cleanup(now: Optional[datetime] = None, on_wait: Callable[[], None] = lambda: None) -> Dict[str, int]:
    """Remove everything past its retention period; returns what was removed
    (``gesprekken``, ``gespreksgebeurtenissen``, record kinds, ``terugbel_contactgegevens``). While another clean-up of
    the same data runs, ``on_wait`` is called and this waits up to ``WAIT_MINUTES`` for it (then :class:`CleanupBusy`).
    """
    config = periods()
    try:
        with only_one(LOCK_NAME, database_url(), wait=WAIT_MINUTES * 60, on_wait=on_wait):
            return _cleanup(config, now)
    except Busy:
        raise CleanupBusy(
            f"Er loopt al een opruiming (de dagelijkse of die van een beheerder) en die is na {WAIT_MINUTES:g} "
            "minuten nog niet klaar. Er is nu niets opgeruimd; probeer het later opnieuw."
        ) from None


def _cleanup(config: Periods, now: Optional[datetime]) -> Dict[str, int]:
    from bot.intake.callbacks import drop_contact  # lazy: bot.intake imports bot.privacy: a cycle at import time

    now = _utc_naive(now)
    general_cutoff = now - timedelta(days=config.general)
    callback_cutoff = now - timedelta(days=config.callback)
    removed: Dict[str, int] = {}

    def add(counts: Dict[str, int]) -> None:
        for kind, number in counts.items():
            if number:
                removed[kind] = removed.get(kind, 0) + number

    # conversations in Rasa's tracker database, by their last event
    idle = tracker_db.conversations_idle_since(general_cutoff.replace(tzinfo=timezone.utc).timestamp())
    if idle:
        add({CONVERSATIONS: len(idle), EVENTS: tracker_db.delete_conversations(idle)})
    # our records: role-play sessions have their own period
    add(records.delete_records(exclude_kinds=[ROLEPLAY_KIND], updated_before=general_cutoff))
    add(records.delete_records(kinds=[ROLEPLAY_KIND], updated_before=now - timedelta(days=config.roleplay)))
    # call-back contact details: shorter
    add(records.delete_records(kinds=[CONTACT_KIND], created_before=callback_cutoff))
    dropped = sum(1 for row in records.list_records(CALLBACK_KIND, limit=1_000_000)
                  if row.created_at < callback_cutoff and drop_contact(row.pk))
    add({CONTACT_DROPPED: dropped})
    records.drop_old_forgotten_marks()  # the markers of conversations forgotten on request, after a day
    records.drop_unused_numbers(general_cutoff)  # the highest plan and session numbers of conversations now gone
    tracker_db.empty_write_ahead_logs()  # also what an earlier deletion could not clear from a log in use
    # log files (bot.privacy.logs): of this folder's 'make run' and of its cluster
    cutoff = general_cutoff.replace(tzinfo=timezone.utc).timestamp()
    add({LOG_FILES: logs.remove_old([var_dir() / "logs", var_dir() / "cluster" / "logs"], cutoff)})
    return removed
