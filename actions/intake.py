"""Rasa actions for vraagverheldering (thin: slots in, ``bot.intake`` does the work).

``intake_form`` has one free-text slot, ``intake_antwoord``; every message is handled by the intake
state machine (answer, 'sla over', 'terug', 'rond af', 'stop') whose state lives in ``intake_status``.
At the end ``action_intake_samenvatting`` stores a masked summary; ``terugbel_form`` registers a
terugbelverzoek.
"""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import answers_a_wiped_conversation
from actions.forms import FormValidation
from actions.kaart import answer_in_between
from bot.commands import is_forget_request
from bot.intake.callbacks import (
    CallbackError,
    names_the_callee,
    register,
    remember_contact,
    stored_when,
)
from bot.intake.export import export_text
from bot.intake.listen import ASPECT_NAMES, NO_ANSWER_WHO, says_no_subject, says_nothing
from bot.intake.questions import find_set, format_danger, format_question, format_set, set_names
from bot.intake.session import (
    ABOUT_THE_INTAKE,
    CONTACT_ONLY,
    CORRECTION,
    FORGET,
    INTAKE_FORGOTTEN,
    INTRODUCTION,
    KAART_QUESTION,
    NOT_TO_STORE,
    NOTED_REPLACED,
    NOTHING_WIPED,
    OPEN_QUESTIONS,
    STATUS_BUSY,
    STATUS_DONE,
    STATUS_STOPPED,
    WIPED,
    Intake,
    IntakeError,
)
from bot.intake.summary import build_summary, format_summary, store_summary
from bot.knowledge.loader import get_knowledge
from bot.knowledge.texts import Texts
from bot.language import unreadable
from bot.privacy.crypto import KeyFileError
from bot.privacy.forget import CALLBACK_KIND, HOW_TO_FORGET, forget_summary
from bot.privacy.masking import ConversationNames, known_names
from bot.wording import counted

FORM = "intake_form"
STATE_SLOT = "intake_status"
ANSWER_SLOT = "intake_antwoord"
SUMMARY_SLOT = "intake_samenvatting_id"
CALLBACK_SLOTS = ("terugbel_wie", "terugbel_waarover", "terugbel_wanneer")
CALLBACK_INTENT = "intake_terugbellen"
TEXTS = Texts("intake_tekst")  # knowledge/vraagverheldering/teksten.yml
logger = logging.getLogger(__name__)


def _knowledge():
    return get_knowledge()


def _intake(tracker: Optional[Tracker] = None) -> Optional[Intake]:
    """The intake; with ``tracker`` it masks the names and schools masked earlier in the conversation as well."""
    try:
        return Intake(_knowledge(), names=_names_so_far(tracker))
    except IntakeError:
        return None


def _names_so_far(tracker: Optional[Tracker]) -> ConversationNames:
    """The keyed hashes of the names masked in the conversation's earlier turns (``bot.privacy.masking``)."""
    if tracker is None or not tracker.sender_id:
        return ConversationNames()
    try:
        return ConversationNames(digests=known_names(tracker.sender_id))
    except Exception as exc:  # the names of earlier turns are missing; never lose the answer itself
        logger.warning("could not read the masked names of a conversation (%s)", type(exc).__name__)
        return ConversationNames()


START_INTENT = "start_vraagverheldering"


class ActionIntakeStart(Action):
    """Create a fresh intake state; the form then asks the first question. A first message that already tells what
    the call is about (``Intake.opening_tells``) is the answer to that question."""

    def name(self) -> Text:
        return "action_intake_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intake = _intake(tracker)
        if intake is None:
            dispatcher.utter_message(text=TEXTS.text("niet_beschikbaar"))
            return [SlotSet(STATE_SLOT, None)]
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        turn = intake.start(text if (message.get("intent") or {}).get("name") == START_INTENT else "")
        if (message.get("intent") or {}).get("name") == START_INTENT and intake.opening_tells(text):
            # "Ik heb een moeder aan de lijn, haar zoon ...": the answer to the first question, kept as such
            turn = intake.handle(turn.state, text)
            if turn.danger:
                dispatcher.utter_message(text=format_danger(turn.danger))
            for line in [TEXTS.text("eerste_bericht")] + listening_notes(turn):
                dispatcher.utter_message(text=line)
        return [SlotSet(STATE_SLOT, turn.state), SlotSet(ANSWER_SLOT, None), SlotSet(SUMMARY_SLOT, None)]


