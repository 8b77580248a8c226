"""Trainers' group view: aggregation per participant and scenario, CSV, HTML with inline SVG (no CDN),
a printable version, and the ``rustpunt groep`` command."""
import html
import io
import re
from datetime import datetime
from types import SimpleNamespace

import pytest

from bot import cli
from bot.roleplay import feedback
from bot.roleplay.group import GroupError, group_csv_text, group_view, render_group_page, write_group_csv
from bot.roleplay.report import read_csv


def turn(nr, zet, before, after, tekst=None):
    return {"nr": nr, "tekst": tekst or f"zin {nr}", "zet": zet, "zekerheid": 1.0, "signalen": [],
            "spanning_voor": before, "spanning_na": after, "rol": "slachtoffer", "antwoord": "antwoord",
            "herhaling": False, "weerstand": False}


def record(pk, deelnemer, groep, status, moves, day="2026-11-10", scenario="vader-kinderen-thuisgehouden",
           pogingen=None):
    tension, turns = 8, []
    for nr, (zet, delta) in enumerate(moves, start=1):
        turns.append(turn(nr, zet, tension, max(0, min(10, tension + delta))))
        tension = turns[-1]["spanning_na"]
    data = {"scenario": scenario, "titel": f"Titel {scenario}", "deelnemer": deelnemer, "groep": groep,
            "state": {"scenario": scenario, "seed": 1, "tension": tension, "role": "slachtoffer", "turns": turns,
                      "ending": None if status == "bezig" else status, "last_reply": None},
            "debrief": {"tips": ["Begin met erkennen."]} if status != "bezig" else None,
            "pogingen": pogingen or []}
    return SimpleNamespace(pk=pk, data=data, status=status, created_at=datetime.fromisoformat(f"{day} 10:00:00"),
                           conversation_id=None, title=data["titel"])


GOOD = [("erkennen", -1), ("visie", -1), ("dynamiek", -1), ("behoefte", -1), ("realiteit", -1), ("opties", -1)]
BAD = [("inhoud", 1), ("oordelen", 3)]


@pytest.fixture
def records():
    return [
        record(1, "Anna", "Najaar-2026", "goed", GOOD),
        record(2, "Anna", "najaar-2026", "slecht", BAD, day="2026-11-12", pogingen=[{"vanaf_beurt": 1}]),
        record(3, "Anna", "Najaar-2026", "slecht", [("redden", 2), ("inhoud", 1)], day="2026-11-20"),
        record(4, "Bram", "Najaar-2026", "slecht", [("erkennen", -1), ("oordelen", 3), ("oordelen", 3)],
               scenario="ouder-wil-partij"),
        record(5, "Cas", "Andere-groep", "goed", GOOD),
        record(6, "Bram", "Najaar-2026", "bezig", [("erkennen", -1)], day="2026-12-30"),
    ]


def test_group_view_per_participant(records):
    view = group_view(records, "najaar-2026")
    assert [p.naam for p in view.deelnemers] == ["Anna", "Bram"]
    anna, bram = view.deelnemers
    assert [r.id for r in anna.sessies] == [1, 2, 3]
    assert anna.afloop == {"goed": 1, "slecht": 2}
    assert anna.stappen["erkennen"] == 1 and anna.stappen["opties"] == 1
    assert anna.nooit_gebruikt == []
    assert anna.terugkerende_valkuilen == {"inhoud": 2}  # inhoud came back in sessions 2 and 3
    assert anna.sessies[1].overgeslagen == ["visie", "erkennen", "dynamiek", "behoefte", "realiteit", "opties"]
    assert anna.sessies[1].curve == [8, 9, 10] and anna.sessies[1].opnieuw == 1
    assert bram.terugkerende_valkuilen == {}  # oordelen twice, but in one session
    assert bram.afloop == {"slecht": 1, "bezig": 1}
    assert "Cas" not in [p.naam for p in view.deelnemers]


