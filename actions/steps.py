"""Rasa actions for the six-step preparation (thin: slots in, ``bot.steps`` does the work).

The form ``voorbereiden_form`` asks who the conversation is with and what is going on, then
walks through the six steps with the slot ``voorbereiden_invoer``: every answer is either a
navigation word (waarom, voorbeeld, volgende, terug, sla over, rol), a request (help, the plan so far, the menu), a
question to Rustpunt (answered, never stored) or a note for the step; a command or a question is never an answer to
"Met wie?" or "Wat speelt er?" either. Danger in any answer gets the shared safety advice first.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import answers_a_wiped_conversation
from actions.forms import FormValidation
from actions.kaart import answer_in_between, remembered_question
from bot import status
from bot.kaart import messages
from bot.kaart.dialog import VORIGE_VRAAG, asks_the_kaart_in_a_task, plaats_vervolg
from bot.language import NOT_DUTCH, unreadable, without_noise
from bot.steps import guide, navigation, preparation, texts
from bot.steps.plan import build_plan, format_plan_text, latest_plan, load_plan, masked_plan, save_plan
from bot.steps.request import continues_earlier, situation_from_request

FORM = "voorbereiden_form"
DONE = status.DONE
STEP_SLOTS = ("voorbereiden_stap", "voorbereiden_notities", "voorbereiden_getoond")
FORM_SLOTS = ("voorbereiden_wie", "voorbereiden_situatie", "voorbereiden_invoer") + STEP_SLOTS


def _say_classification(dispatcher: CollectingDispatcher, sentence: str) -> None:
    dispatcher.utter_message(text=preparation.classification_text(sentence))


def _say(dispatcher: CollectingDispatcher, messages) -> None:
    for message in messages:
        dispatcher.utter_message(text=message)


def _asked(tracker: Tracker, slot: str) -> bool:
    """The professional answered the form's question for ``slot`` now (not a value filled in before, by the start
    action, that the form validates when it activates)."""
    return tracker.get_slot("requested_slot") == slot


def _safety_first(dispatcher: CollectingDispatcher, text: str, told_before=()) -> None:
    """Veiligheid eerst, overal: what to do right now comes before anything the preparation says."""
    danger = preparation.safety_first(text, told_before)
    if danger:
        dispatcher.utter_message(text=danger)


def _command(text: str) -> Optional[str]:
    """A command typed at "Met wie?" or "Wat speelt er?" (the navigation words or one's own words: "stop", "help",
    "toon mijn plan", "ik wil terug naar het menu"), never an answer to the question."""
    return navigation.parse_command(text) or navigation.own_command(text)


def _before_the_steps(dispatcher: CollectingDispatcher, command: str, slot: str) -> Dict[Text, Any]:
    """The answer to a command at "Met wie?" (``slot`` voorbereiden_wie) or "Wat speelt er?": stop ends the
    preparation (nothing was noted: "gestopt", and the menu), 'terug' at the situation asks who again, 'sla over' or
    'volgende' there goes on without a situation; help, the plan (nothing noted yet) or any other command answers and
    asks the same question again."""
    if command == navigation.STOP:  # every slot filled: the form ends, and the closing action says nothing was noted
        return {"voorbereiden_wie": "ouder", "voorbereiden_situatie": "-", "voorbereiden_invoer": status.STOPPED,
                "voorbereiden_notities": {}} if slot == "voorbereiden_wie" else {
            "voorbereiden_situatie": "-", "voorbereiden_invoer": status.STOPPED}
    if slot == "voorbereiden_situatie" and command == navigation.TERUG:
        return {"voorbereiden_wie": None, "voorbereiden_situatie": None}
    if slot == "voorbereiden_situatie" and command in (navigation.OVERSLAAN, navigation.VOLGENDE):
        dispatcher.utter_message(text=texts.text("start_stappen"))
        return {"voorbereiden_situatie": "-"}  # as a resumed plan without a situation
    if command == navigation.SHOW_PLAN:
        dispatcher.utter_message(text=texts.text("plan_nog_leeg"))
    elif command == navigation.ROL:
        dispatcher.utter_message(text=guide.format_role())
    else:
        _say(dispatcher, preparation.help_text())
    return {slot: None}


class ValidateVoorbereidenForm(FormValidation):
    def name(self) -> Text:
        return "validate_voorbereiden_form"

    def validate_voorbereiden_wie(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        if _asked(tracker, "voorbereiden_wie"):
            _safety_first(dispatcher, text)
            answer = preparation.answer_question(text)  # "wat is een redder?" is no answer to "Met wie?"
            if answer:
                _say(dispatcher, answer)
                return {"voorbereiden_wie": None}
            command = _command(text)
            if command is not None:  # "help", "toon mijn plan" are no answer either
                return _before_the_steps(dispatcher, command, "voorbereiden_wie")
        situation = navigation.parse_situation_type(text)
        if situation is None:
            dispatcher.utter_message(text=texts.text("wie_onduidelijk"))
            return {"voorbereiden_wie": None}
        first = guide.step_ids()[0]
        return {
            "voorbereiden_wie": situation,
            "voorbereiden_stap": first,
            "voorbereiden_notities": {},
            "voorbereiden_getoond": None,
        }

    def validate_voorbereiden_situatie(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = " ".join(str(value or "").split())
        if not text:
            dispatcher.utter_message(text=texts.text("vraag_situatie"))
            return {"voorbereiden_situatie": None}
        if _asked(tracker, "voorbereiden_situatie"):
            _safety_first(dispatcher, text)  # the situation is kept: the preparation goes on after the advice
            answer = preparation.answer_question(text)  # "hoe erken ik zonder gelijk te geven?" is no situation
            if answer:
                _say(dispatcher, answer)
                return {"voorbereiden_situatie": None}
            command = _command(text)
            if command is not None:  # "toon mijn plan", "help", "terug" are no situation (a user test stored them)
                return _before_the_steps(dispatcher, command, "voorbereiden_situatie")
            if navigation.asks_how_to(text):  # "eh hoe hou ik hem rustig als hij gaat schelden": no situation either
                dispatcher.utter_message(text=texts.text("vraag_voor_stappen"))
                return {"voorbereiden_situatie": None}
        dispatcher.utter_message(text=texts.text("start_stappen"))
        return {"voorbereiden_situatie": text[:500]}

    def validate_voorbereiden_invoer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        if asks_the_kaart_in_a_task(text):
            # "waar kan een vader in Huizen terecht met ...?", "en in laren?", "pesten op school, meisje 7, in
            # blaricum" are no notes (danger: the kaart's); a place follow-up searches the question before again
            previous = remembered_question(tracker)
            answer_in_between(dispatcher, tracker, text, previous=previous)
            return {"voorbereiden_invoer": None,
                    VORIGE_VRAAG: previous if previous and plaats_vervolg(text) is not None else text[:1000]}
        if unreadable(text) == NOT_DUTCH and (text.rstrip().endswith("?") or asks_the_kaart_in_a_task(text)):
            # "where can a family with debts get help in hilversum?": not noted; the kaart works in Dutch
            dispatcher.utter_message(text=messages.NIET_NEDERLANDS)
            return {"voorbereiden_invoer": None}
        notes = tracker.get_slot("voorbereiden_notities")
        told = [tracker.get_slot("voorbereiden_situatie"), *(notes.values() if isinstance(notes, dict) else ())]
        _safety_first(dispatcher, text, told)  # then the note is kept as usual, and the next step comes up
        turn = preparation.step_turn(text, tracker.get_slot("voorbereiden_stap"), notes,
                                     tracker.get_slot("voorbereiden_wie"), tracker.get_slot("voorbereiden_situatie"))
        _say(dispatcher, turn.messages)
        return turn.slots


class ActionAskVoorbereidenWie(Action):
    def name(self) -> Text:
        return "action_ask_voorbereiden_wie"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=texts.text("vraag_wie"), buttons=texts.buttons("vraag_wie"))
        return []


class ActionAskVoorbereidenSituatie(Action):
    def name(self) -> Text:
        return "action_ask_voorbereiden_situatie"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=texts.text("vraag_situatie"))
        return []


class ActionAskVoorbereidenInvoer(Action):
    """Shows the full guide the first time a step comes up, a short prompt after that."""

    def name(self) -> Text:
        return "action_ask_voorbereiden_invoer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        steps = guide.step_ids()
        current = tracker.get_slot("voorbereiden_stap")
        if current not in steps:
            current = steps[0]
        step = guide.get_step(current)
        if tracker.get_slot("voorbereiden_getoond") != current:
            dispatcher.utter_message(text=guide.format_step_guide(current, tracker.get_slot("voorbereiden_wie")))
            dispatcher.utter_message(text=texts.text("invoer_vraag", stap_naam=step.naam))
        else:
            dispatcher.utter_message(text=texts.text("invoer_kort", stap_naam=step.naam))
        notes = tracker.get_slot("voorbereiden_notities")
        note = notes.get(current) if isinstance(notes, dict) else None
        if note:  # back at a step with a note ('terug'): show it, so it can be changed
            dispatcher.utter_message(text=texts.text("notitie_bij_stap", stap_naam=step.naam, notitie=note))
        return [SlotSet("voorbereiden_stap", current), SlotSet("voorbereiden_getoond", current)]


class ActionVoorbereidenStart(Action):
    """Start a fresh preparation: clear what a previous (stopped) preparation left behind.

    When the request already says who the conversation is with ("... met een vader ...") and what
    is going on ("... die vindt dat vader de kinderen tegen haar opzet"), those answers are kept, so
    the form does not ask them again."""

    def name(self) -> Text:
        return "action_voorbereiden_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        request = (tracker.latest_message or {}).get("text") or ""
        _safety_first(dispatcher, request)  # "... haar ex staat nu voor de deur": what to do now comes first
        dispatcher.utter_message(text=texts.text("intro"))
        events = [SlotSet(slot, None) for slot in FORM_SLOTS]
        earlier = latest_plan(tracker.sender_id) if continues_earlier(request) else None
        if earlier is not None and earlier.get("af") is False:  # "ik wil verder met mijn voorbereiding"
            return events + _resume(dispatcher, earlier)
        situation = navigation.parse_situation_type(request)
        if situation is not None:
            events += [
                SlotSet("voorbereiden_wie", situation),
                SlotSet("voorbereiden_stap", guide.step_ids()[0]),
                SlotSet("voorbereiden_notities", {}),
            ]
            told = situation_from_request(request)
            if told:  # the request already says what is going on: do not ask "Wat speelt er?" again
                dispatcher.utter_message(text=texts.text("situatie_overgenomen", situatie=told))
                events.append(SlotSet("voorbereiden_situatie", told))
        return events


def _resume(dispatcher: CollectingDispatcher, plan: Dict[str, Any]) -> List[Dict[Text, Any]]:
    """Go on with a preparation that was stopped halfway, from its stored (masked) plan, at the step where it
    stopped."""
    steps = guide.step_ids()
    stopped = (plan.get("gestopt_bij") or {}).get("id")
    current = stopped if stopped in steps else steps[0]
    notes = {step["id"]: step["zin"] for step in plan.get("stappen") or [] if step.get("zin")}
    situation = plan.get("situatie") or {}
    dispatcher.utter_message(text=texts.text("verder_met_plan", plan_id=plan.get("nummer", plan.get("id")),
                                             nummer=steps.index(current) + 1, stap_naam=guide.get_step(current).naam))
    return [
        SlotSet("voorbereiden_wie", situation.get("wie") or "ouder"),
        SlotSet("voorbereiden_situatie", situation.get("beschrijving") or "-"),
        SlotSet("voorbereiden_stap", current),
        SlotSet("voorbereiden_notities", notes),
    ]


def _show_plan(dispatcher: CollectingDispatcher, plan: Dict[str, Any]) -> None:
    dispatcher.utter_message(text=format_plan_text(plan))
    # the internal id stays out of the page: the professional's own number is in "nummer"
    dispatcher.utter_message(json_message={key: value for key, value in plan.items() if key != "id"})


class ActionVoorbereidenAfronden(Action):
    """After the form: build, store and show the gespreksplan. Also after a stop halfway ('stop', 'menu'), when
    something was noted: a plan that is not finished, stored masked, shown by 'toon mijn plan' and continued with
    'ik wil verder met mijn voorbereiding'."""

    def name(self) -> Text:
        return "action_voorbereiden_afronden"

    @answers_a_wiped_conversation
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        reset = [SlotSet(slot, None) for slot in FORM_SLOTS]
        finished = tracker.get_slot("voorbereiden_invoer") == DONE
        notes = tracker.get_slot("voorbereiden_notities")
        notes = notes if isinstance(notes, dict) else {}
        if not finished and not any(notes.values()):  # stopped before anything was noted: nothing to keep, say so
            dispatcher.utter_message(text=texts.text("gestopt_niets"))
            dispatcher.utter_message(response="utter_menu")
            return reset
        plan = build_plan(
            tracker.get_slot("voorbereiden_wie"),
            tracker.get_slot("voorbereiden_situatie"),
            notes,
            gestopt_bij=None if finished else (tracker.get_slot("voorbereiden_stap") or guide.step_ids()[0]),
        )
        plan_id = save_plan(plan, conversation_id=tracker.sender_id)
        # shown as stored, masked: the same for every step ('toon mijn plan' shows it so too)
        shown = load_plan(plan_id) or {**masked_plan(plan), "id": plan_id}
        number = shown.get("nummer", plan_id)  # counted within this conversation, not across everyone's plans
        if finished:
            _show_plan(dispatcher, shown)
            dispatcher.utter_message(text=texts.text("plan_opgeslagen", plan_id=number))
        else:  # stopped halfway ('stop', 'menu'): the notes are kept as a plan that is not finished
            dispatcher.utter_message(text=texts.text("gestopt_bewaard", plan_id=number))
            _show_plan(dispatcher, shown)
            dispatcher.utter_message(response="utter_menu")
        return reset + [SlotSet("voorbereiden_plan_id", str(plan_id))]


class ActionVoorbereidenToonPlan(Action):
    """'toon mijn plan': the plan of this conversation, again."""

    def name(self) -> Text:
        return "action_voorbereiden_toon_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        plan: Optional[Dict[str, Any]] = None
        plan_id = str(tracker.get_slot("voorbereiden_plan_id") or "")
        if plan_id.isdigit():  # only a plan of this conversation
            plan = load_plan(int(plan_id), conversation_id=tracker.sender_id)
        if plan is None:
            plan = latest_plan(tracker.sender_id)
        if plan is None:
            dispatcher.utter_message(text=texts.text("geen_plan"))
            return []
        _show_plan(dispatcher, plan)
        return [SlotSet("voorbereiden_plan_id", str(plan["id"]))]


class ActionVoorbereidenWelkeStap(Action):
    """'welke stap is dit: <zin>': recognise the step of a sentence and answer in Dutch."""

    def name(self) -> Text:
        return "action_voorbereiden_welke_stap"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = without_noise(tracker.latest_message.get("text") or "")  # "{{7*7}} welke stap is dit: ..."
        sentence = navigation.which_step_sentence(text)
        if sentence is None:  # phrased differently: use what follows a colon, if anything
            sentence = text.split(":", 1)[1].strip() if ":" in text else ""
        if not sentence:
            dispatcher.utter_message(text=texts.text("welke_stap_leeg"))
            return []
        _say_classification(dispatcher, sentence)
        return []


class ActionVoorbereidenRol(Action):
    """Explains the professional's role (outside the form; inside it the form handles 'rol')."""

    def name(self) -> Text:
        return "action_voorbereiden_rol"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=guide.format_role())
        return []
