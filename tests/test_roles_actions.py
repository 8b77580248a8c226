"""Role actions on real rasa_sdk objects: analysis payload, explanation, and the quiz loop."""
from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.roles import (
    ActionAskRolQuizAntwoord,
    ActionRolAnalyse,
    ActionRolQuizScore,
    ActionRolQuizStart,
    ActionRolUitleg,
    ValidateRolQuizForm,
)
from bot.knowledge.texts import Texts
from bot.records import get_record, list_records
from bot.roles.quiz import RECORD_KIND, load_quiz

TEXTS = Texts("rol_tekst")

DOMAIN: Dict[str, Any] = {
    "slots": {"rol_quiz_id": {"type": "float"}, "rol_quiz_antwoord": {"type": "text"}},
    "forms": {"rol_quiz_form": {"required_slots": ["rol_quiz_antwoord"]}},
}


def _tracker(text: str, intent: str, slots: Optional[Dict[str, Any]] = None, loop: Optional[str] = None,
             sender: str = "gesprek-rollen") -> Tracker:
    """A tracker as the action server receives it; a filled answer slot is a fresh SlotSet event,
    which is what FormValidationAction validates."""
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text}]
    if (slots or {}).get("rol_quiz_antwoord") is not None:
        events.append({"event": "slot", "name": "rol_quiz_antwoord", "value": slots["rol_quiz_antwoord"]})
    return Tracker(
        sender_id=sender,
        slots={"rol_quiz_id": None, "rol_quiz_antwoord": None, "requested_slot": None, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": loop} if loop else {},
        latest_action_name="action_listen",
    )


async def test_analyse_sends_text_and_payload():
    dispatcher = CollectingDispatcher()
    tracker = _tracker("welke rol is dit: 'Zij zet de kinderen tegen mij op en jullie doen niks'", "rol_analyse")
    events = await ActionRolAnalyse().run(dispatcher, tracker, DOMAIN)
    assert events == []
    text, payload = dispatcher.messages[0]["text"], dispatcher.messages[1]["custom"]
    assert text.startswith("Rol: Aanklager (dramadriehoek)")
    assert payload["soort"] == "rol_analyse"
    assert payload["rol"] == "aanklager"
    assert payload["zin"] == "Zij zet de kinderen tegen mij op en jullie doen niks"
    assert {"zekerheid", "signalen", "uitnodiging", "alternatief"} <= set(payload)


async def test_analyse_without_sentence_asks_for_it():
    dispatcher = CollectingDispatcher()
    await ActionRolAnalyse().run(dispatcher, _tracker("welke rol is dit?", "rol_analyse"), DOMAIN)
    assert [m["text"] for m in dispatcher.messages] == [TEXTS.text("vraag_zin")]


async def test_analyse_non_dutch_sentence_gets_reason_and_payload():
    dispatcher = CollectingDispatcher()
    await ActionRolAnalyse().run(dispatcher, _tracker("welke rol is dit: '; DROP TABLE x;--", "rol_analyse"), DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Geen duidelijke rol.")
    assert dispatcher.messages[1]["custom"]["rol"] == "geen duidelijke rol"
    assert dispatcher.messages[1]["custom"]["reden"]


async def test_explain_by_text_and_unknown():
    dispatcher = CollectingDispatcher()
    await ActionRolUitleg().run(dispatcher, _tracker("wat is een Redder?", "rol_uitleg"), DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Redder (de dramadriehoek)")
    dispatcher = CollectingDispatcher()
    await ActionRolUitleg().run(dispatcher, _tracker("/rol_uitleg", "rol_uitleg"), DOMAIN)
    assert [m["text"] for m in dispatcher.messages] == [TEXTS.text("uitleg_onbekend")]


async def test_quiz_loop_start_ask_answer_score_and_storage():
    dispatcher = CollectingDispatcher()
    events = await ActionRolQuizStart().run(dispatcher, _tracker("oefen de rollen", "rol_oefenen"), DOMAIN)
    assert dispatcher.messages[0]["text"] == TEXTS.text("quiz_intro", aantal=10)
    quiz_id = events[0]["value"]
    assert events == [SlotSet("rol_quiz_id", quiz_id), SlotSet("rol_quiz_antwoord", None)]
    assert get_record(RECORD_KIND, int(quiz_id)).conversation_id == "gesprek-rollen"

    validator = ValidateRolQuizForm()
    for step in range(10):
        slots = {"rol_quiz_id": quiz_id, "requested_slot": "rol_quiz_antwoord"}
        dispatcher = CollectingDispatcher()
        await ActionAskRolQuizAntwoord().run(dispatcher, _tracker("", "rol_oefenen", slots, "rol_quiz_form"), DOMAIN)
        assert dispatcher.messages[0]["text"].startswith(f"Zin {step + 1} van 10:")
        item = load_quiz(quiz_id)["items"][step]
        answer = f"de {item['rol']}" if step % 2 == 0 else "weet niet"
        if answer == "weet niet":  # not a role: same item again, then a real (wrong or right) answer
            dispatcher = CollectingDispatcher()
            slots_with = {**slots, "rol_quiz_antwoord": answer}
            events = await validator.run(
                dispatcher, _tracker(answer, "nlu_fallback", slots_with, "rol_quiz_form"), DOMAIN
            )
            assert SlotSet("rol_quiz_antwoord", None) in events
            assert "Ik herken geen rol" in dispatcher.messages[0]["text"]
            assert load_quiz(quiz_id)["index"] == step
            answer = "redder" if item["rol"] != "redder" else "aanklager"
        dispatcher = CollectingDispatcher()
        slots_with = {**slots, "rol_quiz_antwoord": answer}
        events = await validator.run(dispatcher, _tracker(answer, "rol_uitleg", slots_with, "rol_quiz_form"), DOMAIN)
        expected_value = "klaar" if step == 9 else None
        assert SlotSet("rol_quiz_antwoord", expected_value) in events
        assert dispatcher.messages[0]["text"].startswith("Goed!" if step % 2 == 0 else "Niet goed")

    dispatcher = CollectingDispatcher()
    events = await ActionRolQuizScore().run(dispatcher, _tracker("", "rol_oefenen", {"rol_quiz_id": quiz_id}), DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Je score: 5 van de 10 goed.")
    assert dispatcher.messages[1]["custom"]["soort"] == "rol_quiz_score"
    assert events == [SlotSet("rol_quiz_id", None), SlotSet("rol_quiz_antwoord", None)]
    stored = list_records(RECORD_KIND, conversation_id="gesprek-rollen", status="klaar")
    assert len(stored) == 1 and stored[0].data["score"]["goed"] == 5


async def test_quiz_with_lost_record_says_so_and_ends():
    dispatcher = CollectingDispatcher()
    slots = {"rol_quiz_id": 424242.0, "requested_slot": "rol_quiz_antwoord"}
    await ActionAskRolQuizAntwoord().run(dispatcher, _tracker("", "rol_oefenen", slots, "rol_quiz_form"), DOMAIN)
    assert dispatcher.messages[0]["text"] == TEXTS.text("quiz_kwijt")
    dispatcher = CollectingDispatcher()
    events = await ValidateRolQuizForm().run(
        dispatcher, _tracker("redder", "rol_uitleg", {**slots, "rol_quiz_antwoord": "redder"}, "rol_quiz_form"), DOMAIN
    )
    assert SlotSet("rol_quiz_antwoord", "klaar") in events
    assert "niet meer vinden" in dispatcher.messages[0]["text"]