class ActionAskIntakeAntwoord(Action):
    """Ask the current question of the intake."""

    def name(self) -> Text:
        return "action_ask_intake_antwoord"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intake = _intake()
        state = tracker.get_slot(STATE_SLOT)
        view = None
        if intake is not None and isinstance(state, dict):
            try:
                view = intake.view(state)
            except (IntakeError, IndexError, KeyError, TypeError):
                view = None
        if view is None:
            dispatcher.utter_message(text=TEXTS.text("niet_beschikbaar"))
            return []
        dispatcher.utter_message(text=format_question(view))
        return []


class ValidateIntakeForm(FormValidation):
    def name(self) -> Text:
        return "validate_intake_form"

    def validate_intake_antwoord(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        intake = _intake(tracker)
        state = tracker.get_slot(STATE_SLOT)
        if intake is None or not isinstance(state, dict):
            dispatcher.utter_message(text=TEXTS.text("niet_beschikbaar"))
            return {ANSWER_SLOT: STATUS_STOPPED, STATE_SLOT: None}
        try:
            turn = intake.handle(state, str(value or ""))
        except IntakeError:
            dispatcher.utter_message(text=TEXTS.text("niet_beschikbaar"))
            return {ANSWER_SLOT: STATUS_STOPPED, STATE_SLOT: None}
        if turn.kind == KAART_QUESTION:  # the consultant asks the kaart mid-call: answered, the question stays open
            answer_in_between(dispatcher, tracker, str(value), context=intake.told(turn.state),
                              dangers=intake.dangers(turn.state))
            return {ANSWER_SLOT: None, STATE_SLOT: turn.state}
        if turn.danger:
            dispatcher.utter_message(text=format_danger(turn.danger))
        acknowledgement = noted_reply(turn)
        if acknowledgement:
            dispatcher.utter_message(text=acknowledgement)
        for line in listening_notes(turn):
            dispatcher.utter_message(text=line)
        reply = turn_reply(turn)
        if reply:
            dispatcher.utter_message(text=reply)
        if turn.contact_left_out:
            dispatcher.utter_message(text=TEXTS.text(turn.left_out_text))
        if turn.unclear:
            dispatcher.utter_message(text=TEXTS.text("veiligheid_onduidelijk"))
        status = turn.state["status"]
        if status == STATUS_BUSY:
            return {ANSWER_SLOT: None, STATE_SLOT: turn.state}
        return {ANSWER_SLOT: status, STATE_SLOT: turn.state}


def noted_reply(turn) -> Optional[str]:
    """A word that the answer was noted at the question asked ("Genoteerd."), or that it replaced the answer noted
    there before; None after a danger (its advice comes first) or an answer that avoided a safety question (that text
    says it was noted, but not clear). A user test of session 28: without it the consultant did not know the answer was
    kept."""
    if not turn.noted or turn.danger or turn.unclear:
        return None
    if turn.noted == NOTED_REPLACED:
        return TEXTS.text("genoteerd_vervangen")
    return TEXTS.text("genoteerd_hier" if turn.filed else "genoteerd")  # beside "Genoteerd bij ...": where


def turn_reply(turn) -> Optional[str]:
    """What the intake says to a turn that is no plain answer (an empty message, a request, no answer of the caller),
    else None."""
    if turn.kind in ("leeg", "begin"):
        return TEXTS.text(turn.kind)
    if turn.kind == INTRODUCTION:  # "er belt een juf over een leerling": who calls, the kern still open
        return TEXTS.text("alleen_introductie")
    if turn.kind == ABOUT_THE_INTAKE:  # "nee ik bedoel een intake" while the intake runs: nothing noted
        return TEXTS.text("over_de_intake")
    if turn.kind in (FORGET, WIPED, NOTHING_WIPED):
        return wiping_reply(turn.kind)
    if turn.kind == INTAKE_FORGOTTEN:  # "vergeet wat ik over deze beller typte": the intake, stopped
        return TEXTS.text("intake_vergeten", antwoorden=counted(turn.forgotten, "antwoord", "antwoorden"))
    if turn.kind == OPEN_QUESTIONS:  # "wat moet ik nog vragen?": the questions still open, nothing noted
        if not turn.open_questions:
            return TEXTS.text("open_vragen_geen")
        return TEXTS.text("open_vragen", vragen="\n".join(f"- {question}" for question in turn.open_questions))
    if turn.kind == "uitleg" and turn.question is not None:
        return TEXTS.text("uitleg_vraag", doel=turn.question.doel, doorvraag=turn.question.doorvraag)
    if turn.kind == "onleesbaar":  # emoji, random letters, another language: asked again, nothing noted
        return TEXTS.text(f"antwoord_{turn.no_answer}")
    if turn.kind == "geen_antwoord":
        return TEXTS.text("geen_antwoord_wie" if turn.no_answer == NO_ANSWER_WHO else "geen_antwoord_veiligheid")
    if turn.kind == CORRECTION and turn.corrected is not None:  # "nee wacht, ze is 13 niet 15"
        old, new, count = turn.corrected
        return TEXTS.text("correctie", oud=old, nieuw=new) if count else TEXTS.text("correctie_niet_gevonden",
                                                                                     oud=old or new)
    if turn.kind == CONTACT_ONLY:  # "ze is bereikbaar op 06-...": no fact of the case, nothing noted
        return f"{TEXTS.text(turn.left_out_text)} {TEXTS.text('contactgegevens_vraag_open')}"
    if turn.earlier_answer:  # back ('terug') at an answered question: what is noted there, to keep or replace
        return TEXTS.text("eerder_antwoord", antwoord=turn.earlier_answer)
    return None


def wiping_reply(kind: str) -> str:
    """The answer to a request to wipe, typed during the intake: how to wipe the whole conversation ("wis dit
    gesprek"), or that the last answer is wiped ("kun je dat wat ik net typte weghalen?") or that there is none."""
    if kind == WIPED:
        return TEXTS.text("antwoord_gewist")
    same_question = "De intake gaat verder met dezelfde vraag."
    if kind == NOTHING_WIPED:
        return f"{TEXTS.text('niets_gewist')} {HOW_TO_FORGET} {same_question}"
    return f"{HOW_TO_FORGET} {same_question}"


def forget_the_summary(number: Any) -> str:
    """Forget the summary saved at the end of the intake (and the call-back requests made from it) on a request typed
    right after it ("kunt u wat ik net over deze beller heb ingetypt weer vergeten?"); the reply says what was removed
    and what the chat history still holds."""
    raw = str(int(number)) if isinstance(number, (int, float)) else str(number or "")
    removed = forget_summary(raw)
    if not removed:
        return f"Samenvatting {raw} van de intake staat er niet meer; er is niets gewist. {HOW_TO_FORGET}"
    callbacks = removed.get(CALLBACK_KIND, 0)
    what = f"samenvatting {raw} van deze intake"
    if callbacks:
        what += (" en het terugbelverzoek dat erbij hoorde" if callbacks == 1
                 else f" en de {callbacks} terugbelverzoeken die erbij hoorden")
    return TEXTS.text("samenvatting_vergeten", wat=what)


def listening_notes(turn) -> List[str]:
    """Say where out-of-order answers were filed, and which questions are skipped because of that."""
    notes = [TEXTS.text("genoteerd_elders", aspect=ASPECT_NAMES.get(a, a), woorden=w) for a, w in turn.filed]
    if turn.kept_open:
        notes.append(TEXTS.text("vraag_nog_open"))
    notes += [TEXTS.text("al_beantwoord", aspect=ASPECT_NAMES.get(a, a), woorden=w) for a, w in turn.already_answered]
    return notes


class ActionIntakeSamenvatting(Action):
    """After the form: store and show the masked summary with the route advice. Also after a stop halfway, when the
    caller told something: a consultant who types 'stop' or 'menu' must not lose the answers."""

    def name(self) -> Text:
        return "action_intake_samenvatting"

    @answers_a_wiped_conversation
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:

        state = tracker.get_slot(STATE_SLOT)
        reset = [SlotSet(ANSWER_SLOT, None), SlotSet(STATE_SLOT, None)]
        stopped = isinstance(state, dict) and state.get("status") in (STATUS_STOPPED, STATUS_BUSY)
        if not isinstance(state, dict) or (stopped and not state.get("answers")):
            dispatcher.utter_message(text=TEXTS.text("gestopt"), buttons=TEXTS.buttons("gestopt"))
            return reset
        kept_back = bool(state.get(NOT_TO_STORE))  # "ze wil niet dat er iets wordt opgeslagen" during the intake
        if stopped:  # stopped halfway ('stop', 'menu'): what the caller told is kept, as after an early 'rond af'
            state = {**state, "status": STATUS_DONE, "pos": None}
            dispatcher.utter_message(text=TEXTS.text("gestopt_niet_bewaard" if kept_back else "gestopt_bewaard"))
        if state.get("status") != STATUS_DONE:
            dispatcher.utter_message(text=TEXTS.text("niet_beschikbaar"))
            return reset
        summary = build_summary(state, _knowledge())
        if kept_back:
            # shown, not stored (a user test of session 22: 'rond af' stored it anyway); the state (masked, as during
            # the intake) waits in its slot for "sla toch op" (``store_kept_back``)
            dispatcher.utter_message(text=format_summary(summary))
            payload = summary.to_payload()
            dispatcher.utter_message(json_message={**payload, "id": None, "tekst": export_text(payload)})
            dispatcher.utter_message(text=TEXTS.text("niet_opgeslagen"), buttons=TEXTS.buttons("niet_opgeslagen"))
            return [SlotSet(ANSWER_SLOT, None), SlotSet(STATE_SLOT, state), SlotSet(SUMMARY_SLOT, None)]
        record_id = store_summary(summary, conversation_id=tracker.sender_id)
        dispatcher.utter_message(text=format_summary(summary))
        payload = summary.to_payload()
        dispatcher.utter_message(json_message={**payload, "id": record_id, "tekst": export_text(payload)})
        # the number shows in the chat: it is the one 'rustpunt intake tekst' and 'rustpunt vergeet --samenvatting' take
        dispatcher.utter_message(text=TEXTS.text("na_samenvatting", nummer=record_id),
                                 buttons=TEXTS.buttons("na_samenvatting"))
        return reset + [SlotSet(SUMMARY_SLOT, record_id)]


def store_kept_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """"sla toch op" after a summary kept back (a wish not to store, ``NOT_TO_STORE``): the consultant confirms, and it
    is stored now; without such a summary waiting, say so. Returns the slot events."""
    state = tracker.get_slot(STATE_SLOT)
    if not (isinstance(state, dict) and state.get(NOT_TO_STORE) and state.get("status") == STATUS_DONE):
        dispatcher.utter_message(text=TEXTS.text("niets_op_te_slaan"))
        return []
    summary = build_summary(state, _knowledge())
    record_id = store_summary(summary, conversation_id=tracker.sender_id)
    dispatcher.utter_message(text=TEXTS.text("toch_opgeslagen", nummer=record_id),
                             buttons=TEXTS.buttons("toch_opgeslagen"))
    return [SlotSet(STATE_SLOT, None), SlotSet(SUMMARY_SLOT, record_id)]


class ActionIntakeVragenset(Action):
    """Show a question set ('geef me de vragen over het sociale netwerk')."""

    def name(self) -> Text:
        return "action_intake_vragenset"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        knowledge = _knowledge()
        sets = knowledge.all("vragenset")
        if not sets:
            dispatcher.utter_message(text=TEXTS.text("niet_beschikbaar"))
            return []
        entity = next(tracker.get_latest_entity_values("vragenset"), None)
        qset = (knowledge.get("vragenset", entity) if entity else None) or find_set(sets, entity)
        qset = qset or find_set(sets, tracker.latest_message.get("text"))
        if qset is None:
            dispatcher.utter_message(text=TEXTS.text("welke_set", sets=set_names(sets)))
            return []
        dispatcher.utter_message(text=format_set(qset))
        return []


class ValidateTerugbelForm(FormValidation):
    def name(self) -> Text:
        return "validate_terugbel_form"

    def _required(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:

        text = " ".join(str(value or "").split())
        if not text:
            dispatcher.utter_message(text=TEXTS.text("leeg"))
            return {slot: None}
        text = text[:500]
        return {slot: text}

    @staticmethod
    def _remember(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        """Keep the contact details of ``text`` now, encrypted, for the call-back: every answer as it arrives, also
        one that is asked again ("bellen op 06-11112222" is no subject, but its number is the contact; a user test of
        session 23 lost it), because the answer reaches the database masked. A request to forget keeps nothing."""
        if not text.strip() or is_forget_request(text):
            return
        try:
            remember_contact(tracker.sender_id, text)
        except KeyFileError as exc:
            logger.warning("call-back contact details not kept: %s", exc)
            dispatcher.utter_message(text=TEXTS.text("contact_niet_bewaard"))

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The message that asked for the call-back ("06-87654321 terugbellen") may hold the number: keep it now,
        encrypted, as the contact (fifth user test: it was lost); then validate the answers as usual."""
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        opening = (message.get("intent") or {}).get("name") == CALLBACK_INTENT or not tracker.get_slot("requested_slot")
        if opening and text and not text.startswith("/"):
            self._remember(dispatcher, tracker, text)
        return await super().get_validation_events(dispatcher, tracker, domain)

    def validate_terugbel_wie(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        text = str(value or "")
        if names_the_callee(text) and unreadable(text) is None:
            # "oma wil teruggebeld worden over ...": who is called back and about what, not who calls back
            self._remember(dispatcher, tracker, text)
            subject: Dict[Text, Any] = {}
            if not tracker.get_slot("terugbel_waarover"):
                subject = self._says_something("terugbel_waarover", text, CollectingDispatcher(), tracker,
                                               remember=False)
            noted = subject.get("terugbel_waarover")
            dispatcher.utter_message(text=TEXTS.text("terugbel_wie_beller_onderwerp" if noted else
                                                     "terugbel_wie_beller"))
            return {"terugbel_wie": None, **({"terugbel_waarover": noted} if noted else {})}
        return self._says_something("terugbel_wie", value, dispatcher, tracker)

    def validate_terugbel_waarover(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._says_something("terugbel_waarover", value, dispatcher, tracker)

    def validate_terugbel_wanneer(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._says_something("terugbel_wanneer", value, dispatcher, tracker)

    def _says_something(self, slot: str, value, dispatcher, tracker, remember: bool = True) -> Dict[Text, Any]:
        """A call-back field that says something: "ja", "ok" or "weet ik niet" is asked again with an example, and so
        is a subject of only a name, a number and a time; emoji, random letters or another language are asked again
        with the reason. The contact details in it are kept first, whether it is noted or asked again."""
        text = str(value or "")
        if remember:
            self._remember(dispatcher, tracker, " ".join(text.split())[:500])
        why = unreadable(text) if text.strip() and not says_nothing(text) else None
        if why:  # "😭😭😭", "asdfghjkl", an English sentence: asked again, in Dutch
            dispatcher.utter_message(text=TEXTS.text(f"antwoord_{why}"))
            return {slot: None}
        if says_nothing(text) or (slot == "terugbel_waarover" and text.strip() and says_no_subject(text)):
            dispatcher.utter_message(text=TEXTS.text(slot + "_vaag"))
            return {slot: None}
        return self._required(slot, value, dispatcher, tracker)


class ActionTerugbelverzoekOpslaan(Action):
    """Store the terugbelverzoek (masked) and confirm it."""

    def name(self) -> Text:
        return "action_terugbelverzoek_opslaan"

    @answers_a_wiped_conversation
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        reset = [SlotSet(slot, None) for slot in CALLBACK_SLOTS]
        summary_id = tracker.get_slot(SUMMARY_SLOT)
        try:
            wie, waarover, wanneer = (tracker.get_slot(slot) for slot in CALLBACK_SLOTS)
            record_id, note = register(
                wie, waarover, wanneer,
                conversation_id=tracker.sender_id,
                samenvatting_id=int(summary_id) if isinstance(summary_id, (int, float)) else None,
            )
        except CallbackError as exc:
            dispatcher.utter_message(text=str(exc))
            return reset
        dispatcher.utter_message(text=TEXTS.text("terugbelverzoek_opgeslagen", nummer=record_id,
                                                 wanneer=stored_when(record_id)))
        if note:
            dispatcher.utter_message(text=note)
        return reset


class _AskCallbackSlot(Action, ABC):
    """Ask one question of ``terugbel_form``; the text lives in knowledge (``vraag_<slot>``)."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The slot this action asks for (abstract, so the SDK skips this base class)."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=TEXTS.text(f"vraag_{self.slot}"))
        return []


class ActionAskTerugbelWie(_AskCallbackSlot):
    slot = "terugbel_wie"


class ActionAskTerugbelWaarover(_AskCallbackSlot):
    slot = "terugbel_waarover"


class ActionAskTerugbelWanneer(_AskCallbackSlot):
    slot = "terugbel_wanneer"
