"""Session 27: ``rustpunt vergeet <id>`` typed by a beheerder while a turn of that conversation is being processed.

Session 26 made Rasa's tracker store refuse to write back a conversation forgotten during a turn. The actions of that
turn run on the tracker Rasa read at its start, so they went on storing what was typed in our own store: a plan, a
role-play session with its turns. Those records were made after the wipe, under the forgotten conversation's id, and
stayed (masked, but with the family's story) until the retention period, while the beheerder had been told
"Gesprek ... is vergeten".
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered

from bot import records
from bot.cli import main
from bot.privacy import tracker_db
from tests.stored_text import database_bytes

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [vertel]
responses:
  utter_ok: [{text: "ok"}]
""")
TOLD = "Zijn dochter plast weer in bed sinds oktober en verstopt zich in de kast"
TYPED_WORDS = (b"plast weer in bed", b"verstopt zich in de kast", b"schreeuwt elke avond")


def intent(name: str = "vertel") -> dict:
    return {"name": name, "confidence": 1.0}


def data_folder_bytes(tmp_path: Path) -> bytes:
    """Our store (its SQLite files, or every PostgreSQL row: ``tests.stored_text``) and Rasa's (rasa/tracker.db*)."""
    rasa = b"".join(path.read_bytes() for path in (tmp_path / "rasa").glob("tracker.db*") if path.is_file())
    return database_bytes() + rasa


def what_the_turn_stores(conversation_id: str) -> list:
    """What an action of the turn stores in our own store from what was typed: a plan and a role-play session with a
    turn (as ``actions.preparation`` and ``actions.roleplay`` do). An action may fail on a forgotten conversation (the
    action server then answers with an error); what counts is what stays stored."""
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService
    from bot.steps.guide import step_ids
    from bot.steps.plan import build_plan, save_plan

    failed = []
    try:
        plan = build_plan("ouder", TOLD, {step_ids()[0]: "Ik hoor dat hij schreeuwt elke avond."},
                          classify=lambda text: type("R", (), {"stap": "geen"})())
        save_plan(plan, conversation_id=conversation_id)
    except Exception as exc:  # noqa: BLE001 - see above
        failed.append(type(exc).__name__)
    try:
        service = PracticeService(classify=lambda text: Move(zet="oordelen"))
        number = service.start(catalog.scenarios()[0].id, conversation_id=conversation_id, seed=1)
        service.play(number, TOLD)
    except Exception as exc:  # noqa: BLE001 - see above
        failed.append(type(exc).__name__)
    return failed


@pytest.fixture
def store(tmp_path, tracker_url, monkeypatch):
    from bot.privacy.tracker_store import MaskingSQLTrackerStore

    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    return MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))


async def test_rustpunt_vergeet_during_a_turn_leaves_no_record_that_the_turn_made_afterwards(tmp_path, store, capsys):
    first = await store.get_or_create_tracker("gesprek-cli")
    first.update(UserUttered("Ik wil een gesprek met een vader voorbereiden", intent()))
    first.update(ActionExecuted("utter_ok"))
    first.update(ActionExecuted("action_listen"))
    await store.save(first)

    turn = await store.get_or_create_tracker("gesprek-cli")  # Rasa reads the conversation at the start of a turn
    turn.update(UserUttered(TOLD, intent()))
    assert main(["vergeet", "gesprek-cli"]) == 0  # the beheerder, meanwhile, in the terminal
    assert "is vergeten" in capsys.readouterr().out
    what_the_turn_stores("gesprek-cli")  # the turn's actions go on with the tracker read at its start
    turn.update(ActionExecuted("utter_ok"))
    turn.update(ActionExecuted("action_listen"))
    await store.save(turn)  # the turn ends

    assert tracker_db.count_events("gesprek-cli") == 0
    assert "gesprek-cli" not in records.conversation_ids()
    assert [word for word in TYPED_WORDS if word in data_folder_bytes(tmp_path)] == []


