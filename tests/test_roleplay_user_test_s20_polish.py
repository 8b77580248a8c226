"""A trainer's user test of session 20, after the debrief was made from one list of per-turn reads: the chat page shows
the debrief once, the Dutch reads as Dutch (no English heading, no capitals mid-sentence, no double full stops, no
counts of stored events, no period that was not chosen, place names by their own names), the trainers' views show a
self-correction and a forgiven doubtful turn, the child-in-the-middle warning stands once, and a question after the
end of a role-play is not taken for a request to stop."""
from __future__ import annotations

import asyncio
import io
from contextlib import redirect_stdout
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import catalog, feedback
from bot.roleplay.engine import Engine, Move
from bot.roleplay.report import session_view, transcript_text
from bot.web import messages, trainer_page

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")
WARNING = "Pas op: zo zet je het kind midden tussen de ouders."
FORM_SIGNAL = "het kind vragen bij wie het liever woont"
MIDDLE = "Zeg maar tegen mama dat ze papa moet bellen."


def record_of(scenario, engine, pk=5):
    """A stored session as ``bot.roleplay.session`` keeps it, with the real debrief."""
    debrief = feedback.debrief(scenario, engine.state, ZETTEN)
    data = {"scenario": scenario.id, "titel": scenario.titel, "deelnemer": "Anna", "groep": "najaar",
            "state": engine.state.to_dict(), "debrief": debrief}
    return SimpleNamespace(pk=pk, data=data, status="gestopt", created_at=datetime(2026, 12, 6, 10, 0),
                           conversation_id=None, title=scenario.titel)


def taken_back_child_in_the_middle():
    """Acknowledge, put the child in the middle (one quoted sentence beside an acknowledgement), take it back."""
    moves = {
        "Wat vervelend voor je.": Move(zet="erkennen", zekerheid=0.9),
        f"Dat is lastig. {MIDDLE}": Move(zet="redden", zekerheid=1.0, zetten=["redden", "erkennen"],
                                         signalen=[FORM_SIGNAL], valkuilzin=MIDDLE),
        "Wacht, dat had ik niet moeten vragen. Wat heb jij nodig?": Move(zet="behoefte", zekerheid=0.95,
                                                                         zelfcorrectie=True),
    }
    engine = Engine(CHILD, classify=lambda text: moves[text], seed=0)
    for text in moves:
        engine.step(text)
    engine.stop()
    return engine


def with_a_forgiven_doubt():
    moves = {"Ik snap dat u boos bent.": Move("erkennen", 0.95),
             "Tja, dat had u misschien anders kunnen aanpakken.": Move("oordelen", 0.4)}  # unsure: forgiven
    engine = Engine(FATHER, classify=lambda text, **_: moves[text], seed=3)
    for text in moves:
        engine.step(text)
    engine.stop()
    return engine


# -- 1. the chat page shows the debrief once ------------------------------------------------------------------

def test_the_chat_page_shows_the_debrief_once_as_its_text():
    engine = taken_back_child_in_the_middle()
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    payload = {"soort": "debrief", "sessie": 5, **data}  # what action_rollenspel_afronden sends after the text
    for shown in (messages.from_rest_output([{"text": text}, {"custom": payload}, {"text": "Afgelopen."}]),
                  messages.from_tracker_events([{"event": "bot", "text": text},
                                                {"event": "bot", "text": None, "data": {"custom": payload}},
                                                {"event": "bot", "text": "Afgelopen."}])):
        assert [m["text"] for m in shown] == [text, "Afgelopen."]
        assert all(m["custom"] is None for m in shown)  # no copy with "Niet gebruikte stappen: visie, dynamiek"
    # "tussenstand" after the end: a line before the debrief's text, the same single debrief
    again = "Het rollenspel is afgelopen. Hier is de nabespreking nog een keer.\n\n" + text
    assert len(messages.from_rest_output([{"text": again}, {"custom": payload}])) == 1
    # a debrief that came without its text is still shown: as its text (the next test)
    assert messages.from_rest_output([{"custom": payload}])[0]["custom"]["tekst"] in text


def _words(value):
    """Every word (and hyphenated id) of a JSON value, keys included."""
    import json
    import re

    return set(re.findall(r"[\w-]+", json.dumps(value, ensure_ascii=False)))


