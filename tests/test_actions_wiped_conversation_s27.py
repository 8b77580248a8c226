"""Session 27: an action whose record is refused because the conversation was wiped while its turn was running
('Wis dit gesprek' or ``rustpunt vergeet`` meanwhile: ``bot.records.add_record`` raises ConversationForgotten) failed,
and the chat showed a generic error. It now says in Dutch that the conversation was wiped and a new one starts."""
from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionIntakeSamenvatting, ActionTerugbelverzoekOpslaan
from actions.roles import ActionRolQuizStart
from bot import records
from bot.intake.session import Intake
from bot.knowledge.loader import get_knowledge
from bot.paths import PROJECT_ROOT
from bot.records import FORGOTTEN_DURING_TURN

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain" / "intake.yml").read_text(encoding="utf-8"))
CONVERSATION = "gesprek-gewist"


@pytest.fixture(autouse=True)
def own_knowledge(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(PROJECT_ROOT / "knowledge" / "vraagverheldering"))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


def tracker(slots) -> Tracker:
    return Tracker(sender_id=CONVERSATION, slots=slots, latest_message={"text": "", "intent": {"name": "x"}},
                   events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")


def finished_intake() -> dict:
    intake = Intake(get_knowledge())
    state = intake.start().state
    state = intake.handle(state, "Moeder Sanne belt: hij spijbelt en oma helpt").state
    return intake.handle(state, "rond af").state


@pytest.mark.parametrize("action, slots", [
    (ActionIntakeSamenvatting, lambda: {"intake_status": finished_intake()}),
    (ActionTerugbelverzoekOpslaan, lambda: {"terugbel_wie": "jeugdconsulent", "terugbel_waarover": "over de omgang",
                                            "terugbel_wanneer": "morgen 10 uur"}),
    (ActionRolQuizStart, lambda: {}),
])
async def test_a_record_refused_for_a_wiped_conversation_is_told_in_dutch(tracker_url, action, slots):
    filled = slots()
    records.mark_forgotten(CONVERSATION)  # wiped while the turn was running: the chat store holds nothing of it
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, tracker(filled), DOMAIN)
    assert events == []
    assert [message.get("text") for message in dispatcher.messages] == [FORGOTTEN_DURING_TURN]  # only this answer
    assert CONVERSATION not in records.conversation_ids()  # nothing stored


def test_the_answer_says_the_conversation_was_wiped_and_a_new_one_starts():
    text = FORGOTTEN_DURING_TURN
    assert "gewist" in text and "nieuw gesprek" in text and "niets bewaard" in text


async def test_the_same_actions_store_as_always_when_nothing_was_wiped(tracker_url):
    dispatcher = CollectingDispatcher()
    events = await ActionIntakeSamenvatting().run(dispatcher, tracker({"intake_status": finished_intake()}), DOMAIN)
    assert events and all(message.get("text") != FORGOTTEN_DURING_TURN for message in dispatcher.messages)
    assert CONVERSATION in records.conversation_ids()
