"""Forgetting on request, as a privacy officer reproduced it in session 24: a mother asked to forget everything about
her family, and the worker had used Rustpunt the day before (an intake with a call-back, a plan, a role-play, "welke
rol is dit?", kaart questions). Through the real paths: the command line (``main([...])``), the web app, the actions,
and Rasa's own SQL store; afterwards the data folder is searched for what was typed."""
from __future__ import annotations

import json
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from actions.roleplay import TEXTS as ROLEPLAY_TEXTS
from actions.roleplay import ValidateRollenspelForm
from bot import commands
from bot.cli import main
from bot.local_time import dutch_day
from bot.privacy import tracker_db
from bot.privacy.forget import EMPTIED_NOTE, EXPORT_NOTE, HOW_TO_FORGET, forget_session, how_to_forget
from bot.privacy.masking import mask_text
from bot.privacy.tracker_store import MaskingSQLTrackerStore
from bot.records import add_record, list_records
from bot.web import messages
from bot.web.config import WebConfig
from bot.web.server import FORGOTTEN, NOTHING_STORED, make_server
from tests.fake_rasa import serve, stop
from tests.test_web_server import SECRET, SENDER, request

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [start_vraagverheldering, inform, kaart_zoek, rol_analyse, nlu_fallback, start_rollenspel]
slots:
  rollenspel_sessie: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  rollenspel_beurt: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  onzeker_beantwoord: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
""")
DAY = 24 * 3600
FAMILY = "gesprek-van-gisteren"  # the worker's conversation of yesterday, with the family


def dutch_today() -> date:
    """Today as the command line counts days (Amsterdam): between 23:00 and 24:00 UTC it is already tomorrow."""
    today = dutch_day(datetime.now(timezone.utc))
    assert today is not None
    return today
LEFTOVER = "gesprek-met-restje"  # another one, whose plan kept the family name (it slipped masking)
OTHER = "gesprek-vorige-week"  # a kaart question last week: nothing about the family


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


def user(text, intent="inform", at=None):
    return UserUttered(text, intent={"name": intent, "confidence": 1.0},
                       parse_data={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
                       timestamp=at)


def family_events(at):
    """Yesterday's conversation: an intake with a call-back, a role-play, 'welke rol is dit?', a kaart question."""
    return [
        ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at),
        user("er belt moeder Sandra Brinkhorst over dochter Lotte (12), ze wonen in Huizen", "start_vraagverheldering",
             at), ActionExecuted("action_intake_start", timestamp=at), BotUttered("Wat is de vraag?", timestamp=at),
        BotUttered(data={"custom": {"soort": "intake_samenvatting"}}, timestamp=at),
        ActionExecuted("action_terugbelverzoek_opslaan", timestamp=at),
        user("ik wil oefenen", "start_rollenspel", at + 60), ActionExecuted("rollenspel_form", timestamp=at + 60),
        SlotSet("rollenspel_sessie", "1", timestamp=at + 60), BotUttered("Moeder: ik ben het zat.", timestamp=at + 60),
        SlotSet("rollenspel_sessie", None, timestamp=at + 90),
        user("welke rol is dit? Lotte wil niet meer naar haar vader", "nlu_fallback", at + 120),
        ActionExecuted("action_onzeker_bericht", timestamp=at + 120),
        BotUttered(data={"custom": {"soort": "rol_analyse", "zin": "..."}}, timestamp=at + 120),
        user("waar kan Lotte terecht in Huizen?", "kaart_zoek", at + 180),
        ActionExecuted("action_kaart_zoek", timestamp=at + 180),
        BotUttered(data={"custom": {"soort": "kaart_resultaten"}}, timestamp=at + 180),
    ]


def played(conversation_id, line, deelnemer="W", groep=None):
    """A role-play session as the chat plays it: started in this conversation, one turn typed."""
    from bot.roleplay.session import PracticeService

    service = PracticeService()
    number, _ = service.begin("vader-kinderen-thuisgehouden", deelnemer=deelnemer, groep=groep,
                              conversation_id=conversation_id)
    service.play(number, line)
    return int(number)


