"""Rasa actions for the role-play (thin: slots in, ``bot.roleplay`` does the work).

``rollenspel_form`` asks two slots. ``rollenspel_scenario``: the learner picks a scenario (buttons);
validation starts a stored session, shows the setting and the persona's first line.
``rollenspel_beurt``: every message during play goes to the engine; the slot is emptied after each
turn so the form keeps listening, until the scenario ends (slot set to ``klaar``) or the learner
stops. ``rollenspel_beurt`` has no ask action: the validation already sent the persona's line, and
without ``action_ask_``/``utter_ask_`` Rasa asks nothing, so a turn is one action-server call.
"hint", "hoe doe ik het?" and "stop rollenspel" are recognised by a text check in the
engine service, not by NLU intents. Only the session id is kept in a slot; the state is in the
database (``bot.records``, kind ``rollenspel``).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import answers_a_wiped_conversation
from actions.forms import FormValidation
from bot import commands, status
from bot.knowledge.texts import Texts
from bot.privacy.forget import how_to_forget
from bot.records import list_records, shown_number
from bot.roleplay import catalog, feedback
from bot.roleplay.retry import retry_turn
from bot.roleplay.session import KIND, PracticeService, SessionError, SessionGone, turn_payload

FORM = "rollenspel_form"
DONE = status.DONE
SLOTS = ("rollenspel_scenario", "rollenspel_beurt", "rollenspel_sessie")

_SERVICE: Dict[str, PracticeService] = {}


def service() -> PracticeService:
    """One service per process, created on first use (tests replace it with ``set_service``)."""
    if "default" not in _SERVICE:
        _SERVICE["default"] = PracticeService()
    return _SERVICE["default"]


def set_service(value: Optional[PracticeService]) -> None:
    _SERVICE.clear()
    if value is not None:
        _SERVICE["default"] = value


TEXTS = Texts("rollenspel_tekst")  # knowledge/scenarios/teksten.yml


def _metadata(tracker: Tracker) -> Dict[str, Any]:
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


class ActionAskRollenspelScenario(Action):
    """The scenario list: one button per scenario (title), one line each in the text."""

    def name(self) -> Text:
        return "action_ask_rollenspel_scenario"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        scenarios = catalog.scenarios()
        if not scenarios:
            dispatcher.utter_message(text=TEXTS.text("geen_scenarios"))
            return []
        intro = TEXTS.text("kies")
        lines = [feedback.scenario_line(s) for s in scenarios]
        buttons = [{"title": s.titel, "payload": s.id} for s in scenarios]
        dispatcher.utter_message(text=intro + "\n" + "\n".join(lines), buttons=buttons)
        return []


class ValidateRollenspelForm(FormValidation):
    def name(self) -> Text:
        return "validate_rollenspel_form"

    @answers_a_wiped_conversation
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        return await super().run(dispatcher, tracker, domain)  # the session's record is stored when it starts

    async def extract_rollenspel_scenario(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """At the start of the form only: a scenario named in the request itself ("ik wil oefenen met het kind
        van 12") is chosen without showing the list. Nothing while a scenario is asked or played."""
        if tracker.get_slot("requested_slot") or tracker.get_slot("rollenspel_scenario"):
            return {}
        message = tracker.latest_message or {}
        if (message.get("intent") or {}).get("name") != "start_rollenspel":
            return {}
        scenario = catalog.scenario_in_request(str(message.get("text") or ""))
        return {"rollenspel_scenario": scenario.id} if scenario else {}

    def validate_rollenspel_scenario(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        asked = tracker.get_slot("requested_slot") == "rollenspel_scenario"  # typed now, not set by a start action
        if asked and _retry_number(tracker) is not None:  # 'probeer opnieuw vanaf beurt 2' while the list is shown
            slots = retry_last_session(dispatcher, tracker)
            return {**slots, "rollenspel_beurt": None} if slots.get("rollenspel_scenario") else {
                "rollenspel_scenario": None}
        if asked and commands.is_forget_request(str(value or "")):  # "wis sessie 8" while the list is shown: how to
            dispatcher.utter_message(text=how_to_forget(str(value or "")))  # wipe, and the list stays
            return {"rollenspel_scenario": None}
        if _asks_for_the_menu(tracker, str(value or "")):  # "menu": the rule shows it, no "ask again" (a user test)
            return {"rollenspel_scenario": DONE, "rollenspel_beurt": DONE}
        scenario = catalog.find_scenario(str(value or ""))
        if scenario is None and _asks_something_else(tracker):
            # No scenario but another request ("toon mijn plan", a kaart question): stop choosing
            # instead of asking for a scenario again and again; the rule then shows the menu.
            dispatcher.utter_message(text=TEXTS.text("kies_gestopt"))
            return {"rollenspel_scenario": DONE, "rollenspel_beurt": DONE}
        if scenario is None:
            dispatcher.utter_message(text=TEXTS.text("kies_onduidelijk"))
            return {"rollenspel_scenario": None}
        if _resumed(tracker.get_slot("rollenspel_sessie"), scenario.id):  # 'probeer opnieuw vanaf beurt N'
            return {"rollenspel_scenario": scenario.id}
        metadata = _metadata(tracker)
        session_id, engine_state = service().begin(
            scenario.id, deelnemer=metadata.get("deelnemer"), groep=metadata.get("groep"),
            conversation_id=tracker.sender_id,
        )
        dispatcher.utter_message(text=feedback.setting_text(scenario))
        dispatcher.utter_message(text=TEXTS.text("uitleg"))
        dispatcher.utter_message(text=scenario.persona.opening)
        dispatcher.utter_message(
            json_message=turn_payload(session_id, scenario.id, engine_state["tension"], engine_state["role"], 0)
        )
        return {"rollenspel_scenario": scenario.id, "rollenspel_sessie": str(session_id)}

    def validate_rollenspel_beurt(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        session_id = tracker.get_slot("rollenspel_sessie")
        if not session_id:
            dispatcher.utter_message(text=TEXTS.text("geen_sessie"))
            return {"rollenspel_beurt": DONE}
        try:
            result = service().play(session_id, str(value or ""))
        except SessionGone as gone:  # wiped by the trainer during play: said once, then the menu (a user test: twice)
            dispatcher.utter_message(text=TEXTS.text("sessie_gewist", sessie=gone.number))
            return {"rollenspel_beurt": DONE, "rollenspel_sessie": None}
        except SessionError as exc:
            dispatcher.utter_message(text=str(exc))
            return {"rollenspel_beurt": DONE}
        if result.tekst:
            dispatcher.utter_message(text=result.tekst)
        for text in result.extra:  # another scenario: its setting, how to play, its first line
            dispatcher.utter_message(text=text)
        if result.payload and result.payload.get("soort") in ("rollenspel_beurt", "rollenspel_opnieuw"):
            dispatcher.utter_message(json_message=result.payload)
        if result.soort == "einde":
            return {"rollenspel_beurt": DONE}
        if result.soort == "wissel" and result.payload:  # "ik wil liever scenario 2 doen": the form plays that one now
            return {"rollenspel_scenario": result.payload["scenario"],
                    "rollenspel_sessie": str(result.payload["sessie"]), "rollenspel_beurt": None}
        return {"rollenspel_beurt": None}


# Requests for another part of Rustpunt: while a scenario is being chosen, these end the choosing.
OTHER_REQUESTS = frozenset({
    "start_vraagverheldering", "intake_vragen_tonen", "intake_terugbellen", "vragenset", "start_kaart",
    "kaart_zoek", "start_rollen", "rol_analyse", "rol_uitleg", "rol_oefenen", "start_voorbereiden",
    "voorbereiden_toon_plan", "voorbereiden_welke_stap", "menu", "help", "goodbye", "herlaad_kennis",
    "rollenspel_nabespreking",
})
MIN_REQUEST_CONFIDENCE = 0.5


def _asks_something_else(tracker: Tracker) -> bool:
    """The message that was no scenario is, by NLU, a confident request for something else."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return intent.get("name") in OTHER_REQUESTS and float(intent.get("confidence") or 0) >= MIN_REQUEST_CONFIDENCE


def _asks_for_the_menu(tracker: Tracker, value: str) -> bool:
    """"menu" or "terug naar het menu" (a stop phrase, ``bot.commands``) while a scenario is asked, or the menu intent
    on what is no scenario: the menu follows by rule (stories/roleplay.yml). "terug naar het menu" once chose the
    scenario with "terug" in it."""
    if commands.whole_message(value, (commands.STOP,)) is not None:
        return True
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return intent == "menu" and catalog.find_scenario(value) is None


def _resumed(session_id: Optional[str], scenario_id: str) -> bool:
    """A session of this scenario is already open in this conversation (after a retry)."""
    if not session_id:
        return False
    try:
        data = service().load(session_id)
    except SessionError:
        return False
    return data.get("scenario") == scenario_id and data.get("status") == status.BUSY


def _retry_number(tracker: Tracker) -> Optional[int]:
    """The turn of 'probeer opnieuw vanaf beurt 3'. The recogniser's number counts only when the message names a
    turn: a bare "1" after a role-play (a user test meant scenario 1) is no retry."""
    text = (tracker.latest_message or {}).get("text") or ""
    value = next(tracker.get_latest_entity_values("beurt"), None)
    if value is not None and str(value).strip().isdigit() and "beurt" in text.lower():
        return int(str(value).strip())
    return retry_turn(text)


class ActionRollenspelOpnieuw(Action):
    """'Probeer opnieuw vanaf beurt N' after a role-play ended: back to the state before turn N of the
    last session of this conversation; the form then continues that session."""

    def name(self) -> Text:
        return "action_rollenspel_opnieuw"

    @answers_a_wiped_conversation
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        events: List[Dict] = [SlotSet(slot, value) for slot, value in retry_last_session(dispatcher, tracker).items()]
        text = (tracker.latest_message or {}).get("text") or ""
        if _retry_number(tracker) is None and commands.whole_message(text, (commands.RESUME,)) == commands.RESUME \
                and not list_records(KIND, conversation_id=tracker.sender_id, limit=1):
            # "ik ben er weer" without a role-play in this conversation: the menu, not the list of scenarios (and
            # nothing after it: a follow-up 'utter_menu' made the policies add 'Sorry, dat begreep ik niet goed')
            dispatcher.utter_message(response=MENU)
            events.append(FollowupAction("action_listen"))
        return events


def retry_last_session(dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
    """'Probeer opnieuw vanaf beurt N' (or "die laatste beurt nog een keer"): back to the state before that turn of
    the last session of this conversation. The slots to set: the session's scenario and number when it worked (a new
    session after the end), else all empty. Used after the end and while a scenario is being chosen."""
    number = _retry_number(tracker)
    rows = list_records(KIND, conversation_id=tracker.sender_id, limit=1)
    empty: Dict[Text, Any] = {slot: None for slot in SLOTS}
    text = (tracker.latest_message or {}).get("text") or ""
    if number is None and commands.whole_message(text, (commands.RESUME,)) == commands.RESUME:
        return resume_last_session(dispatcher, rows, text)
    if number is None or not rows:
        dispatcher.utter_message(text=TEXTS.text("opnieuw_onduidelijk" if rows else "opnieuw_geen_sessie"))
        return empty
    result = service().retry(rows[0].pk, number)
    dispatcher.utter_message(text=result.tekst)
    if result.soort != "opnieuw" or result.payload is None:
        return empty
    dispatcher.utter_message(json_message=result.payload)
    return {"rollenspel_scenario": result.payload["scenario"], "rollenspel_beurt": None,
            "rollenspel_sessie": str(result.payload["sessie"])}  # a new session after the end


def resume_last_session(dispatcher: CollectingDispatcher, rows: List[Any], text: str) -> Dict[Text, Any]:
    """"Waar was ik?" when no role-play is open in the chat (the next day: Rasa's session ended after two hours and
    with it the form; a user test of session 29 got the greeting and the menu). The last role-play of this conversation
    goes on where it stood when it had not ended; an ended one is named, with how to try again from a turn. The slots
    to set: those of the session that goes on, else all empty (then the scenario list follows)."""
    empty: Dict[Text, Any] = {slot: None for slot in SLOTS}
    if not rows:
        dispatcher.utter_message(text=RESUME_NONE)
        return empty
    try:
        data = service().load(rows[0].pk)
    except SessionError:
        dispatcher.utter_message(text=RESUME_NONE)
        return empty
    scenario = catalog.get_scenario(str(data.get("scenario") or ""))
    title = scenario.titel if scenario is not None else str(data.get("titel") or "")
    if data.get("status") != status.BUSY or scenario is None:
        turns = len(((data.get("state") or {}).get("turns")) or [])
        dispatcher.utter_message(text=RESUME_ENDED.format(titel=title, beurten=turns) + (
            RESUME_RETRY.format(laatste=turns) if turns else "") + RESUME_NEW)
        return empty
    result = service().play(rows[0].pk, text)  # a RESUME command: where the talk stands, no turn
    dispatcher.utter_message(text=RESUME_OPEN.format(titel=title) + "\n" + result.tekst)
    return {"rollenspel_scenario": scenario.id, "rollenspel_beurt": None, "rollenspel_sessie": str(rows[0].pk)}


RESUME_NONE = "Ik vind in dit gesprek geen rollenspel om mee verder te gaan."
MENU = "utter_menu"
RESUME_OPEN = "Je was bezig met het rollenspel '{titel}'. We gaan verder waar je gebleven was."
RESUME_ENDED = "Je laatste rollenspel in dit gesprek, '{titel}', is al afgelopen (na {beurten} beurten)."
RESUME_RETRY = (" Wil je vanaf een beurt verder oefenen, typ dan bijvoorbeeld 'probeer opnieuw vanaf beurt {laatste}'"
                " (of een eerdere beurt).")
RESUME_NEW = " Je kunt ook hieronder een scenario kiezen."


class ActionRollenspelNabespreking(Action):
    """'Hoe deed ik het?' or 'tussenstand' outside a role-play: the debrief of this conversation's last
    role-play again (its quotes as stored, masked), or a pointer to start one."""

    def name(self) -> Text:
        return "action_rollenspel_nabespreking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        rows = list_records(KIND, conversation_id=tracker.sender_id, limit=1)
        if not rows:
            dispatcher.utter_message(text=TEXTS.text("nabespreking_geen_sessie"))
            return []
        try:
            result = service().finish(rows[0].pk, stopped=True)
        except SessionError as exc:
            dispatcher.utter_message(text=str(exc))
            return []
        dispatcher.utter_message(text=TEXTS.text("nabespreking_opnieuw") + "\n\n" + (result.debrief_tekst or ""))
        dispatcher.utter_message(json_message={"soort": "debrief", "sessie": rows[0].pk, **(result.debrief or {})})
        return []


class ActionRollenspelAfronden(Action):
    """End of play (scenario ended, or the learner stopped): debrief text + JSON, slots cleared."""

    def name(self) -> Text:
        return "action_rollenspel_afronden"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        session_id = tracker.get_slot("rollenspel_sessie")
        events = [SlotSet(slot, None) for slot in SLOTS]
        if not session_id:
            return events
        try:
            result = service().finish(session_id, stopped=True)
        except SessionGone as gone:
            dispatcher.utter_message(text=TEXTS.text("sessie_gewist", sessie=gone.number))
            return events
        except SessionError as exc:
            dispatcher.utter_message(text=str(exc))
            return events
        dispatcher.utter_message(text=result.debrief_tekst)
        dispatcher.utter_message(json_message={"soort": "debrief", "sessie": int(session_id), **(result.debrief or {})})
        if result.einde in (status.GOOD, status.BAD):  # it ended by itself: say so, and what can be done now
            dispatcher.utter_message(text=TEXTS.text("afgelopen"))
        return events


ENDING_ACTION = "action_rollenspel_afronden"


def ended_by_the_last_message(tracker: Tracker) -> bool:
    """The message before this one ended a role-play: ``action_rollenspel_afronden`` ran after it (a message after the
    end, even one that got 'afgelopen', is no turn of the session)."""
    users = 0
    for event in reversed(tracker.events or []):
        kind = event.get("event")
        if kind == "user":
            users += 1
            if users >= 2:
                return False
        elif users == 1 and kind == "action" and event.get("name") == ENDING_ACTION:
            return True
    return False


def wipe_last_turn_after_end(tracker: Tracker) -> Optional[str]:
    """The answer to a request to wipe the last message ("kun je dat laatste bericht verwijderen?") when this
    conversation's last role-play has ended: its last turn wiped when that turn was the message before (the session is
    the last thing), else plainly why not; None without an ended role-play in this conversation."""
    rows = list_records(KIND, conversation_id=tracker.sender_id, limit=1)
    if not rows or rows[0].status == status.BUSY:
        return None
    if not ended_by_the_last_message(tracker):
        return TEXTS.text("beurt_niet_gewist_na_einde", sessie=shown_number(rows[0]), sessie_id=rows[0].pk)
    try:
        return service().wipe_last_after_end(rows[0].pk).tekst
    except SessionError as exc:
        return str(exc)


def just_ended(tracker: Tracker) -> bool:
    """The answer to the previous message ended a role-play (``action_rollenspel_afronden`` ran since the message
    before this one), or every message since that end was still meant for the persona (each got the text
    'afgelopen'): a message now may still be meant for the persona (a user test: a line to the father who had hung up
    got "Tot ziens"; the second such line got "Sorry, dat begreep ik niet goed")."""
    ended = TEXTS.text("afgelopen")
    users = 0
    said_ended = False  # the answer to the message of this stretch said that the role-play has ended
    for event in reversed(tracker.events or []):
        kind = event.get("event")
        if kind == "user":
            users += 1
            if users >= 2 and not said_ended:
                return False
            said_ended = False
        elif users >= 1 and kind == "action" and event.get("name") == ENDING_ACTION:
            return True
        elif users >= 1 and kind == "bot" and event.get("text") == ended:
            said_ended = True
    return False
