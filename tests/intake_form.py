"""Typing into the call intake the way the chat does (the intake form's validation on one answer), shared by the
tests that follow what a consultant types through to the summary and the data folder."""
from __future__ import annotations

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ValidateIntakeForm
from bot.paths import PROJECT_ROOT

FOLDER = PROJECT_ROOT / "knowledge" / "vraagverheldering"
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain" / "intake.yml").read_text(encoding="utf-8"))


def answer_tracker(state, text):
    """A tracker of the intake form that asked for an answer and got ``text``."""
    events = [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "nlu_fallback"}}},
        {"event": "slot", "name": "intake_antwoord", "value": text},
    ]
    return Tracker(
        sender_id="gesprek-s21", slots={"intake_status": state, "intake_antwoord": text, "requested_slot":
                                        "intake_antwoord"},
        latest_message={"text": text, "intent": {"name": "nlu_fallback", "confidence": 1.0}, "entities": []},
        events=events, paused=False, followup_action=None, active_loop={"name": "intake_form"},
        latest_action_name="action_listen",
    )


async def typed(state, text):
    """The slots the form sets and the messages it sends after ``text`` is typed in intake state ``state``."""
    dispatcher = CollectingDispatcher()
    events = await ValidateIntakeForm().run(dispatcher, answer_tracker(state, text), DOMAIN)
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, [m.get("text") for m in dispatcher.messages]