async def stored_day(tmp_path):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    yesterday = time.time() - DAY
    await store.save(DialogueStateTracker.from_events(FAMILY, family_events(yesterday), slots=DOMAIN.slots))
    week = time.time() - 7 * DAY
    await store.save(DialogueStateTracker.from_events(OTHER, [
        user("welke hulp is er voor schoolverzuim in Weesp?", "kaart_zoek", week),
        ActionExecuted("action_kaart_zoek", timestamp=week),
        BotUttered(data={"custom": {"soort": "kaart_resultaten"}}, timestamp=week)], slots=DOMAIN.slots))
    numbers = {
        "samenvatting": add_record("intake_samenvatting", {"kern": "moeite met [NAAM] en school"}, FAMILY),
        "terugbel": add_record("terugbelverzoek", {"wie": "moeder", "samenvatting_id": 1}, FAMILY),
        "sessie": played(FAMILY, "Ik hoor dat Lotte het zwaar heeft bij de overdracht."),
        "plan": add_record("gespreksplan", {"situatie": "familie brinkhorst, ruzie bij de overdracht"}, LEFTOVER),
    }
    return store, numbers


def found(folder: Path, words) -> list:
    return [(path.name, word) for path in folder.rglob("*") if path.is_file() for word in words
            if word.lower().encode() in path.read_bytes().lower()]


# -- 1. one documented way to find everything about one family, and forget it --------------------------------------
async def test_a_beheerder_finds_the_family_by_date_and_by_name_and_forgets_it(tmp_path, tracker_url, capsys):
    _, numbers = await stored_day(tmp_path)
    assert found(tmp_path, ["Brinkhorst"])  # the leftover in the plan really is stored

    assert main(["gesprekken"]) == 0
    out = capsys.readouterr().out
    assert "3 gesprekken" in out and f"vergeten: rustpunt vergeet {FAMILY}" in out
    family = out.split(f"\n{FAMILY}  ")[1].split("\n\n")[0]
    first_line = family.splitlines()[0]
    assert "intake, rollenspel, kaart, rolanalyse" in first_line  # what the worker did, in a fixed order
    assert (dutch_today() - timedelta(days=1)).strftime("%Y-%m-%d") in first_line  # first message: yesterday
    assert 'begin: "er belt moeder [NAAM] over dochter [NAAM] (12)' in family  # masked, short
    assert "Sandra" not in out and "Lotte" not in out and "Brinkhorst" not in out
    assert f"bewaard: samenvatting {numbers['samenvatting']}, terugbelverzoek {numbers['terugbel']}, sessie " \
           f"{numbers['sessie']}" in family

    since = (dutch_today() - timedelta(days=2)).strftime("%d-%m-%Y")
    assert main(["gesprekken", "--van", since]) == 0
    assert OTHER not in capsys.readouterr().out
    assert main(["gesprekken", "--tot", (dutch_today() - timedelta(days=5)).isoformat()]) == 0
    out = capsys.readouterr().out
    assert OTHER in out and FAMILY not in out and "1 gesprek " in out
    assert main(["gesprekken", "--van", "gisteren"]) == 2 and "niet geldig" in capsys.readouterr().out

    # the name: masked in yesterday's chat (found by its keyed hash) and a leftover in another conversation's plan
    assert main(["gesprekken", "--zoek", "BRINKHORST"]) == 0
    out = capsys.readouterr().out
    assert "2 gesprekken met 'BRINKHORST'" in out and OTHER not in out
    assert "'BRINKHORST' gevonden in: afgeschermde naam" in out.split(FAMILY)[1]
    assert f"'BRINKHORST' gevonden in: plan {numbers['plan']}" in out.split(LEFTOVER)[1]
    assert "telefoonnummers" in out  # what cannot be found
    assert main(["gesprekken", "--zoek", "Jansen"]) == 1
    assert "geen gesprekken met 'Jansen'" in capsys.readouterr().out

    # an export first (item 2: the note), then the procedure: forget each conversation found, delete the copy
    export = tmp_path / "export.csv"
    assert main(["sessies", "csv", "--uit", str(export)]) == 0
    assert EXPORT_NOTE in capsys.readouterr().out and found(tmp_path, ["overdracht"])
    for conversation_id in (FAMILY, LEFTOVER):
        assert main(["vergeet", conversation_id]) == 0
    capsys.readouterr()
    export.unlink()
    assert found(tmp_path, ["Brinkhorst", "Lotte", "Sandra", "overdracht"]) == []
    assert main(["gesprekken", "--zoek", "brinkhorst"]) == 1
    assert main(["gesprekken"]) == 0 and FAMILY not in capsys.readouterr().out
    assert tracker_db.count_events(OTHER) > 0  # last week's kaart question stays


