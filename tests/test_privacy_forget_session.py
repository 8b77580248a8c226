"""Wiping one role-play session when a trainee asks (fourth user test of the trainer tools: only
`rustpunt vergeet --deelnemer` worked, and it wiped both of her sessions). The session goes, with the retries that
continue it; in the chat conversation it was played in, only its turns and replies are emptied; nothing typed in it
stays anywhere in the data folder, and everything else stays as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.cli import main
from bot.privacy import tracker_db
from bot.privacy.forget import EMPTIED_NOTE, forget_session, session_report
from bot.privacy.tracker_store import MaskingSQLTrackerStore
from bot.records import add_record, list_records
from bot.web import messages
from bot.web.conversation import short_hash
from tests.stored_text import database_bytes

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [rollenspel_start, inform, rollenspel_nabespreking, kaart_zoek]
entities: [plaats]
slots:
  rollenspel_scenario: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  rollenspel_beurt: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  rollenspel_sessie: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  kaart_plaats: {type: text, influence_conversation: false, mappings: [{type: custom}]}
forms:
  rollenspel_form: {required_slots: [rollenspel_scenario, rollenspel_beurt]}
""")
CONVERSATION = "gesprek-joke"
KEPT_WORDS = ("Rozenbottelpad", "Blauwgrasveld")  # session 1 (stays) and a question to the sociale kaart
GONE_WORDS = ("Zonnebloemveld", "Kraanvogelhof", "Paardenbloemwei")  # sessions 2 and its retry 3


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