def test_a_second_step_inside_a_turn_counts_as_used_as_in_the_debrief():
    # a user test: the chat's debrief listed 'Realiteit benoemen' (the second move of a turn), the group overview
    # said 'nooit gebruikt: realiteit'; a step beside the doubted sentence of a forgiven uncertain read counts in both
    # (the debrief lists it: ``feedback.turn_read``), an options question beside a pitfall that led the turn in neither
    both = record(7, "Dirk", "Winter", "gestopt", [("erkennen", -1), ("inhoud", 0), ("redden", 1)])
    both.data["state"]["turns"][0]["zetten"] = ["erkennen", "realiteit"]
    both.data["state"]["turns"][1].update(zetten=["inhoud", "behoefte"], onzeker=True)
    both.data["state"]["turns"][2]["zetten"] = ["redden", "opties"]
    row = group_view([both], "winter").deelnemers[0].sessies[0]
    assert row.stappen == ["erkennen", "realiteit", "behoefte"] == feedback.steps_taken(both.data["state"]["turns"])
    assert "realiteit" not in row.overgeslagen and "opties" in row.overgeslagen


def test_group_wide_count_of_each_pitfall_in_turns_and_sessions(records):
    # a user test (session 25, a trainer with a group of 12): per pitfall, how often it happened in the whole group and
    # in how many sessions, to see what to discuss with everyone; most frequent first
    view = group_view(records, "Najaar-2026")
    assert [(p.valkuil, p.keer, p.sessies) for p in view.valkuilen] == [
        ("oordelen", 3, 2), ("inhoud", 2, 2), ("redden", 1, 1)]
    # the chosen period only: sessions 2 and 3
    view = group_view(records, "Najaar-2026", "2026-11-11", "2026-11-20")
    assert [(p.valkuil, p.keer, p.sessies) for p in view.valkuilen] == [
        ("inhoud", 2, 2), ("oordelen", 1, 1), ("redden", 1, 1)]
    assert group_view(records, "Andere-groep").valkuilen == []


def test_group_wide_count_follows_the_debrief_a_pitfall_beside_a_step_counts_a_forgiven_read_not():
    beside = record(7, "Dirk", "Winter", "gestopt", [("erkennen", -1), ("inhoud", 0), ("redden", 1)])
    beside.data["state"]["turns"][0]["zetten"] = ["erkennen", "redden"]
    beside.data["state"]["turns"][1].update(onzeker=True)
    first = record(8, "Eva", "Winter", "slecht", [("redden", 3)])
    again = record(9, "Eva", "Winter", "goed", [("redden", 3)] + GOOD, day="2026-11-11")
    again.data.update(vervolg_van=8, vervolg_vanaf=2)  # its copied first turn counts in session 8 only
    view = group_view([beside, first, again], "winter")
    assert [(p.valkuil, p.keer, p.sessies) for p in view.valkuilen] == [("redden", 3, 2)]


def test_group_page_shows_the_group_wide_count_of_pitfalls(records):
    page = render_group_page(records, "Najaar-2026", "2026-11-01", "2026-11-30")
    names = feedback.move_names()
    assert "Valkuilen in de hele groep" in page
    section = page.split("Valkuilen in de hele groep")[1].split("Afloop per deelnemer")[0]
    assert "van 01-11-2026 tot en met 30-11-2026" in section
    cells = re.findall(r"<tr><td>(.*?)</td><td>(\d+)</td><td>(\d+) van (\d+)</td></tr>", section)
    # in the period: sessions 1, 2, 3 and 4 (session 6 is in December)
    assert cells == [(html.escape(names["oordelen"]), "3", "2", "4"), (html.escape(names["inhoud"]), "2", "2", "4"),
                     (html.escape(names["redden"]), "1", "1", "4")]
    assert "en in hoeveel van de 4 sessies;" in " ".join(section.split())
    calm = render_group_page([record(1, "Anna", "Rustig", "goed", GOOD)], "Rustig")
    assert "Geen valkuilen in de sessies van deze groep." in calm
    one = " ".join(render_group_page([record(1, "Anna", "Alleen", "slecht", [("redden", 1)])], "Alleen").split())
    assert "Hoe vaak elke valkuil in de groep voorkwam, in de enige sessie; bovenaan" in one  # not 'van de 1 sessie'


