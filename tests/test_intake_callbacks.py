"""Terugbelverzoeken: register (masked), list, mark done; and the CLI commands."""
from __future__ import annotations

import pytest

from bot.cli import main
from bot.intake.callbacks import CallbackError, dated, list_callbacks, mark_done, register
from bot.records import get_record


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


def test_lifecycle_register_list_done():
    first, note = register("jeugdconsulent", "Moeder Sanne over schoolverzuim, bel 06-12345678", "morgen 10:00")
    assert note == "Ik heb 1 naam en 1 telefoonnummer afgeschermd voordat ik iets heb opgeslagen."
    second, _ = register("collega buurtteam", "vader over omgang", "12-05-2026 om 14 uur", samenvatting_id=7)
    row = get_record("terugbelverzoek", first)
    assert row.data["waarover"] == "Moeder [NAAM] over schoolverzuim, bel [TELEFOON]"
    assert "Sanne" not in str(row.data) and "0612345678" not in str(row.data).replace("-", "")
    assert get_record("terugbelverzoek", second).data["wanneer"] == "12-05-2026 om 14 uur"
    assert [c.id for c in list_callbacks()] == [first, second]
    done = mark_done(str(first))
    assert done.status == "klaar"
    assert [c.id for c in list_callbacks(status="open")] == [second]
    assert [c.id for c in list_callbacks()] == [second, first]  # open first
    with pytest.raises(CallbackError, match="al afgehandeld"):
        mark_done(first)


@pytest.mark.parametrize("bad", ["abc", "-3", "0", "'; DROP TABLE x;--", ""])
def test_bad_ids(bad):
    with pytest.raises(CallbackError, match="geen geldig nummer"):
        mark_done(bad)


def test_unknown_id_and_wrong_kind():
    from bot.records import add_record

    other = add_record("gespreksplan", {"x": 1})
    with pytest.raises(CallbackError, match=f"geen terugbelverzoek met nummer {other}"):
        mark_done(other)


def test_empty_fields_are_refused():
    with pytest.raises(CallbackError, match="wie er terugbelt"):
        register("  ", "iets", "morgen")


def test_cli_list_and_done(capsys):
    assert main(["terugbellen", "lijst"]) == 0
    assert "Er zijn geen terugbelverzoeken." in capsys.readouterr().out
    record_id, _ = register("consulent", "over school", "vrijdag")
    assert main(["terugbellen", "lijst"]) == 0
    out = capsys.readouterr().out
    assert (
        "1 open, 0 afgehandeld" in out
        and f"#{record_id} [open] {dated('vrijdag')} - consulent belt terug over: over school" in out
    )
    assert main(["terugbellen", "klaar", str(record_id)]) == 0
    assert f"Terugbelverzoek {record_id} is afgehandeld." in capsys.readouterr().out
    assert main(["terugbellen", "klaar", "999"]) == 1
    assert "Er is geen terugbelverzoek met nummer 999." in capsys.readouterr().out


def test_cli_questions(capsys):
    assert main(["vragen"]) == 0
    assert "sociaal_netwerk: Sociaal netwerk en sociale basis (6 vragen)" in capsys.readouterr().out
    assert main(["vragen", "sociale netwerk"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Vragenset: Sociaal netwerk en sociale basis") and "Doel:" in out
    assert main(["vragen", "onzin"]) == 1
    assert "Geen vragenset gevonden voor 'onzin'" in capsys.readouterr().out


def test_cli_masking_evaluation(capsys):
    assert main(["evalueer", "maskering"]) == 0
    out = capsys.readouterr().out
    assert "- regels: 176 zinnen" in out and "precisie" in out


def test_a_day_word_in_the_time_is_stored_with_the_day_it_means():
    # found by the third user test: "morgen" in the list still said "morgen" the next day
    from datetime import date

    from bot.intake.callbacks import dated

    sunday = date(2026, 12, 6)
    assert dated("morgen na 15 uur", sunday) == "morgen na 15 uur (maandag 7 december)"
    assert dated("vrijdagmiddag na drieën", sunday) == "vrijdagmiddag na drieën (vrijdag 11 december)"
    assert dated("zondag", sunday) == "zondag (zondag 13 december)"  # the same weekday is next week's
    assert dated("op 8-12 om 10 uur", sunday) == "op 8-12 om 10 uur"  # a date of its own stays
    assert dated("zo snel mogelijk", sunday) == "zo snel mogelijk"
    assert dated("na de goedemorgen", sunday) == "na de goedemorgen"