def test_a_debrief_without_its_text_reaches_the_page_as_its_dutch_text_never_as_ids():
    # a user test (session 21): a debrief that came without its text ('hoe deed ik het?' for a session whose text was
    # not kept) showed "Aantal per zet: Inhoud: 1; Redden: 1", "Niet gebruikte stappen: visie, dynamiek", "Scenario
    # kind-wil-niet-naar-vader" on the chat page
    engine = taken_back_child_in_the_middle()
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    payload = {"soort": "debrief", "sessie": 5, **data}
    assert {CHILD.id, "kind-in-het-midden", "aantal_per_zet"} <= _words(payload)  # else this proves nothing
    for shown in (messages.from_rest_output([{"text": "Hier is de nabespreking nog een keer."}, {"custom": payload}]),
                  messages.from_tracker_events([{"event": "bot", "text": None, "data": {"custom": payload}}])):
        page = shown[-1]["custom"]
        assert set(page) == {"soort", "titel", "sessie", "tekst"} and page["sessie"] == 5
        assert page["tekst"] == feedback.debrief_text(data, ZETTEN).split("\n", 1)[1]  # the heading is the page's
        assert "Niet gebruikt: Visie uitdragen, Dynamiek onderzoeken" in page["tekst"]
        assert not _words(page) & {CHILD.id, "kind-in-het-midden", "per_beurt", "aantal_per_zet", "zetten_volgorde"}
    # a debrief of which only some parts came along: its title and its Dutch tips, nothing else
    part = {"soort": "debrief", "titel": CHILD.titel, "scenario": CHILD.id, "zetten_volgorde": ["inhoud"],
            "aantal_per_zet": {"inhoud": 1}, "tips": ["Erken eerst wat de ander voelt."]}
    assert messages.from_rest_output([{"custom": part}])[0]["custom"] == {
        "soort": "debrief", "titel": CHILD.titel, "tips": ["Erken eerst wat de ander voelt."]}


# -- 2. Dutch text ----------------------------------------------------------------------------------------------

def test_the_trainer_page_says_nabespreking_names_in_lower_case_and_one_full_stop():
    record = record_of(CHILD, taken_back_child_in_the_middle())
    html = trainer_page.sessions_page([record])
    assert "<h3>Nabespreking</h3>" in html and "Debrief" not in html
    # the sentence that carried it, quoted as in the trainee's debrief (user test s24)
    assert f"” was het kind in het midden zetten (valkuil: een vorm van redden): “{MIDDLE}”" in html
    assert "was Het kind" not in html
    assert "Beter: behoefte en verlangen, bijvoorbeeld “" in html  # erkend in that turn: the wish next
    assert ".”." not in html and "?”." not in html and "..”" not in html


def test_the_debrief_ends_a_quoted_sentence_with_one_full_stop():
    data = feedback.debrief(CHILD, taken_back_child_in_the_middle().state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    assert f'was het kind in het midden zetten (valkuil: een vorm van redden): "{MIDDLE}" {WARNING}' in text
    assert '."."' not in text and '.".' not in text


def test_a_wiped_session_says_what_was_emptied_without_a_count_of_events():
    from bot.privacy.forget import ForgottenSession, session_report

    result = ForgottenSession(number=4, sessions=[4], emptied=30, in_chat=True)
    text = session_report(result)
    assert "zijn de beurten en antwoorden van dit rollenspel leeggemaakt." in text
    assert "gebeurtenis" not in text and "30" not in text


def test_no_sessions_without_a_chosen_period_names_no_period():
    from bot.roleplay.group import none_found, render_group_page

    assert none_found("najaar", None, None) == "Geen sessies gevonden voor groep 'najaar'."
    assert none_found("najaar", datetime(2026, 11, 1).date(), datetime(2026, 11, 30).date()) == (
        "Geen sessies gevonden voor groep 'najaar' van 01-11-2026 tot en met 30-11-2026.")
    page = render_group_page([], "najaar")
    assert "Geen sessies gevonden voor groep &#39;najaar&#39;." in page and "in deze periode" not in page


def test_the_command_line_says_no_sessions_without_a_period(monkeypatch, tmp_path):
    from bot import cli

    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path))
    out = io.StringIO()
    with redirect_stdout(out):
        cli.main(["groep", "najaar"])
    assert "Geen sessies gevonden voor groep 'najaar'." in out.getvalue()
    assert "in deze periode" not in out.getvalue()


@pytest.mark.parametrize("text, name", [
    ("zoon 14 spijbelt in weesp", "Weesp"), ("kind 8 in den haag wordt gepest", "Den Haag"),
    ("moeder uit zwolle, dochter 13 is somber", "Zwolle"),
])
def test_a_place_outside_the_kaart_is_named_by_its_own_name(text, name):
    from bot.kaart.checks import check_plaats
    from bot.kaart.query import parse_vraag

    refusal = check_plaats(None, parse_vraag(text))[2]
    assert refusal is not None and refusal.melding.startswith(f"'{name}' valt niet binnen de sociale kaart")