def user(text, intent="inform", **extra):
    return UserUttered(text, intent={"name": intent, "confidence": 1.0},
                       parse_data={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
                       metadata={"deelnemer": "Joke"}, **extra)


def turn(text, reply, session):
    """One role-play turn as Rasa stores it: the form fills its turn slot with the text, the validation empties it."""
    return [user(text), SlotSet("rollenspel_beurt", text), ActionExecuted("rollenspel_form"),
            SlotSet("rollenspel_beurt", None), BotUttered(reply),
            BotUttered(data={"custom": {"soort": "rollenspel_beurt", "sessie": session, "spanning": 6}}),
            ActionExecuted("action_listen")]


def start(session, scenario_text="1"):
    return [user("ik wil oefenen", "rollenspel_start"), ActionExecuted("rollenspel_form"),
            ActiveLoop("rollenspel_form"), SlotSet("requested_slot", "rollenspel_scenario"),
            BotUttered("Kies een scenario."),
            ActionExecuted("action_listen"), user(scenario_text), SlotSet("rollenspel_scenario", scenario_text),
            ActionExecuted("rollenspel_form"), BotUttered("Vader: Ik ben het zat."),
            SlotSet("rollenspel_scenario", "vader-kinderen-thuisgehouden"), SlotSet("rollenspel_sessie", str(session)),
            SlotSet("requested_slot", "rollenspel_beurt"), ActionExecuted("action_listen")]


def end(session, quoted):
    return [user("stop rollenspel"), SlotSet("rollenspel_beurt", "stop rollenspel"), ActionExecuted("rollenspel_form"),
            SlotSet("rollenspel_beurt", "klaar"), SlotSet("requested_slot", None), ActiveLoop(None),
            ActionExecuted("action_rollenspel_afronden"),
            BotUttered(f"Nabespreking: Beurt 1: \"{quoted}\" was erkennen."),
            BotUttered(data={"custom": {"soort": "debrief", "sessie": session}}),
            SlotSet("rollenspel_scenario", None), SlotSet("rollenspel_beurt", None), SlotSet("rollenspel_sessie", None),
            ActionExecuted("action_listen")]


def chat_events():
    first = "Ik hoor dat het lastig is met de overdracht bij het Rozenbottelpad."
    wiped = "U woont nu zeker bij het Zonnebloemveld, vertelt u maar."
    return [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        *start(1), *turn(first, "Ja, dat klopt.", 1), *end(1, first),
        *start(2), *turn(wiped, "Daar woon ik al jaren.", 2),
        *turn("En bij het Kraanvogelhof, daar haalt u ze op?", "Ja.", 2), *end(2, wiped),
        # 'hoe deed ik het?' after the end: the debrief of session 2 again, with its quote
        user("hoe deed ik het?", "rollenspel_nabespreking"), ActionExecuted("action_rollenspel_nabespreking"),
        BotUttered(f"Nog een keer: Beurt 1: \"{wiped}\""),
        BotUttered(data={"custom": {"soort": "debrief", "sessie": 2}}),
        ActionExecuted("action_listen"),
        # 'probeer opnieuw vanaf beurt 2' after the end: a session of its own (3) continues session 2
        user("probeer opnieuw vanaf beurt 2"), ActionExecuted("action_rollenspel_opnieuw"),
        BotUttered("We gaan terug naar vlak voor beurt 2."), SlotSet("rollenspel_sessie", "3"),
        *turn("Wat gebeurt er bij de Paardenbloemwei als u ze ophaalt?", "Dan is het stil.", 3), *end(3, wiped),
        user("Welke hulp is er in Huizen, we zitten bij het Blauwgrasveld?", "kaart_zoek"),
        ActionExecuted("action_kaart_zoek"), SlotSet("kaart_plaats", "Huizen"), BotUttered("In Huizen kan ..."),
        ActionExecuted("action_listen"),
    ]


def records():
    def session(turns, **extra):
        return {"scenario": "vader-kinderen-thuisgehouden", "deelnemer": "Joke", "groep": "Noord",
                "state": {"turns": [{"nr": n, "tekst": t} for n, t in enumerate(turns, start=1)]}, **extra}
    one = add_record("rollenspel", session(["Ik hoor dat het lastig is bij het Rozenbottelpad."]),
                     conversation_id=CONVERSATION)
    two = add_record("rollenspel", session(["U woont nu zeker bij het Zonnebloemveld.", "En bij het Kraanvogelhof?"]),
                     conversation_id=CONVERSATION)
    three = add_record("rollenspel", session(["U woont nu zeker bij het Zonnebloemveld.", "Bij de Paardenbloemwei?"],
                                             vervolg_van=two, vervolg_vanaf=2,
                                             pogingen=[{"vanaf_beurt": 2, "beurten": [{"tekst": "Kraanvogelhof"}]}]),
                       conversation_id=CONVERSATION)
    plan = add_record("gespreksplan", {"notitie": "blijft staan"}, conversation_id=CONVERSATION)
    other = add_record("rollenspel", session(["Iets anders."]), conversation_id="ander-gesprek")
    return one, two, three, plan, other


def found(folder: Path, words) -> list:
    """Where each word is readable: every file of the data folder (Rasa's rasa/tracker.db* among them) and our own
    store (``tests.stored_text``: its SQLite files again, or every row of every PostgreSQL table)."""
    stored = {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    stored["our store"] = database_bytes()
    return [(name, word) for name, data in stored.items() for word in words if word.encode() in data]


async def test_one_session_and_its_retry_are_wiped_from_our_store_and_from_the_chat(tmp_path, tracker_url):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    await store.save(DialogueStateTracker.from_events(CONVERSATION, chat_events(), slots=DOMAIN.slots))
    one, two, three, plan, other = records()
    before = tracker_db.count_events(CONVERSATION)
    assert len(found(tmp_path, GONE_WORDS)) >= len(GONE_WORDS)  # the words really were stored

    result = forget_session(two)
    assert result.found and result.sessions == [two, three] and result.in_chat and result.emptied > 0
    assert found(tmp_path, GONE_WORDS) == []  # not in the database files, not in their write-ahead logs
    assert {word for _, word in found(tmp_path, KEPT_WORDS)} == set(KEPT_WORDS)
    assert sorted(r.pk for r in list_records("rollenspel")) == [one, other]
    assert [r.pk for r in list_records("gespreksplan")] == [plan]

    # the chat keeps its shape: the same events in the same order, the same state; only the session's text is gone
    assert tracker_db.count_events(CONVERSATION) == before
    back = await store.retrieve_full_tracker(CONVERSATION)
    assert [type(e).__name__ for e in back.events] == [type(e).__name__ for e in
                                                      DialogueStateTracker.from_events("x", chat_events()).events]
    assert back.get_slot("rollenspel_sessie") is None and back.active_loop_name is None
    assert back.get_slot("kaart_plaats") == "Huizen"
    shown = messages.from_tracker_events(e.as_dict() for e in back.events)
    texts = [m["text"] or json.dumps(m["custom"]) for m in shown]
    assert texts.count(EMPTIED_NOTE) == 2  # once where session 2 was played, once for its retry
    assert any("Rozenbottelpad" in t for t in texts) and any("Blauwgrasveld" in t for t in texts)
    assert not any('"sessie": 2' in t or '"sessie": 3' in t for t in texts)
    assert "ik wil oefenen" in texts and "probeer opnieuw vanaf beurt 2" in texts  # outside the sessions: kept

    report = session_report(result)
    assert f"Rollenspelsessie {two} is gewist." in report and f"Ook sessie {three} is gewist" in report
    assert "De rest van dat gesprek blijft staan" in report
    assert not forget_session(two).found and "geen rollenspelsessie met nummer" in session_report(forget_session(two))


async def test_a_session_played_in_the_terminal_is_wiped_and_says_so(tmp_path, tracker_url):
    number = add_record("rollenspel", {"deelnemer": "Joke", "state": {"turns": [{"nr": 1, "tekst": "Zonnebloemveld"}]}})
    kept = add_record("rollenspel", {"deelnemer": "Joke", "state": {"turns": [{"nr": 1, "tekst": "Rozenbottelpad"}]}})
    result = forget_session(number)
    assert result.sessions == [number] and not result.in_chat
    assert "in de terminal gespeeld" in session_report(result)
    assert [r.pk for r in list_records("rollenspel")] == [kept]
    assert found(tmp_path, ["Zonnebloemveld"]) == [] and found(tmp_path, ["Rozenbottelpad"])


async def test_the_command_line_wipes_one_session_by_its_number(tmp_path, tracker_url, capsys):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    await store.save(DialogueStateTracker.from_events(CONVERSATION, chat_events(), slots=DOMAIN.slots))
    one, two, three, plan, other = records()
    # what the trainer tried first: the number, and the short code on the trainers' page, as a conversation id
    assert main(["vergeet", str(two)]) == 1
    out = capsys.readouterr().out
    assert f"Bedoel je rollenspelsessie {two}? Wis die met: rustpunt vergeet --sessie {two}" in out
    assert main(["vergeet", "--sessie", str(two)]) == 0
    out = capsys.readouterr().out
    assert f"Rollenspelsessie {two} is gewist." in out and f"Ook sessie {three}" in out
    assert main(["sessies", "wis", str(one)]) == 0  # the same, next to 'sessies lijst' and 'sessies toon'
    assert f"Rollenspelsessie {one} is gewist." in capsys.readouterr().out
    assert [r.pk for r in list_records("rollenspel")] == [other]
    assert main(["sessies", "wis", str(one)]) == 1
    assert f"Er is geen rollenspelsessie met nummer {one}" in capsys.readouterr().out
    assert main(["vergeet", "--sessie", "vier"]) == 2
    assert "geen geldig sessienummer" in capsys.readouterr().out
    assert main(["vergeet", "--sessie", "3", "--deelnemer", "Joke"]) == 2
    assert "Geef één gespreks-id" in capsys.readouterr().out
    assert found(tmp_path, GONE_WORDS + ("Rozenbottelpad",)) == [] and [r.pk for r in list_records("gespreksplan")]


async def test_the_short_code_of_the_trainers_page_forgets_the_conversation(tmp_path, tracker_url, capsys):
    store = MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    await store.save(DialogueStateTracker.from_events(CONVERSATION, chat_events(), slots=DOMAIN.slots))
    records()
    code = short_hash(CONVERSATION)
    assert main(["vergeet", f"#{code}"]) == 0
    out = capsys.readouterr().out
    assert f"Gesprek '#{code}' is vergeten." in out and "3 rollenspelsessies" in out
    assert tracker_db.count_events(CONVERSATION) == 0
    assert [r.pk for r in list_records("rollenspel")] and not list_records("gespreksplan")  # 'ander-gesprek' stays
    assert main(["vergeet", "abcdef12"]) == 1


def test_several_sessions_at_once_each_as_one_session_is_wiped():
    # 'Wis alle sessies van deze groep' (a user test of session 25): the stored sessions go, a retry continuing one of
    # them with it, other sessions stay; the report names them and that exported copies are not wiped
    from bot.privacy.forget import forget_sessions, sessions_report

    def played(name, group, **extra):
        return {"scenario": "vader", "titel": "Vader belt", "deelnemer": name, "groep": group,
                "state": {"turns": []}, **extra}

    first = add_record("rollenspel", played("Ali", "Noord"), status="slecht")
    second = add_record("rollenspel", played("Joke", "Noord"), status="slecht")
    retry = add_record("rollenspel", played("Joke", "Noord", vervolg_van=second, vervolg_vanaf=1), status="goed")
    other = add_record("rollenspel", played("Sem", "Zuid"), status="goed")
    result = forget_sessions([first, second, retry])
    assert sorted(result.sessions) == [first, second, retry] and not result.failed
    assert [row.pk for row in list_records("rollenspel", limit=100)] == [other]
    report = sessions_report(result, "Noord")
    assert report.startswith(f"Van groep 'Noord' zijn 3 sessies gewist ({first}, {second} en {retry}).")
    assert "bevat deze sessies nog" in report
    assert forget_sessions([first]).sessions == []