async def test_a_conversation_left_with_nieuw_gesprek_is_still_listed_by_what_it_saved(tmp_path, tracker_url, capsys):
    number = add_record("gespreksplan", {"situatie": "vader en de school"}, "alleen-nog-records")
    assert main(["gesprekken"]) == 0
    out = capsys.readouterr().out
    assert "alleen-nog-records" in out and "(chatverloop al gewist)" in out and f"bewaard: plan {number}" in out
    terminal = add_record("rollenspel", {"state": {"turns": [{"nr": 1, "tekst": "familie brinkhorst"}]}})
    assert main(["gesprekken", "--zoek", "brinkhorst"]) == 0
    assert f"vergeten: rustpunt vergeet --sessie {terminal}" in capsys.readouterr().out


# -- 2. an export is a copy --------------------------------------------------------------------------------------
def test_every_export_says_that_forgetting_does_not_reach_it(tmp_path, capsys):
    played(None, "Ik hoor dat het zwaar is.", groep="noord")
    assert main(["rapport", "W", "--uit", str(tmp_path / "r.html")]) == 0
    assert EXPORT_NOTE in capsys.readouterr().out
    assert main(["groep", "noord", "--csv", str(tmp_path / "g.csv")]) == 0
    assert EXPORT_NOTE in capsys.readouterr().out
    assert "kopie" in EXPORT_NOTE and "rustpunt vergeet" in EXPORT_NOTE


# -- 3. a natural request in the chat gets the how-to, for this and for earlier conversations ------------------------
MOTHER = ("hoi, ik heb gisteren hier dingen ingetypt over de familie Brinkhorst (dochter Lotte), moeder wil dat alles "
          "over haar gezin vergeten wordt. kun je alles over Lotte verwijderen uit je systeem?")


async def fallback_answer(text):
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "t", "slots": {}, "events": [],
                                 "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})
    await ActionOnzekerBericht().run(dispatcher, tracker, {})
    return [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize("text", [
    MOTHER, "vergeet alles over mevrouw Brinkhorst", "moeder wil dat alles over haar gezin vergeten wordt",
    "ik heb gisteren iets over een gezin ingetypt, kun je dat verwijderen?",
    "ze wil dat haar gegevens verwijderd worden",
])
async def test_a_request_to_forget_a_family_gets_how_to_wipe_this_and_earlier_conversations(text):
    assert commands.is_forget_request(text)
    assert await fallback_answer(text) == [HOW_TO_FORGET]
    assert "'Wis dit gesprek'" in HOW_TO_FORGET and "rustpunt gesprekken" in HOW_TO_FORGET
    assert "eerder gesprek" in HOW_TO_FORGET and "beheerder" in HOW_TO_FORGET


@pytest.mark.parametrize("text", [
    "vader wil dat de ruzie vergeten wordt", "ze wil dat alles weer wordt zoals vroeger",
    "ik heb gisteren een lang gesprek gehad met de moeder en ik typte alles op wat ze zei over de ruzie met haar ex, "
    "over school en over de kinderen. ze is heel boos op hem",
])
def test_a_story_or_a_wish_about_the_past_is_no_request_to_forget(text):
    assert not commands.is_forget_request(text)


async def test_the_request_itself_is_stored_masked_like_any_message(tmp_path, tracker_url):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    await store.save(DialogueStateTracker.from_events("verzoek", [user(MOTHER, "nlu_fallback")], slots=DOMAIN.slots))
    stored = [json.loads(data) for _, data in tracker_db.conversation_events("verzoek")]
    assert [e["text"] for e in stored if e.get("event") == "user"] == [mask_text(MOTHER)]
    assert found(tmp_path, ["Lotte"]) == []


# -- 4. a wipe request with a number gets the how-to, never another flow ---------------------------------------------
# Plans and sessions are numbered within each conversation since session 28: the number typed is the professional's
# own, so the answer never hands it to a command that takes the internal number ('--sessie 8' would wipe another's).
NUMBERED = [("kun je rollenspel 8 wissen?", "'Wis deze sessie'"),
            ("wis sessie 8", "'rustpunt vergeet --sessie' en dat"),
            ("verwijder samenvatting 2", "rustpunt vergeet --samenvatting 2"), ("wis plan 6", "rustpunt plan lijst"),
            ("wil je gespreksplan nr 6 verwijderen", "jouw nummer 6")]
OWN_NUMBER_COMMANDS = ("--sessie 8", "--plan 6")


@pytest.mark.parametrize("text, command", NUMBERED)
async def test_a_wipe_request_with_a_number_gets_who_wipes_it_and_how(text, command):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    for intent in ("start_rollenspel", "menu", "start_voorbereiden"):  # what the model read in the user test
        message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9},
                                "intent_ranking": [{"name": intent, "confidence": 0.9}]})
        CommandIntentGuard().process([message])
        assert message.get("intent")["name"] == "nlu_fallback"
    answer = await fallback_answer(text)
    assert len(answer) == 1 and command in answer[0] and answer[0].endswith(HOW_TO_FORGET)
    assert not any(own in answer[0] for own in OWN_NUMBER_COMMANDS)
    assert how_to_forget(text) == answer[0]


