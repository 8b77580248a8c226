"""What a trainer reads about a session agrees everywhere and reads as Dutch (fourth user test of the trainer tools):
the debrief, the group view, its CSV and `rustpunt groep` name the same pitfalls; retries are shown once; no raw
data, English booleans or 'sessie(s)'; CSV files that Excel in Dutch opens in columns."""
from __future__ import annotations

import io
import re
from datetime import date, datetime
from types import SimpleNamespace

from bot import cli
from bot.roleplay import catalog, feedback
from bot.roleplay.engine import Engine, Move
from bot.roleplay.group import group_csv_text, group_view, peak_turn, period_text, render_group_page
from bot.roleplay.report import debrief_rows, read_csv, session_view, write_csv
from bot.roleplay.session import PracticeService
from bot.web import trainer_page

SCENARIO = "vader-kinderen-thuisgehouden"

# what the professional says, and how the (injected) recogniser reads it
READS = {
    "Ik snap dat u kwaad bent. Die moeder van ze doet ook echt onredelijk.": Move(
        "erkennen", 0.9, zetten=["erkennen", "inhoud"], valkuilzin="Die moeder van ze doet ook echt onredelijk."),
    "Tja, dat had u misschien anders kunnen aanpakken.": Move("oordelen", 0.4),  # unsure: forgiven once
    "Weet u wat, ik bel haar straks zelf wel even op.": Move("redden", 0.95),
    "Wat maakt dit zo zwaar voor u?": Move("erkennen", 0.95),
    "Hoe gaat het meestal bij het ophalen?": Move("dynamiek", 0.95),
    "Wat zou u het liefste willen voor de kinderen?": Move("behoefte", 0.95),
    "Dan mag u zich ook wel eens afvragen wat u zelf fout doet.": Move("oordelen", 0.95),
}


def read(text, **_):
    return READS.get(text, Move("onduidelijk", 0.3))


def played(lines, pk=1, group="Groep-Noord", name="Joke", day=datetime(2026, 12, 3, 9, 0)):
    """A record as bot.roleplay.session stores it, with the real engine's turns and the real debrief."""
    scenario = catalog.get_scenario(SCENARIO)
    engine = Engine(scenario, classify=read, seed=3)
    for line in lines:
        engine.step(line)
    data = {"scenario": scenario.id, "titel": scenario.titel, "deelnemer": name, "groep": group,
            "state": engine.state.to_dict(), "debrief": feedback.debrief(scenario, engine.state, catalog.moves())}
    return SimpleNamespace(pk=pk, data=data, status="gestopt", created_at=day, conversation_id=None,
                           title=scenario.titel)


MIXED = list(READS)[:3]  # a pitfall beside a step, a forgiven unsure judgement, rescuing


# ---- M7: one rule for the pitfalls of a session ------------------------------------------------------------
def test_the_group_view_names_the_pitfalls_the_debrief_names():
    record = played(MIXED)
    debrief = [(p["beurt"], p["zet"]) for p in record.data["debrief"]["valkuilen"]]
    assert debrief == [(1, "inhoud"), (3, "redden")]  # beside a step counts; the forgiven read does not
    row = group_view([record], "groep-noord").deelnemers[0].sessies[0]
    assert row.valkuil_beurten == debrief and row.valkuilen == ["inhoud", "redden"]
    page = render_group_page([record], "groep-noord")
    assert "De inhoud in (valkuil) in beurt 1; Redden (valkuil) in beurt 3" in page
    assert "Oordelen of de les lezen (valkuil) in beurt" not in page  # only as doubt, in the debrief
    [csv_row] = read_csv(group_csv_text([record], "groep-noord"))
    assert csv_row["valkuilen"] == "De inhoud in (valkuil) in beurt 1; Redden (valkuil) in beurt 3"


def test_a_judgement_that_counts_is_named_and_the_scenario_row_agrees(capsys):
    # the second unsure judgement is not forgiven: the debrief lists it, and so does everything else
    record = played(MIXED + ["Dan mag u zich ook wel eens afvragen wat u zelf fout doet."])
    names = [p["zet"] for p in record.data["debrief"]["valkuilen"]]
    view = group_view([record], "Groep-Noord")
    assert view.deelnemers[0].sessies[0].valkuilen == names == ["inhoud", "redden", "oordelen"]
    assert view.scenarios[0].vaakste_valkuil == "inhoud"


def test_a_retry_after_the_end_shows_the_copied_pitfalls_with_the_first_session_and_counts_them_once():
    first = played(MIXED, pk=4)
    again = played(MIXED[:2] + ["Wat maakt dit zo zwaar voor u?"], pk=5, day=datetime(2026, 12, 3, 9, 30))
    again.data.update(vervolg_van=4, vervolg_vanaf=3)  # turns 1 and 2 are copies of session 4's
    joke = group_view([first, again], "Groep-Noord").deelnemers[0]
    row = joke.sessies[1]
    assert row.valkuilen == [] and row.overgenomen == [(1, "inhoud")]
    assert joke.terugkerende_valkuilen == {}  # said once, in session 4
    page = render_group_page([first, again], "Groep-Noord")
    assert "uit sessie 4: De inhoud in (valkuil) in beurt 1" in page and "nieuwe poging na sessie 4" in page


