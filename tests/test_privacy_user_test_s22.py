"""Privacy, user test of session 22 (a Vraagbaak consultant doing intakes over the web chat):

1. "pietje bakker (12) spijbelt al weken, zit op de wereldwijzer" put "pietje bakker" and "wereldwijzer" readable in
   the tracker store and the saved summary, and the summary said no names had to be masked; "van de wereldwijzer" and
   "op de regenboog" stayed readable too.
2. "kun je dat wat ik net typte weghalen?" during an intake only offered to wipe the whole conversation; in the
   role-play such a request wipes the last turn. Now the intake wipes the last stored answer.
"""
from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionIntakeSamenvatting
from bot import commands
from bot.intake.deidentify import mask
from bot.intake.session import BEFORE_LAST_ANSWER, Intake
from bot.knowledge.loader import get_knowledge
from bot.privacy.forget import forget_conversation
from bot.privacy.tracker_store import MaskingSQLTrackerStore
from bot.records import get_record
from bot.roleplay.session import WIPE_LAST, command_of
from tests.intake_form import DOMAIN, FOLDER, typed

STORE_DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [vertel]
slots:
  intake_status:
    type: any
    influence_conversation: false
    mappings: [{type: custom}]
""")


@pytest.fixture(autouse=True)
def own_knowledge(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


def files_with(folder, secrets):
    return sorted({(path.relative_to(folder).as_posix(), secret) for path in folder.rglob("*") if path.is_file()
                   for secret in secrets if secret.encode() in path.read_bytes().lower()})


async def type_through(texts, state=None):
    """Type ``texts`` into the intake (a new one without ``state``) as the chat does; the events the chat stores and
    the last slots."""
    state = state or Intake(get_knowledge()).start().state
    events, slots = [], {}
    for text in texts:
        slots, replies = await typed(state, text)
        state = slots["intake_status"]
        events += [UserUttered(text, intent={"name": "vertel", "confidence": 1.0}), SlotSet("intake_status", state),
                   *[BotUttered(reply) for reply in replies if reply], ActionExecuted("action_listen")]
    return events, slots


def without_undo(state):
    return {key: value for key, value in state.items() if key != BEFORE_LAST_ANSWER}


async def save(tmp_path, conversation_id, events):
    store = MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    await store.save(DialogueStateTracker.from_events(conversation_id, [ActionExecuted("action_listen"), *events],
                                                      slots=STORE_DOMAIN.slots))


async def summary_of(conversation_id, slots):
    dispatcher = CollectingDispatcher()
    events = await ActionIntakeSamenvatting().run(dispatcher, Tracker(
        sender_id=conversation_id, slots={"intake_status": slots["intake_status"]}, latest_message={}, events=[],
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen"), DOMAIN)
    return dispatcher.messages[0]["text"], get_record("intake_samenvatting", events[-1]["value"])


# -- 1. a child named with a fact, and a school without a school word, typed without capitals ------------------------

@pytest.mark.parametrize("text, expected", [
    ("pietje bakker (12) spijbelt al weken, zit op de wereldwijzer",  # the user test
     "[NAAM] (12) spijbelt al weken, zit op de [SCHOOL]"),
    ("pietje bakker spijbelt al weken", "[NAAM] spijbelt al weken"),
    ("moeder belt, kees de boer is 14 en blowt elke dag", "moeder belt, [NAAM] is 14 en blowt elke dag"),
    ("het gaat om pietje bakker, 12, die niet naar school wil", "het gaat om [NAAM], 12, die niet naar school wil"),
    ("noah (8) is bang in het donker", "[NAAM] (8) is bang in het donker"),
    ("de juf van de wereldwijzer belde", "de juf van de [SCHOOL] belde"),  # the user test
    ("de ib'er van het kompas belt morgen", "de ib'er van het [SCHOOL] belt morgen"),
    ("op de regenboog is het onrustig in zijn klas", "op de [SCHOOL] is het onrustig in zijn klas"),  # the user test
    ("ze zit op bs de klimboom", "ze zit op bs [SCHOOL]"),
    ("basisschool wereldwijzer heeft gebeld", "basisschool [SCHOOL] heeft gebeld"),
    ("hij gaat naar de kameleon, groep 6", "hij gaat naar de [SCHOOL], groep 6"),
    ("hij zit op de wereldwijzer. de wereldwijzer belt ook", "hij zit op de [SCHOOL]. de [SCHOOL] belt ook"),
])
@pytest.mark.parametrize("masker", ["regels", "deduce"])
def test_a_child_named_with_a_fact_and_a_school_without_a_school_word_are_masked(monkeypatch, masker, text, expected):
    if masker == "deduce":
        monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "hij zit op de bank te gamen",
    "hij zit op voetbal en op de voetbal",
    "op de regenboog na was het een grijze dag",  # no talk of school: the rainbow (a choice)
    "de juf van de klas zegt dat hij op het schoolplein alleen staat",
    "we gaan naar de efteling",
    "hij gaat naar de kapper en daarna naar de bso",
    "de school zegt dat het op school beter gaat",
    "moeder zegt dat vader is vertrokken",
    "oudste zoon spijbelt al weken",
])
def test_ordinary_words_around_a_child_and_a_school_stay_readable(text):
    assert mask(text).text == text


@pytest.mark.parametrize("masker", ["regels", "deduce"])
async def test_a_child_and_its_school_typed_in_the_intake_leave_no_trace_and_the_summary_counts_them(
        tmp_path, tracker_url, monkeypatch, masker):
    if masker == "deduce":
        monkeypatch.delenv("RUSTPUNT_MASKER")
    events, slots = await type_through([
        "pietje bakker (12) spijbelt al weken, zit op de wereldwijzer",
        "de juf van de wereldwijzer zegt dat hij in de klas stil is, op de regenboog ging het beter",
        "rond af",
    ])
    assert slots["intake_antwoord"] == "klaar"
    summary, stored = await summary_of("gesprek-s22", slots)
    await save(tmp_path, "gesprek-s22", events + [BotUttered(summary)])

    assert "[NAAM]" in summary and "[SCHOOL]" in summary
    assert "Er stonden geen namen" not in summary
    assert "1 naam en 3 schoolnamen afgeschermd" in summary  # what was masked is counted
    assert "[NAAM]" in str(stored.data) and "[SCHOOL]" in str(stored.data)
    secrets = ("pietje", "bakker", "wereldwijzer", "regenboog")
    assert [secret for secret in secrets if secret in summary.lower()] == []
    assert files_with(tmp_path, secrets) == []


# -- 2. wiping what was just typed in the intake ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "kun je dat wat ik net typte weghalen?",  # the user test
    "kun je wat ik zojuist heb ingetypt wissen?",
    "haal mijn laatste antwoord weg",
    "kun je dat laatste bericht verwijderen? daar stond per ongeluk een echte naam in",
])
def test_one_vocabulary_a_request_to_wipe_what_was_just_typed(text):
    assert commands.asks_to_wipe_last(text)
    assert command_of(text) == WIPE_LAST  # in the role-play: the last turn


@pytest.mark.parametrize("text", [
    "kunt u alles wat ik net over deze beller heb ingetypt weer vergeten?",  # everything: the whole conversation
    "kunt u wat ik net over deze beller heb ingetypt weer vergeten?",
    "wis dit gesprek",
    "ik schreef net dat ze niet wil dat het weg gaat",
])
def test_a_request_about_everything_is_no_request_to_wipe_the_last_answer(text):
    assert not commands.asks_to_wipe_last(text)


async def test_the_intake_wipes_the_last_stored_answer_and_says_the_chat_still_holds_the_message(
        tmp_path, tracker_url):
    events, slots = await type_through(["moeder belt over haar dochter van 13 die niet naar school gaat"])
    before = without_undo(slots["intake_status"])
    more, slots = await type_through(["vader zit sinds maart in de gevangenis in zwolle, zegt moeder"],
                                     slots["intake_status"])
    events += more
    assert "gevangenis" in str(without_undo(slots["intake_status"]))

    wiped, replies = await typed(slots["intake_status"], "kun je dat wat ik net typte weghalen?")
    state = wiped["intake_status"]
    assert state == before  # the answer, what it filed and signalled are gone; its question is open again
    assert len(replies) == 1 and "Je laatste antwoord is uit deze intake gewist" in replies[0]
    assert "chatverloop" in replies[0] and "'Wis dit gesprek'" in replies[0]

    again, replies = await typed(state, "kun je dat wat ik net typte weghalen?")  # nothing stored since
    assert "geen antwoord van je dat ik uit deze intake kan wissen" in replies[0]
    assert again["intake_status"] == state

    more, slots = await type_through(["ze heeft vooral ruzie met haar moeder", "rond af"], state)
    summary, stored = await summary_of("gesprek-wis", slots)
    await save(tmp_path, "gesprek-wis", events + more + [BotUttered(summary)])
    secrets = ("gevangenis", "zwolle")
    assert [secret for secret in secrets if secret in summary.lower() or secret in str(stored.data).lower()] == []
    # the chat history still holds the message, as the reply says; 'Wis dit gesprek' removes it
    found = files_with(tmp_path, secrets)
    assert found and all(path.startswith("rasa/tracker.db") for path, _ in found)  # the database or its log
    forget_conversation("gesprek-wis")
    assert files_with(tmp_path, secrets) == []