@pytest.mark.parametrize("text, command", NUMBERED[:2])
async def test_a_wipe_request_with_a_number_while_the_scenarios_are_shown_keeps_the_list(text, command):
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "t", "slots": {"requested_slot": "rollenspel_scenario"}, "events": [],
                                 "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}}})
    slots = ValidateRollenspelForm().validate_rollenspel_scenario(text, dispatcher, tracker, {})
    assert slots == {"rollenspel_scenario": None} and command in dispatcher.messages[0]["text"]
    assert not list_records("rollenspel")  # no role-play started


@pytest.mark.parametrize("text, command", NUMBERED)
def test_a_wipe_request_with_a_number_is_no_turn_and_no_note(text, command):
    from bot.roleplay.session import FORGET, command_of

    assert command_of(text) == FORGET


# -- 5. 'Wis dit gesprek' says when nothing was stored --------------------------------------------------------------
async def test_wis_dit_gesprek_says_when_there_was_nothing_to_wipe(tmp_path, tracker_url, fake_rasa):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    await store.save(DialogueStateTracker.from_events(SENDER, [user("hallo, ik wil iets over Huizen weten")],
                                                      slots=DOMAIN.slots))
    web = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{fake_rasa.server_address[1]}")))
    try:
        status, headers, body = request(web, "POST", "/api/gesprek/wissen", {})
        answer = json.loads(body)
        assert status == 200 and answer["gewist"] is True and answer["melding"] == FORGOTTEN
        assert tracker_db.count_events(SENDER) == 0
        for cookie in (SECRET, "", "verzonnen-cookie", "A" * 43):  # again; none; a malformed one; a made-up one
            status, _, body = request(web, "POST", "/api/gesprek/wissen", {}, cookie=cookie)
            answer = json.loads(body)
            assert status == 200 and answer == {"gewist": False, "verwijderd": {}, "melding": NOTHING_STORED}
        assert NOTHING_STORED.startswith("Er was van dit gesprek niets bewaard.")
        _, _, script = request(web, "GET", "/static/app.js")
        assert 'forget(null); }  // the server' in script  # the page shows the server's notice
    finally:
        stop(web)


