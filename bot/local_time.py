"""Dates and times as people in the Netherlands read them; the store keeps UTC.

Records get ``created_at`` from ``datetime.utcnow()`` (naive, UTC). Everything that shows such a moment to a
trainer (the trainers' page, the group view, the reports and exports, ``rustpunt sessies lijst``) converts it
here, to Europe/Amsterdam: CET (UTC+1) in winter, CEST (UTC+2) in summer. The time-zone data comes from the
system (``zoneinfo``, /usr/share/zoneinfo). A machine without it (a slim container) gets the EU rule in force
since 1996 instead: summer time from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday of
October. No new dependency either way.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, Optional

log = logging.getLogger(__name__)

ZONE = "Europe/Amsterdam"
PAGE_FORMAT = "%d-%m-%Y %H:%M"  # how the trainers' page shows a moment
SORTABLE_FORMAT = "%Y-%m-%d %H:%M"  # tables, CSV and the command line: sorts as text
WINTER = timezone(timedelta(hours=1), "CET")
SUMMER = timezone(timedelta(hours=2), "CEST")


@lru_cache(maxsize=None)
def _system_zone() -> Optional[tzinfo]:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - Python 3.9+ always has it
        return None
    try:
        return ZoneInfo(ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("No time-zone data for %s on this machine; using the EU summer-time rule", ZONE)
        return None


def _last_sunday_one_utc(year: int, month: int) -> datetime:
    """01:00 UTC on the last Sunday of ``month`` (March and October both have 31 days)."""
    last = datetime(year, month, 31, 1, tzinfo=timezone.utc)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def eu_rule(moment: datetime) -> datetime:
    """``moment`` (aware) in Dutch time by the EU rule, without time-zone data."""
    utc = moment.astimezone(timezone.utc)
    summer = _last_sunday_one_utc(utc.year, 3) <= utc < _last_sunday_one_utc(utc.year, 10)
    return utc.astimezone(SUMMER if summer else WINTER)


def _moment(value: Any) -> Optional[datetime]:
    """A stored moment as an aware datetime: a naive datetime is UTC; text is ISO 8601 (a JSON row)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def dutch_time(value: Any) -> Optional[datetime]:
    """The stored moment ``value`` in Dutch local time; None when it is not a moment."""
    moment = _moment(value)
    if moment is None:
        return None
    zone = _system_zone()
    return moment.astimezone(zone) if zone is not None else eu_rule(moment)


def dutch_time_text(value: Any, fmt: str = PAGE_FORMAT) -> str:
    """The moment in Dutch local time as text; a value that is no moment as it is ('' for None)."""
    moment = dutch_time(value)
    if moment is not None:
        return moment.strftime(fmt)
    return "" if value is None else str(value)


def dutch_day(value: Any) -> Optional[date]:
    """The Dutch calendar day of a stored moment (a session at 00:30 in Amsterdam is on that day, not the day
    before as in UTC); a plain date stays as it is."""
    moment = dutch_time(value)
    if moment is not None:
        return moment.date()
    return value if isinstance(value, date) and not isinstance(value, datetime) else None