def test_the_tension_peak_is_a_turn_and_written_with_a_comma():
    assert peak_turn([8, 9, 10, 9]) == 2 and peak_turn([5, 7, 7, 4]) == 1
    assert peak_turn([8, 7, 6]) is None and peak_turn([6]) is None  # never above the start: no peak to name
    rising = played(["Weet u wat, ik bel haar straks zelf wel even op."], pk=1)
    calm = played(["Wat maakt dit zo zwaar voor u?", "Hoe gaat het meestal bij het ophalen?"], pk=2)
    later = played(["Wat maakt dit zo zwaar voor u?", "Weet u wat, ik bel haar straks zelf wel even op.",
                    "Dan mag u zich ook wel eens afvragen wat u zelf fout doet."], pk=3)
    view = group_view([rising, calm, later], "Groep-Noord")
    peaks = [peak_turn(r.curve) for r in view.deelnemers[0].sessies]
    assert peaks[1] is None and 0 not in peaks
    expected = sum(p for p in peaks if p) / 2
    assert view.scenarios[0].piek_beurt == round(expected, 1)
    page = render_group_page([rising, calm, later], "Groep-Noord")
    cells = re.search(r"<td>(\d+,\d)</td>\s*<td>(\d+,\d)</td>\s*</tr>", page)
    assert cells and cells.group(1) == f"{expected:.1f}".replace(".", ",")
    assert not re.search(r"<td>\d+\.\d</td>", page)


# ---- M9: retries are shown once --------------------------------------------------------------------------
def retry_service():
    return PracticeService(classify=read)


def test_two_retries_from_the_same_turn_show_each_attempt_and_what_came_after_once():
    service = retry_service()
    session = service.start(SCENARIO, seed=2)
    service.play(session, "Wat maakt dit zo zwaar voor u?")
    service.play(session, "Weet u wat, ik bel haar straks zelf wel even op.")
    service.play(session, "probeer opnieuw vanaf beurt 2")
    service.play(session, "Dan mag u zich ook wel eens afvragen wat u zelf fout doet.")
    service.play(session, "probeer het opnieuw vanaf beurt twee")
    service.play(session, "Hoe gaat het meestal bij het ophalen?")
    service.play(session, "Wat zou u het liefste willen voor de kinderen?")
    result = service.finish(session)
    text = result.debrief_tekst
    part = text[text.index("Opnieuw geprobeerd:"):]
    assert part.count("Daarna:") == 1
    assert part.count("Hoe gaat het meestal bij het ophalen?") == 1
    assert part.count("Wat zou u het liefste willen voor de kinderen?") == 1
    assert "Vanaf beurt 2, eerste poging:" in part and "Vanaf beurt 2, tweede poging:" in part
    assert "ik bel haar straks zelf" in part and "afvragen wat u zelf fout doet" in part
    lines = next(r for r in debrief_rows(result.debrief) if r.key == "pogingen").value
    assert [line.split(",")[0].split(":")[0] for line in lines] == ["Eerst", "Tweede poging", "Daarna"]
    assert sum("liefste willen" in line for line in lines) == 1


def test_retries_from_different_turns_show_everything_said_after_the_earliest():
    service = retry_service()
    session = service.start(SCENARIO, seed=2)
    for line in ("Wat maakt dit zo zwaar voor u?", "Hoe gaat het meestal bij het ophalen?",
                 "Weet u wat, ik bel haar straks zelf wel even op."):
        service.play(session, line)
    service.play(session, "terug naar beurt 3")
    service.play(session, "Wat zou u het liefste willen voor de kinderen?")
    service.play(session, "probeer beurt 2 opnieuw")
    service.play(session, "Wat zou u het liefste willen voor de kinderen?")
    text = service.finish(session, stopped=True).debrief_tekst
    after = text[text.index("Daarna:"):].splitlines()
    assert after[1].startswith("  beurt 2:") and len(after) == 2  # now: one turn, from turn 2 on


def test_a_retry_that_ended_the_talk_says_how_in_words():
    from bot.roleplay.retry import attempts_text

    attempt = {"vanaf_beurt": 3, "einde_eerst": "slecht", "eerst": [], "daarna": []}
    assert "eindigde: misgelopen" in attempts_text([attempt], {})


# ---- M5: no raw data on the trainers' page ------------------------------------------------------------------
def test_a_session_retried_while_playing_shows_its_attempts_in_words_not_as_data():
    service = retry_service()
    session = service.start(SCENARIO, deelnemer="Joke", seed=2, conversation_id="gesprek-7")
    service.play(session, "Wat maakt dit zo zwaar voor u?")
    service.play(session, "Weet u wat, ik bel haar straks zelf wel even op.")
    service.play(session, "probeer opnieuw vanaf beurt 2")
    service.play(session, "Hoe gaat het meestal bij het ophalen?")
    from bot.records import get_record

    record = get_record("rollenspel", session)
    html = trainer_page.sessions_page([record])
    for raw in ("{'", "'nr'", "False", "True", "(leeg)", "Aantal beurten", "Overige gegevens"):
        assert raw not in html, raw
    assert "Eerdere pogingen (opnieuw vanaf een beurt)" in html
    assert "Eerst, vanaf beurt 2: beurt 2 &#34;Weet u wat, ik bel haar straks zelf wel even op.&#34;" in html
    assert "Daarna: beurt 2 &#34;Hoe gaat het meestal bij het ophalen?&#34;" in html


