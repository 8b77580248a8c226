"""Session-22 user test of the intake summary (a Vraagbaak consultant doing intakes over the web chat): a wish not to
store keeps the summary back until the consultant confirms, and the summary attributes what the caller said to the
right people and aspects."""
from __future__ import annotations

from typing import List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from actions.intake import ActionIntakeSamenvatting
from bot import commands
from bot.intake.session import NOT_TO_STORE, Intake
from bot.intake.summary import build_summary, format_summary
from bot.knowledge.loader import get_knowledge
from bot.knowledge.texts import Texts
from bot.records import list_records
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)
TEXTS = Texts("intake_tekst")
KIND = "intake_samenvatting"


def _tracker(state, text="", sender_id="gesprek-s22-privacy") -> Tracker:
    return Tracker(sender_id=sender_id, slots={"intake_status": state},
                   latest_message={"text": text, "intent": {"name": "nlu_fallback", "confidence": 1.0},
                                   "entities": []},
                   events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")


def _stored(sender_id: str) -> int:
    return len(list_records(KIND, conversation_id=sender_id))


async def _through(texts: List[str]) -> dict:
    """The intake state after the consultant typed ``texts`` into the form."""
    state = Intake(get_knowledge()).start("ik heb een moeder aan de lijn").state
    for text in texts:
        slots, _ = await typed(state, text)
        state = slots["intake_status"]
    return state


# 8. privacy: a wish not to store keeps the summary back --------------------------------------------------------

@pytest.mark.parametrize("wish", [
    "ze wil eigenlijk niet dat er iets wordt opgeslagen",
    "juf vraagt of dit niet vastgelegd wordt, vader mag dit nooit weten",
    "wis dit gesprek",
])
async def test_after_a_wish_not_to_store_rond_af_shows_the_summary_but_does_not_store_it(wish):
    sender = f"s22-privacy-{abs(hash(wish))}"
    state = await _through(["haar zoon van 14 spijbelt al weken", wish, "rond af"])
    assert state[NOT_TO_STORE] and state["status"] == "klaar"
    dispatcher = CollectingDispatcher()
    events = await ActionIntakeSamenvatting().run(dispatcher, _tracker(state, sender_id=sender), {})
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert any("spijbelt" in text for text in texts)  # shown
    assert not any("is opgeslagen" in text for text in texts)
    assert TEXTS.text("niet_opgeslagen") in texts and "sla toch op" in TEXTS.text("niet_opgeslagen")
    assert _stored(sender) == 0
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["intake_samenvatting_id"] is None
    # the consultant confirms: stored now, with its number
    dispatcher = CollectingDispatcher()
    events = await ActionOnzekerBericht().run(dispatcher, _tracker(slots["intake_status"], "sla toch op", sender), {})
    assert _stored(sender) == 1
    record_id = {e["name"]: e["value"] for e in events if e["event"] == "slot"}["intake_samenvatting_id"]
    assert dispatcher.messages[0]["text"].startswith(f"Samenvatting {record_id} is nu toch opgeslagen")


async def test_without_such_a_wish_rond_af_stores_as_before():
    sender = "s22-privacy-plain"
    state = await _through(["haar zoon van 14 spijbelt al weken", "rond af"])
    assert not state.get(NOT_TO_STORE)
    await ActionIntakeSamenvatting().run(CollectingDispatcher(), _tracker(state, sender_id=sender), {})
    assert _stored(sender) == 1


async def test_the_wish_holds_when_the_last_answer_is_wiped_after_it():
    state = await _through(["haar zoon van 14 spijbelt al weken", "ze is bang voor vader",
                            "ze wil niet dat er iets wordt opgeslagen", "kun je dat wat ik net typte weghalen?"])
    assert state[NOT_TO_STORE] and "bang" not in str(state["answers"])


async def test_sla_toch_op_without_a_summary_waiting_stores_nothing():
    sender = "s22-privacy-nothing"
    dispatcher = CollectingDispatcher()
    await ActionOnzekerBericht().run(dispatcher, _tracker(None, "sla toch op", sender), {})
    assert dispatcher.messages[0]["text"] == TEXTS.text("niets_op_te_slaan") and _stored(sender) == 0


@pytest.mark.parametrize("text", [
    "juf vraagt of dit niet vastgelegd wordt, vader mag dit nooit weten",
    "moeder vraagt of er niets wordt opgeslagen",
    "vader mag hier niets van weten",
    "vader wil niet dat ik dit vastleg",
])
def test_the_dont_store_vocabulary(text):
    assert commands.is_forget_request(text)


@pytest.mark.parametrize("text", ["ze vraagt of ze niet naar school hoeft", "hij vraagt of hij het niet mag weten"])
def test_a_question_of_the_caller_is_no_dont_store_wish(text):
    assert not commands.is_forget_request(text)


def test_a_secret_in_a_role_play_is_a_line_for_the_persona():
    assert not commands.is_forget_request("papa mag dit nooit weten", in_role_play=True)


@pytest.mark.parametrize("text", ["sla toch op", "sla de samenvatting alsnog op", "ze vindt het goed, je mag hem toch "
                                  "opslaan", "toch maar opslaan"])
def test_store_anyway(text):
    assert commands.asks_to_store_anyway(text)


@pytest.mark.parametrize("text", ["sla het toch maar niet op", "sla over", "rond af", "sla op"])
def test_no_store_anyway(text):
    assert not commands.asks_to_store_anyway(text)


def _summary(state: dict) -> str:
    return format_summary(build_summary(state, get_knowledge(), search=lambda *a, **k: []))