def test_the_place_in_the_kaart_a_follow_up_can_search_is_named_by_its_own_name():
    from bot.kaart.checks import check_plaats
    from bot.kaart.query import parse_vraag

    refusal = check_plaats(None, parse_vraag("zij woont in almere maar haar zoon zit op school in hilversum"))[2]
    assert refusal.melding.startswith("'Almere' valt niet binnen")
    assert "Je noemde ook Hilversum, maar het gezin woont in Almere" in refusal.melding
    assert "typ dan 'en in Hilversum?'" in refusal.melding


# -- 3. the trainers' views show a self-correction and a forgiven doubt -------------------------------------------

def test_the_trainer_views_show_that_the_participant_took_the_turn_back():
    record = record_of(CHILD, taken_back_child_in_the_middle())
    html = trainer_page.sessions_page([record])
    assert "De deelnemer nam het in de beurt erna zelf terug." in html
    assert "(nam de misstap van de beurt ervoor zelf terug)" in html  # at turn 3 of the transcript
    session = {"id": 5, "status": "gestopt", "created_at": record.created_at, **record.data}
    shown = transcript_text(session, ZETTEN)
    assert "(nam de misstap van de beurt ervoor zelf terug) | spanning" in shown


def test_an_older_debrief_without_the_flag_still_shows_the_self_correction_from_the_turns():
    record = record_of(CHILD, taken_back_child_in_the_middle())
    for item in record.data["debrief"]["valkuilen"]:
        item.pop("zelf_teruggenomen")
    rows = session_view(record).debrief_rows
    pitfalls = next(row.value for row in rows if row.kind == "pitfalls")
    assert pitfalls[0].zelf_teruggenomen and "zelf terug" in pitfalls[0].line


def test_the_trainer_views_mark_a_forgiven_doubtful_turn():
    record = record_of(FATHER, with_a_forgiven_doubt())
    assert record.data["state"]["turns"][1]["onzeker"]
    html = trainer_page.sessions_page([record])
    assert "(twijfel, niet meegeteld)" in html.split("class=\"transcript\"")[1]  # in the transcript, at its move
    session = {"id": 5, "status": "gestopt", "created_at": record.created_at, **record.data}
    assert f"zet: {ZETTEN['oordelen'].naam} (twijfel, niet meegeteld) | spanning" in transcript_text(session, ZETTEN)


# -- 4. the child-in-the-middle warning stands once ---------------------------------------------------------------

def test_the_child_in_the_middle_warning_stands_once_in_the_debrief():
    data = feedback.debrief(CHILD, taken_back_child_in_the_middle().state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    assert text.count(WARNING) == 1 and not any(WARNING in tip for tip in data["tips"])
    assert "Je nam het in de beurt erna zelf terug" in text


# -- 5. a question after the end of a role-play is no request to stop ----------------------------------------------

@pytest.mark.parametrize("text", ["en wat nog meer?", "wat nu?", "hoe nu verder?", "En verder?"])
def test_a_question_without_a_word_of_stopping_is_no_stop_request(text):
    from bot.commands import is_stop_request

    assert not is_stop_request(text)


@pytest.mark.parametrize("text", ["kunnen we stoppen?", "mag ik iets anders?", "laat maar", "niet meer", "genoeg zo",
                                  "ik wil niet verder", "terug naar het menu", "kun je ophouden?"])
def test_a_question_with_a_word_of_stopping_still_stops(text):
    from bot.commands import is_stop_request

    assert is_stop_request(text)


def test_after_the_end_a_question_the_model_read_as_stop_gets_the_after_the_end_guidance():
    from rasa.shared.nlu.training_data.message import Message

    from actions.fallback import ActionOnzekerBericht
    from actions.roleplay import TEXTS
    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "stop", "confidence": 0.8}, {"name": "menu", "confidence": 0.1}]
    message = Message(data={"text": "en wat nog meer?", "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent")["name"] == "menu" and message.get("intent")["confidence"] < 0.4  # the fallback's
    ended = [{"event": "user", "text": "Wat zou u zelf kunnen doen?"}, {"event": "action", "name": "rollenspel_form"},
             {"event": "action", "name": "action_rollenspel_afronden"}, {"event": "action", "name": "utter_menu"},
             {"event": "user", "text": "en wat nog meer?"}]
    tracker = Tracker.from_dict({"sender_id": "t", "slots": {}, "events": ended, "latest_message": {
        "text": "en wat nog meer?", "intent": {"name": "nlu_fallback"}, "entities": []}})
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionOnzekerBericht().run(dispatcher, tracker, {}))
    texts = [m["text"] for m in dispatcher.messages]
    assert texts == [TEXTS.text("afgelopen")] and not any("gestopt" in t for t in texts)
