"""Rasa actions for drama-triangle roles (thin: read the message/slots, call ``bot.roles``).

- ``action_rol_analyse``: "welke rol is dit: '...'" -> text reply + ``rol_analyse`` payload;
- ``action_rol_uitleg``: "wat is een Redder?" -> explanation of a role or triangle;
- ``action_rol_quiz_start`` / ``rol_quiz_form`` / ``action_rol_quiz_score``: the practice quiz,
  stored per conversation in ``bot.records`` (kind ``rol_quiz``); the slot holds only the record id.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import answers_a_wiped_conversation
from actions.forms import FormValidation
from bot import status
from bot.knowledge.texts import Texts
from bot.language import without_noise
from bot.roles.analyse import analyse_role
from bot.roles.explain import explain_request
from bot.roles.format import format_analysis
from bot.roles.quiz import QUIZ_LENGTH, answer_quiz, load_quiz, question_text, score, score_text, start_quiz
from bot.roles.request import role_request

TEXTS = Texts("rol_tekst")  # knowledge/rollen/teksten.yml

QUIZ_ID = "rol_quiz_id"
ANSWER = "rol_quiz_antwoord"
DONE = status.DONE


def _text(tracker: Tracker) -> str:
    """The message without markup or injection strings around it (``bot.language.without_noise``)."""
    return without_noise((tracker.latest_message or {}).get("text") or "")


class ActionRolAnalyse(Action):
    def name(self) -> Text:
        return "action_rol_analyse"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:

        request = role_request(_text(tracker))
        if request.sentence is None:
            # the noise was the quoted sentence itself ("welke rol is dit: '; DROP TABLE x;--"): analyse it, so the
            # answer says it is no Dutch sentence instead of asking for one
            request = role_request((tracker.latest_message or {}).get("text") or "")
        if request.sentence is None:
            dispatcher.utter_message(text=TEXTS.text("vraag_zin"))
            return []
        analysis = analyse_role(request.sentence, own=request.own)
        dispatcher.utter_message(text=format_analysis(analysis))
        dispatcher.utter_message(json_message=analysis.to_payload())
        return []


class ActionRolUitleg(Action):
    def name(self) -> Text:
        return "action_rol_uitleg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        entity = next(tracker.get_latest_entity_values("rol"), None)
        text = explain_request(_text(tracker), entity)
        if text is None:
            dispatcher.utter_message(text=TEXTS.text("uitleg_onbekend"))
            return []
        dispatcher.utter_message(text=text)
        return []


class ActionRolQuizStart(Action):
    def name(self) -> Text:
        return "action_rol_quiz_start"

    @answers_a_wiped_conversation
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        quiz_id = start_quiz(tracker.sender_id)
        dispatcher.utter_message(text=TEXTS.text("quiz_intro", aantal=QUIZ_LENGTH))
        return [SlotSet(QUIZ_ID, float(quiz_id)), SlotSet(ANSWER, None)]


class ActionAskRolQuizAntwoord(Action):
    """Asks the current quiz sentence (the form's question for ``rol_quiz_antwoord``)."""

    def name(self) -> Text:
        return "action_ask_rol_quiz_antwoord"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        data = load_quiz(tracker.get_slot(QUIZ_ID))
        question = question_text(data) if data else None
        if question is None:
            dispatcher.utter_message(text=TEXTS.text("quiz_kwijt"))
            return []
        dispatcher.utter_message(text=question)
        return []


class ValidateRolQuizForm(FormValidation):
    def name(self) -> Text:
        return "validate_rol_quiz_form"

    def validate_rol_quiz_antwoord(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        quiz_id = tracker.get_slot(QUIZ_ID)
        if quiz_id is None:
            dispatcher.utter_message(text=TEXTS.text("quiz_kwijt"))
            return {ANSWER: DONE}
        result = answer_quiz(int(quiz_id), str(value or "")[:300])
        dispatcher.utter_message(text=result.explanation)
        if result.finished:
            return {ANSWER: DONE}
        return {ANSWER: None}


class ActionRolQuizScore(Action):
    def name(self) -> Text:
        return "action_rol_quiz_score"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        data = load_quiz(tracker.get_slot(QUIZ_ID))
        if data is not None and data["antwoorden"]:
            result = score(data)
            dispatcher.utter_message(text=score_text(result))
            dispatcher.utter_message(json_message={"soort": "rol_quiz_score", **result.to_dict()})
        return [SlotSet(QUIZ_ID, None), SlotSet(ANSWER, None)]
