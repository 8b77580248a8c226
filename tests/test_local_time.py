"""Trainers read Dutch local time (CET in winter, CEST in summer); the store keeps UTC."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot import local_time
from bot.local_time import dutch_day, dutch_time_text, eu_rule


@pytest.fixture(params=["zoneinfo", "eu-rule"])
def zone_source(request, monkeypatch):
    """Both ways of knowing Dutch time: the system's time-zone data, and the rule for machines without it."""
    if request.param == "eu-rule":
        monkeypatch.setattr(local_time, "_system_zone", lambda: None)
    return request.param


@pytest.mark.parametrize("stored, shown", [
    (datetime(2026, 1, 15, 12, 0), "15-01-2026 13:00"),  # winter: UTC+1
    (datetime(2026, 7, 15, 12, 0), "15-07-2026 14:00"),  # summer: UTC+2
    (datetime(2026, 3, 29, 0, 59), "29-03-2026 01:59"),  # the last minute of winter time
    (datetime(2026, 3, 29, 1, 0), "29-03-2026 03:00"),   # clocks go forward
    (datetime(2026, 10, 25, 0, 59), "25-10-2026 02:59"),  # the last minute of summer time
    (datetime(2026, 10, 25, 1, 0), "25-10-2026 02:00"),  # clocks go back
    ("2026-07-15T12:00:00", "15-07-2026 14:00"),  # a JSON row stores text
    ("2026-07-15 12:00:00.123456", "15-07-2026 14:00"),
    (datetime(2026, 7, 15, 14, 0, tzinfo=timezone(timedelta(hours=2))), "15-07-2026 14:00"),  # already aware
])
def test_a_stored_utc_moment_is_shown_in_dutch_time(zone_source, stored, shown):
    assert dutch_time_text(stored) == shown


def test_the_rule_for_machines_without_zone_data_agrees_with_zoneinfo_every_hour():
    amsterdam = ZoneInfo("Europe/Amsterdam")
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    while moment.year < 2028:
        assert eu_rule(moment).utcoffset() == moment.astimezone(amsterdam).utcoffset(), moment
        moment += timedelta(hours=1)


def test_what_is_no_moment_is_shown_as_it_is(zone_source):
    assert dutch_time_text(None) == ""
    assert dutch_time_text("gisteren") == "gisteren"
    assert dutch_day("gisteren") is None
    assert dutch_day(date(2026, 12, 1)) == date(2026, 12, 1)


def test_the_day_is_the_dutch_day(zone_source):
    assert dutch_day(datetime(2026, 11, 30, 23, 30)) == date(2026, 12, 1)  # 00:30 in Amsterdam
    assert dutch_day(datetime(2026, 6, 30, 21, 59)) == date(2026, 6, 30)  # 23:59 in summer