def test_a_retry_after_the_end_does_not_count_the_first_attempts_pitfall_twice():
    # a regression test: the new session copies the turns before the retry; their pitfall counted in both sessions
    first = record(8, "Eva", "Winter", "slecht", [("oordelen", 3), ("inhoud", 1)])
    again = record(9, "Eva", "Winter", "goed", [("oordelen", 3)] + GOOD, day="2026-11-11")
    again.data.update(vervolg_van=8, vervolg_vanaf=2)
    eva = group_view([first, again], "winter").deelnemers[0]
    assert eva.sessies[1].valkuilen == [] and eva.terugkerende_valkuilen == {}


def test_date_range_and_bad_input(records):
    view = group_view(records, "Najaar-2026", "2026-11-11", "20-11-2026")
    assert [r.id for p in view.deelnemers for r in p.sessies] == [2, 3]
    with pytest.raises(GroupError, match="begindatum ligt na de einddatum"):
        group_view(records, "Najaar-2026", "2026-12-01", "2026-11-01")
    with pytest.raises(GroupError, match="datum bij 'van' is niet geldig"):
        group_view(records, "Najaar-2026", "gisteren")
    with pytest.raises(GroupError, match="groepscode"):
        group_view(records, "  ")


def test_dates_are_dutch_days_and_times():
    late = record(1, "Anna", "Groep-Y", "goed", GOOD)
    late.created_at = datetime(2026, 11, 30, 23, 30)  # stored in UTC: 00:30 on 1 December in Amsterdam
    view = group_view([late], "Groep-Y", "2026-12-01", "2026-12-01")
    assert [r.datum for p in view.deelnemers for r in p.sessies] == ["2026-12-01 00:30"]
    assert group_view([late], "Groep-Y", "2026-11-30", "2026-11-30").deelnemers == []
    assert "2026-12-01 00:30" in group_csv_text([late], "Groep-Y")
    # the page shows a moment as the rest of the trainers' page does (a user test saw two notations side by side)
    page = render_group_page([late], "Groep-Y")
    assert "01-12-2026 00:30" in page and "2026-12-01 00:30" not in page


def test_where_groups_get_stuck_per_scenario(records):
    view = group_view(records, "Najaar-2026")
    first = view.scenarios[0]
    assert first.scenario == "vader-kinderen-thuisgehouden"  # most bad endings first
    assert first.afloop == {"goed": 1, "slecht": 2, "bezig": 1}
    assert first.vaakste_valkuil == "inhoud"
    assert first.vaakst_gemist[0] == "visie"  # missing in both finished bad sessions (ties keep step order)
    # the first turn after which the tension was highest, over the sessions where it rose above the start (the
    # opening is no turn: a user test saw 'beurt 0.0'): the bad sessions 2 (8 → 9 → 10) and 3 (8 → 10 → 10)
    assert first.piek_beurt == pytest.approx((2 + 1) / 2)
    partij = view.scenarios[1]
    assert partij.vaakste_valkuil == "oordelen" and partij.afloop == {"slecht": 1}


def test_csv_one_row_per_session_and_no_formulas(records):
    records[0].data["deelnemer"] = "=HYPERLINK(\"x\")"
    view = group_view(records, "Najaar-2026")
    out = io.StringIO()
    assert write_group_csv(view, out) == 5
    rows = read_csv(out.getvalue())
    assert rows[0]["deelnemer"].startswith("'=")
    anna = [r for r in rows if r["deelnemer"] == "Anna"]
    assert anna[0]["afloop"] == "misgelopen" and anna[0]["spanning"] == "8 9 10"
    assert anna[0]["opnieuw_geprobeerd"] == "1"
    assert group_csv_text(records, "Najaar-2026") == out.getvalue()