async def test_after_the_wipe_the_same_conversation_stores_its_records_again(tmp_path, store):
    """The browser keeps its id after a wipe in the terminal: the next turn starts the conversation anew, and what it
    stores stays (only a turn that was already running when the conversation was forgotten stores nothing)."""
    first = await store.get_or_create_tracker("gesprek-verder")
    first.update(UserUttered("hallo", intent()))
    await store.save(first)
    turn = await store.get_or_create_tracker("gesprek-verder")
    turn.update(UserUttered(TOLD, intent()))
    assert main(["vergeet", "gesprek-verder"]) == 0
    what_the_turn_stores("gesprek-verder")
    await store.save(turn)
    assert "gesprek-verder" not in records.conversation_ids()

    again = await store.get_or_create_tracker("gesprek-verder")  # the next message: a new conversation
    again.update(UserUttered("Ik wil nog een plan maken", intent()))
    assert what_the_turn_stores("gesprek-verder") == []
    await store.save(again)
    kinds = {row.kind for row in records.list_records("gespreksplan", conversation_id="gesprek-verder")}
    kinds |= {row.kind for row in records.list_records("rollenspel", conversation_id="gesprek-verder")}
    assert kinds == {"gespreksplan", "rollenspel"}
    assert [event.text for event in (await store.retrieve("gesprek-verder")).events
            if isinstance(event, UserUttered)] == ["Ik wil nog een plan maken"]


async def test_other_conversations_and_the_terminal_store_as_before(store):
    """Forgetting one conversation changes nothing for another one, or for the terminal (no conversation id)."""
    from bot.privacy.forget import forget_conversation

    for sender in ("gesprek-weg", "gesprek-ander"):
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(UserUttered("hallo", intent()))
        await store.save(tracker)
    assert forget_conversation("gesprek-weg")
    assert what_the_turn_stores("gesprek-ander") == []
    assert what_the_turn_stores(None) == []
    assert len(records.list_records("gespreksplan")) == 2
    assert len(records.list_records("rollenspel")) == 2


async def test_rustpunt_vergeet_sessie_during_its_turn_leaves_nothing_of_that_turn(tmp_path, store, capsys):
    """'rustpunt vergeet --sessie N' while a turn of that session is processed. The session's events are emptied in
    place (the rest of the chat stays), so the store holds as many events as when the turn read it; the turn then
    wrote its own events, and the line typed in it stayed in the chat (masked, but with the family's story)."""
    from bot.roleplay import catalog
    from bot.roleplay.session import PracticeService

    first = await store.get_or_create_tracker("gesprek-sessie")
    first.update(UserUttered("ik wil oefenen", intent()))
    first.update(ActionExecuted("action_listen"))
    await store.save(first)
    number = PracticeService(classify=lambda text: None).start(
        catalog.scenarios()[0].id, conversation_id="gesprek-sessie", seed=1)
    stored_before = tracker_db.count_events("gesprek-sessie")

    turn = await store.get_or_create_tracker("gesprek-sessie")  # Rasa reads the conversation at the start of a turn
    turn.update(UserUttered(TOLD, intent()))
    assert main(["vergeet", "--sessie", str(number)]) == 0  # the trainer, meanwhile, in the terminal
    assert f"Rollenspelsessie {number} is gewist." in capsys.readouterr().out
    turn.update(ActionExecuted("utter_ok"))
    turn.update(ActionExecuted("action_listen"))
    await store.save(turn)  # the turn ends

    assert [word for word in TYPED_WORDS if word in data_folder_bytes(tmp_path)] == []
    assert tracker_db.count_events("gesprek-sessie") == stored_before  # the chat before the turn stays
    assert "ik wil oefenen" in [event.text for event in (await store.retrieve("gesprek-sessie")).events
                                if isinstance(event, UserUttered)]

    again = await store.get_or_create_tracker("gesprek-sessie")  # the next turn is stored as always
    again.update(UserUttered("hallo weer", intent()))
    await store.save(again)
    assert tracker_db.count_events("gesprek-sessie") > stored_before