def test_a_retry_after_the_end_says_which_session_it_continues():
    record = played(MIXED, pk=9)
    record.data.update(vervolg_van=8, vervolg_vanaf=2, pogingen=[])
    view = session_view(record)
    assert ("vervolg", "sessie 8, vanaf beurt 2") in view.meta and view.rest == {}
    assert "<dt>Nieuwe poging na</dt><dd>sessie 8, vanaf beurt 2</dd>" in trainer_page.sessions_page([record])


def test_unknown_stored_data_is_shown_as_words():
    odd = SimpleNamespace(pk=3, data={"extra": {"a": {"b": {"c": {"klaar": False, "score": 0.5, "leeg": None}}}},
                                      "niets": None}, created_at=None, status=None, conversation_id=None, title=None)
    html = trainer_page.sessions_page([odd])
    assert "Klaar: nee; Score: 0,50" in html and "False" not in html and "{" not in html
    assert "Niets" not in html  # an empty value gets no heading


# ---- LOW: plurals, periods, the print version, CSV for Excel in Dutch ------------------------------------------
def test_counts_are_proper_dutch_singular_and_plural():
    one = played(MIXED)
    page = render_group_page([one], "Groep-Noord")
    assert "1 deelnemer, 1 sessie." in page and "(s)" not in page
    assert "Stappen gebruikt in de sessie:" in page
    two = [one, played(MIXED, pk=2, name="Ali")]
    assert "2 deelnemers, 2 sessies." in render_group_page(two, "Groep-Noord")
    assert "1 opgeslagen rollenspel, nieuwste eerst" in trainer_page.sessions_page([one])
    assert "2 opgeslagen rollenspellen, nieuwste eerst" in trainer_page.sessions_page(two)


def test_the_period_is_said_as_chosen_and_a_start_in_the_future_is_named():
    today = date(2026, 12, 6)
    assert period_text(date(2026, 12, 7), None, today) == "vanaf 07-12-2026 (die datum ligt nog in de toekomst)"
    assert period_text(date(2026, 11, 1), None, today) == "vanaf 01-11-2026"
    assert period_text(None, date(2026, 11, 30), today) == "tot en met 30-11-2026"
    assert period_text(date(2026, 11, 1), date(2026, 11, 30), today) == "van 01-11-2026 tot en met 30-11-2026"
    page = render_group_page([played(MIXED)], "Groep-Noord", "2099-01-01")
    assert "vanaf 01-01-2099 (die datum ligt nog in de toekomst)" in page and "vandaag" not in page


def test_the_print_version_has_no_form():
    page = render_group_page([played(MIXED)], "Groep-Noord", printable=True)
    assert "<form" not in page and "<input" not in page and "Joke" in page


def test_csv_exports_open_in_columns_in_dutch_excel_and_use_names():
    record = played(MIXED)
    text = group_csv_text([record], "Groep-Noord")
    assert text.startswith("\ufeffGroep;Deelnemer;Sessie;")  # byte order mark, ';' between fields
    [row] = read_csv(text)
    assert row["scenario"] == record.data["titel"] and row["afloop"] == "gestopt"
    assert row["stappen_gebruikt"] == "Erkennen" and "Visie uitdragen" in row["stappen_overgeslagen"]
    session = {"id": 1, "status": "gestopt", "created_at": record.created_at, **record.data}
    out = io.StringIO()
    write_csv([session], out)
    assert out.getvalue().startswith("\ufeffSessie;Datum;")
    rows = read_csv(out.getvalue())
    assert [r["zet"] for r in rows] == ["Erkennen", "Oordelen of de les lezen (valkuil)", "Redden (valkuil)"]
    # the pitfalls the debrief names: beside a step in turn 1, not the forgiven read of turn 2
    assert [r["valkuil"] for r in rows] == ["De inhoud in (valkuil)", "", "Redden (valkuil)"]
    assert rows[0]["scenario"] == record.data["titel"] and rows[0]["zekerheid"] == "0,90"


def test_sessies_lijst_never_cuts_a_participant_or_group(capsys):
    service = retry_service()
    service.start(SCENARIO, deelnemer="trainer-ellen-van-der-berg", groep="buurtteam-gooi-en-vechtstreek-noord")
    service.start(SCENARIO, deelnemer="Jo")
    assert cli.main(["sessies", "lijst"]) == 0
    out = capsys.readouterr().out
    assert "trainer-ellen-van-der-berg / buurtteam-gooi-en-vechtstreek-noord" in out
    assert "nog bezig" in out