# -- 6. wiping a role-play also wipes the lines typed after its end, still meant for the persona --------------------
def roleplay_events(number):
    ended = ROLEPLAY_TEXTS.text("afgelopen")
    return [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        user("ik wil oefenen", "start_rollenspel"), ActionExecuted("rollenspel_form"),
        SlotSet("rollenspel_sessie", str(number)),
        BotUttered("Moeder: ik ben het zat."), ActionExecuted("action_listen"),
        user("Ik hoor hoe zwaar het is voor u en Lotte."), SlotSet("rollenspel_beurt", "x"),
        ActionExecuted("rollenspel_form"), BotUttered("Moeder: ja. Dag."),
        BotUttered(data={"custom": {"soort": "rollenspel_beurt", "sessie": number}}),
        ActionExecuted("action_rollenspel_afronden"), BotUttered("Nabespreking: ..."),
        BotUttered(data={"custom": {"soort": "debrief", "sessie": number}}), SlotSet("rollenspel_sessie", None),
        ActionExecuted("action_listen"),
        # right after the end, still to the mother (who hung up): answered with 'afgelopen'
        user("u moet toch ook aan uw dochter denken bij de Zilverschoonveld", "nlu_fallback"),
        ActionExecuted("action_onzeker_bericht"), BotUttered(ended), SlotSet("onzeker_beantwoord", True),
        ActionExecuted("action_listen"),
        user("mevrouw, het huis bij het Zwanebloemveld is toch ook uw thuis?", "nlu_fallback"),
        ActionExecuted("action_onzeker_bericht"), BotUttered(ended), SlotSet("onzeker_beantwoord", True),
        ActionExecuted("action_listen"),
        user("hoe deed ik het bij de Waterlelieveld?", "rollenspel_nabespreking"),
        ActionExecuted("action_rollenspel_nabespreking"), BotUttered("Nog een keer: ..."),
        BotUttered(data={"custom": {"soort": "debrief", "sessie": number}}), ActionExecuted("action_listen"),
        # then something else: stays, and so does a later line that got 'afgelopen' (no longer right after the end)
        user("waar kan een gezin bij het Pinksterbloemveld terecht?", "kaart_zoek"),
        ActionExecuted("action_kaart_zoek"), BotUttered("In Huizen kan ..."), ActionExecuted("action_listen"),
    ]


async def test_wiping_a_role_play_also_wipes_the_lines_typed_after_its_end(tmp_path, tracker_url, fake_rasa):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    number = add_record("rollenspel", {"deelnemer": "W", "state": {"turns": [{"nr": 1, "tekst": "x"}]}}, SENDER)
    await store.save(DialogueStateTracker.from_events(SENDER, roleplay_events(number), slots=DOMAIN.slots))
    before = tracker_db.count_events(SENDER)
    gone = ("Zilverschoonveld", "Zwanebloemveld", "Waterlelieveld")
    assert len(found(tmp_path, gone)) >= len(gone)

    result = forget_session(number)
    assert result.found and result.emptied
    assert found(tmp_path, gone) == [] and found(tmp_path, ["Pinksterbloemveld"])
    back = await store.retrieve_full_tracker(SENDER)
    fake_rasa.events = [event.as_dict() for event in back.events]  # what /api/history reads from Rasa
    web = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{fake_rasa.server_address[1]}")))
    try:
        _, _, body = request(web, "GET", "/api/history")
    finally:
        stop(web)
    texts = [m["text"] for m in json.loads(body)["berichten"]]
    assert EMPTIED_NOTE in texts and not any(word in str(texts) for word in gone)
    assert texts[-2:] == ["waar kan een gezin bij het Pinksterbloemveld terecht?", "In Huizen kan ..."]
    assert tracker_db.count_events(SENDER) == before  # the chat keeps its shape
    assert messages.from_tracker_events(fake_rasa.events) == json.loads(body)["berichten"]


@pytest.mark.parametrize("text", ["wist u dat de sessie 3 uur duurt?",
                                  "het plan 2 weken geleden was anders, weet u nog",
                                  "we hebben in sessie 2 gepraat over het plan"])
def test_a_number_of_something_else_stays_a_turn(text):
    from bot.roleplay.session import command_of

    assert command_of(text) is None


def test_a_surname_with_a_particle_is_looked_up_by_its_name_word():
    from bot.privacy.conversations import SearchTerm

    assert SearchTerm("de Vries").words == ["vries"] and SearchTerm("van der Berg").text == "van der berg"