def test_html_page_has_tables_inline_svg_and_nothing_from_outside(records):
    page = render_group_page(records, "Najaar-2026", "2026-11-01", "2026-11-30")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert page.count("<svg") >= 1 + 2 * 2  # endings chart + steps and tension per participant
    assert "<polyline" in page and "sessie 2 (misgelopen)" in page
    assert "Terugkerende valkuilen" in page and "Waar groepen vastlopen" in page
    assert "Anna, sessie 1: transcript en nabespreking" in page and "Begin met erkennen." in page
    assert "formaat=csv" in page and "formaat=print" in page
    for outside in ("http://", "https://", "//cdn", "<script"):
        assert outside not in page
    # the participants' texts are escaped
    records[0].data["deelnemer"] = "<b>Anna</b>"
    assert "<b>Anna</b>" not in render_group_page(records, "Najaar-2026")


def test_printable_version_and_messages_instead_of_errors(records):
    printable = render_group_page(records, "Najaar-2026", printable=True)
    assert "details.sessie-details { display: none; }" in printable and "formaat=csv" not in printable
    wrong = render_group_page(records, "Najaar-2026", "2026-12-01", "2026-11-01")
    assert "begindatum ligt na de einddatum" in wrong and 'role="alert"' in wrong
    empty = render_group_page(records, "Bestaat-niet")
    assert "Geen sessies gevonden voor groep" in empty
    assert "Najaar-2026" in empty  # the choice of groups is offered
    assert "formaat=csv" not in empty  # no export of nothing (a user test)
    assert "formaat=csv" in render_group_page(records, "Najaar-2026")


def service_sessions():
    from bot.roleplay.session import list_sessions

    return list_sessions(limit=100)


def test_cli_groep(tmp_path, capsys):
    from bot.roleplay import catalog
    from bot.roleplay.session import PracticeService

    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    service = PracticeService(classify=lambda text: lookup.get(text, "onduidelijk"))
    father = catalog.get_scenario("vader-kinderen-thuisgehouden")
    session = service.start(father.id, deelnemer="Anna", groep="Groep A", seed=1)
    for step in father.oefenpad:
        service.play(session, step.tekst)
    other = service.start(father.id, deelnemer="Bram", groep="Groep A", seed=1)
    for step in father.valkuilpad:
        service.play(other, step.tekst)
    csv_file, html_file = tmp_path / "groep.csv", tmp_path / "groep.html"
    assert cli.main(["groep", "groep a", "--csv", str(csv_file), "--html", str(html_file)]) == 0
    out = capsys.readouterr().out
    assert "Groep Groep A: 2 deelnemers, 2 sessies." in out
    assert "- Anna: 1 sessie (1 goed afgelopen)" in out
    assert "- Bram: 1 sessie (1 misgelopen)" in out
    bram = group_view(service_sessions(), "Groep A").valkuilen
    assert bram  # the pitfall path has pitfalls
    expected = "; ".join(f"{feedback.move_names().get(p.valkuil)}: {p.keer} keer, in 1 sessie" for p in bram)
    assert f"Valkuilen in de hele groep (hoe vaak, in hoeveel sessies): {expected}" in out
    assert len(csv_file.read_text(encoding="utf-8").splitlines()) == 3
    assert "<svg" in html_file.read_text(encoding="utf-8")
    assert cli.main(["groep", "Groep A", "--van", "morgen"]) == 1
    assert "niet geldig" in capsys.readouterr().out
    assert cli.main(["groep", "Groep Z"]) == 1
    assert "Geen sessies gevonden voor groep 'Groep Z'" in capsys.readouterr().out
