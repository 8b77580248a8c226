"""The trainers' page HTML: rendered from the shapes bot.roleplay.report knows, older record shapes
still readable, and nothing a participant typed ever reaches the page as HTML."""
from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from types import SimpleNamespace

from bot.roleplay import catalog, feedback
from bot.roleplay.engine import Engine
from bot.roleplay.group import render_group_page
from bot.roleplay.report import session_view
from bot.web import trainer_page
from bot.wording import in_sentence

INJECTION = "<script>alert(1)</script>"
SCENARIO = "vader-kinderen-thuisgehouden"


class Tags(HTMLParser):
    """Every start tag and attribute the browser would build from the page."""

    def __init__(self, html: str):
        super().__init__()
        self.tags, self.handlers = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def _assert_inert(html: str) -> None:
    parsed = Tags(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags and parsed.handlers == []
    assert INJECTION not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def engine_record(pk=1, text=f"Dat is onzin {INJECTION}", group="Najaar-2026"):
    """A record as bot.roleplay.session stores it, with turns from the real engine and the real debrief."""
    scenario = catalog.get_scenario(SCENARIO)
    engine = Engine(scenario, classify=lambda said: "inhoud" if said == text else "erkennen", seed=1)
    engine.step("Ik hoor dat u boos bent.")
    engine.step(text)
    debrief = feedback.debrief(scenario, engine.state, catalog.moves())
    debrief["tips"].append(f"Tip met {INJECTION}")
    data = {"scenario": scenario.id, "titel": scenario.titel, "deelnemer": f"Anna {INJECTION}", "groep": group,
            "state": engine.state.to_dict(), "debrief": debrief}
    return SimpleNamespace(pk=pk, data=data, status="slecht", created_at=datetime(2026, 12, 3, 9, 30),
                           conversation_id="gesprek-123", title=scenario.titel)


def test_an_engine_session_shows_its_turns_debrief_and_pitfall_quote_as_text():
    record = engine_record()
    html = trainer_page.sessions_page([record])
    _assert_inert(html)
    assert re.search(r"Rollenspel 1 van Anna [^<]*: " + re.escape(record.title), html)  # with whose session it is
    assert "Transcript (2 beurten)" in html
    assert "Professional:</span> Dat is onzin &lt;script&gt;" in html
    pitfall = record.data["debrief"]["valkuilen"][0]
    assert f"Beurt 2: “Dat is onzin &lt;script&gt;alert(1)&lt;/script&gt;” was {in_sentence(pitfall['naam'])}." in html
    assert f" Beter: {in_sentence(pitfall['beter_naam'])}" in html  # names inside a sentence in lower case
    assert "Tip met &lt;script&gt;" in html and "Anna &lt;script&gt;" in html
    assert "gesprek-123" not in html  # only a short hash of the conversation


def test_the_count_per_move_names_the_moves_as_the_rest_of_the_debrief_does():
    # a review (session 21): 'Aantal per zet' listed "Inhoud 1, Erkennen 1" (the stored ids) under 'Alle beurten' with
    # "De inhoud in (valkuil)"
    record = engine_record()
    assert record.data["debrief"]["aantal_per_zet"] == {"erkennen": 1, "inhoud": 1}
    row = {r.key: r for r in session_view(record).debrief_rows}["aantal_per_zet"]
    names = feedback.move_names()
    assert row.value == {names["erkennen"]: 1, names["inhoud"]: 1} == {"Erkennen": 1, "De inhoud in (valkuil)": 1}
    html = trainer_page.sessions_page([record])
    counts = html.split("<dt>Aantal per zet</dt>", 1)[1].split("</dl>", 1)[0]
    assert "<dt>De inhoud in (valkuil)</dt><dd><p>1</p>" in counts and "<dt>Inhoud</dt>" not in counts
    # a pitfall form (a child put in the middle) by the form's own name, as in 'Alle beurten'
    from bot.roleplay.report import debrief_rows

    shown = {r.key: r.value for r in debrief_rows({"aantal_per_zet": {"kind-in-het-midden": 1}})}["aantal_per_zet"]
    assert shown == {names["kind-in-het-midden"]: 1}


def test_the_page_shows_dutch_time_in_winter_and_summer():
    winter, summer = engine_record(pk=1), engine_record(pk=2)
    winter.created_at = datetime(2026, 1, 15, 12, 0)  # stored in UTC
    summer.created_at = datetime(2026, 7, 15, 12, 0)
    html = trainer_page.sessions_page([winter, summer])
    assert "<dt>Datum</dt><dd>15-01-2026 13:00</dd>" in html  # CET, UTC+1
    assert "<dt>Datum</dt><dd>15-07-2026 14:00</dd>" in html  # CEST, UTC+2
    assert "12:00" not in html and "UTC" not in html


def test_the_view_reads_the_fields_the_session_stores():
    view = session_view(engine_record())
    assert view.turn_count == 2 and [t.kind for t in view.turns] == ["engine", "engine"]
    assert view.turns[1].zet == "inhoud" and view.turns[1].spanning is not None
    assert [row.key for row in view.debrief_rows][:2] == ["einde", "beurten"]
    pitfalls = next(row for row in view.debrief_rows if row.key == "valkuilen").value
    assert pitfalls[0].known and pitfalls[0].beurt == 2
    assert view.rest == {}  # scenario, state and debrief are all shown, nothing left raw


def test_older_records_without_newer_fields_still_render():
    old = SimpleNamespace(pk=7, data={
        "scenario_naam": f"Oud scenario {INJECTION}",
        "beurten": [{"tekst": f"Alleen tekst {INJECTION}", "spanning_na": 4},  # no answer, role, move
                    {"spreker": "vader", "tekst": INJECTION, "spanning": 7}, f"los {INJECTION}", None],
        "feedback": {"valkuilen": [{"tekst": f"citaat {INJECTION}"}, {"zonder": "tekst"}],
                     "samenvatting": f"Samen {INJECTION}"},
        "onbekend": {"diep": [INJECTION]}})  # no created_at, status, conversation_id or title at all
    html = trainer_page.sessions_page([old])
    _assert_inert(html)
    assert "Rollenspel 7: Oud scenario &lt;script&gt;" in html
    assert "Professional:</span> Alleen tekst &lt;script&gt;" in html and "spanning ? → 4" in html
    assert '<span class="spreker">vader:</span> &lt;script&gt;' in html
    assert "Beurt ?: “citaat &lt;script&gt;" in html
    assert "Overige gegevens" in html and "Onbekend" in html


def test_messages_and_the_login_page_escape_what_they_show():
    for html in (trainer_page.login_page(INJECTION), trainer_page.message_page("Fout", INJECTION)):
        _assert_inert(html)
        assert 'role="alert">&lt;script&gt;' in html
    assert '<input id="token"' in trainer_page.login_page(None)
    assert 'role="alert"' not in trainer_page.login_page(None)


def test_group_view_shows_the_same_escaped_session():
    record = engine_record(group="Groep-X")
    session = {"id": record.pk, "status": record.status, "created_at": record.created_at, **record.data}
    html = render_group_page([session], "Groep-X")
    _assert_inert(html)
    assert "Professional:</span> Dat is onzin &lt;script&gt;" in html
    assert trainer_page.environment() is trainer_page.environment()  # one environment, made once


def test_the_debrief_on_the_page_has_no_empty_headings_and_reads_unsure_turns_in_words():
    # found by the second user test: "Te veel beurten met een valkuil voor een goed einde (leeg)", "Pogingen (leeg)",
    # "Zekerheid 0.45"
    from bot.roleplay.report import debrief_rows

    rows = {row.key: row for row in debrief_rows({
        "einde": None, "patroon": None, "pogingen": [], "tips": [], "valkuilen": [],
        "twijfel": [{"beurt": 2, "tekst": "Je moet wel moe zijn", "zet": "oordelen", "naam": "Oordelen",
                     "zekerheid": 0.45, "vergeven": True}]})}
    assert "patroon" not in rows and "pogingen" not in rows
    assert rows["einde"].value == "nog niet afgelopen" and rows["tips"].value == ["Geen verbeterpunten in dit gesprek."]
    assert rows["twijfel"].value == ['Beurt 2: "Je moet wel moe zijn" gelezen als oordelen, 45% zeker '
                                     "(vergeven: de spanning bleef gelijk)"]


def test_earlier_attempts_on_the_page_read_as_turns_not_raw_data():
    # found by the third user test: "{'nr': 1, 'tekst': ..., 'herhaling': False, ...}" under 'Eerdere pogingen'
    from bot.roleplay.report import debrief_rows

    turn = {"nr": 2, "tekst": "Dat had u niet moeten doen.", "zet": "oordelen", "spanning_voor": 6, "spanning_na": 8,
            "herhaling": False}
    rows = {row.key: row for row in debrief_rows({"pogingen": [
        {"vanaf_beurt": 2, "eerst": [turn], "einde_eerst": None,
         "daarna": [{**turn, "tekst": "Wat naar voor u.", "zet": "erkennen", "spanning_na": 5}]}]})}
    judging, acknowledging = feedback.move_names()["oordelen"], feedback.move_names()["erkennen"]
    assert rows["pogingen"].value == [  # the moves by their names, as the rest of the page (a user test saw the ids)
        f'Eerst, vanaf beurt 2: beurt 2 "Dat had u niet moeten doen." ({judging}, spanning 6 → 8)',
        f'Daarna: beurt 2 "Wat naar voor u." ({acknowledging}, spanning 6 → 5)']


def test_earlier_attempts_of_a_running_session_name_the_moves_not_their_ids():
    # a user test: "Eerdere pogingen" read "(inhoud, spanning 6 → 8)" and "(redden, ...)" beside Dutch names elsewhere
    record = engine_record(text="Dat is onzin.")
    turns = record.data["state"]["turns"]
    record.data.pop("debrief")  # still running: the attempts come from the record, not from the debrief
    record.data["pogingen"] = [{"vanaf_beurt": 2, "einde": None,
                                "beurten": [{**turns[1], "tekst": "Ik regel het wel voor u.", "zet": "redden"}]}]
    view = session_view(record)
    names = feedback.move_names()
    assert view.attempts[0].endswith(f'"Ik regel het wel voor u." ({names["redden"]}, spanning '
                                     f'{turns[1]["spanning_voor"]} → {turns[1]["spanning_na"]})')
    assert f'"Dat is onzin." ({names["inhoud"]}, spanning' in view.attempts[1]
    html = trainer_page.sessions_page([record])
    assert "Eerdere pogingen (opnieuw vanaf een beurt)" in html
    assert "(redden," not in html and "(inhoud," not in html


def test_the_transcript_names_the_role_of_the_other_party_in_dutch():
    # a user test: "Gesprekspartner (aanklager)" in the transcript, where the rest of Rustpunt says "Aanklager"
    from bot.knowledge.loader import get_knowledge

    record = engine_record()
    roles = {turn["rol"] for turn in record.data["state"]["turns"]}
    assert roles
    html = trainer_page.sessions_page([record])
    for role in roles:
        name = get_knowledge().get("rol", role).naam
        assert name != role and f"Gesprekspartner ({name}):" in html
        assert f"Gesprekspartner ({role})" not in html


def test_long_texts_on_the_page_are_cut_at_a_word_boundary():
    # a user test: a long text on the trainers' page ended mid-word
    text = "de vader zegt dat hij het niet meer trekt " * 200
    cut = trainer_page.clip(text)
    assert len(cut) <= trainer_page.MAX_TEXT and cut.endswith("…")
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "  # the last word kept whole
    assert trainer_page.clip("kort verhaal") == "kort verhaal"


def test_the_ending_in_the_debrief_block_reads_as_the_status_column():
    # the regression test of the nineteenth session: "Status misgelopen" beside "Afloop slecht"
    from bot.roleplay.report import debrief_rows

    assert {r.key: r.value for r in debrief_rows({"einde": "slecht"})}["einde"] == "misgelopen"
    assert {r.key: r.value for r in debrief_rows({"einde": "goed"})}["einde"] == "goed afgelopen"
