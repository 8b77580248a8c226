"""Sociale kaart actions: a small form (question + at most one follow-up) and the search. The question searched is
remembered (slot ``kaart_vorige_vraag``), so a message after the results that only names a place ("en in
Blaricum?") searches it again there (``bot.kaart.dialog.vorige_vraag_opnieuw``)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import FormValidation
from bot.correction import AGE, restated
from bot.intake.danger import danger_message
from bot.kaart import messages
from bot.kaart.dialog import (
    READ,
    SLOTS,
    VORIGE_VRAAG,
    alleen_de_kaart,
    bijwerken,
    leeftijd_vervolg,
    lees,
    met_context,
    ontbreekt,
    onthoud,
    ouder_vervolg,
    plaats_vervolg,
    vorige_vraag_opnieuw,
    vorige_zoekopdracht,
    zoektekst,
)
from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.places import noemt_straat
from bot.kaart.query import Vraag, parse_vraag
from bot.language import looks_dutch
from bot.text import plain

FOLLOW_UP_MESSAGES = 5  # a follow-up ("en in Blaricum?") refers to a search at most this many messages back


def remembered_question(tracker: Tracker) -> Optional[str]:
    """The kaart question searched last, while a short follow-up ("en in Blaricum?", "en als ze 16 is?") can still
    mean it: searched (or searched again) at most ``FOLLOW_UP_MESSAGES`` messages ago. Later, after a role-play or an
    intake, "in Huizen" is no follow-up of a search long ago. Without the history, the slot alone counts."""
    question = tracker.get_slot(VORIGE_VRAAG)
    if not question:
        return None
    messages_since = 0
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            messages_since += 1
        elif event.get("event") == "slot" and event.get("name") == VORIGE_VRAAG:
            return question if messages_since <= FOLLOW_UP_MESSAGES else None
    return question


def is_kaart_question(text: str) -> bool:
    """A place (in the region, or one the kaart knows is outside it) and a problem the kaart knows; or a kind of help
    the kaart lacks ("iets laagdrempeligs online waar een puber anoniem kan chatten": the search says so first); or only
    a place outside the kaart ("iets in hollandsche rading?": the search says it lies outside). A user test of session
    22 got 'Sorry, dat begreep ik niet goed' for the last two."""
    parsed = parse_vraag(text)
    if (parsed.gemeente or parsed.buiten_regio) and parsed.themas:
        return True
    if parsed.buiten_regio and plaats_vervolg(text, parsed):
        return True
    return bool(ontbrekende_hulp(parsed.tekst))


def answer_in_between(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
                      context: Sequence[str] = (), dangers: Sequence[str] = (), previous: Optional[str] = None) -> None:
    """Answer a kaart question asked during another task (``asks_the_kaart``), then say the task goes on. A place or
    a problem the question leaves out ("waar kan ik haar naar verwijzen?") comes from ``context``: what the task
    already holds (the caller's answers); ``dangers``: the danger signals the task found (their advice was shown
    then), which the search carries (Veilig Thuis first). The question is about the family on the line, and the task
    goes on after it, so no hint to search again or to go to the menu. ``previous``: the kaart question asked before
    in the task, which a place follow-up ("en in laren?") searches again in that place."""
    again = vorige_vraag_opnieuw(previous, text) if previous and plaats_vervolg(text) is not None else None
    if again is not None:
        search_and_show(dispatcher, again[0], again[1], danger_shown=bool(dangers), gevaren=dangers, in_between=True,
                        place_of_the_question=False)
        dispatcher.utter_message(text=messages.TUSSENDOOR)
        return
    told = [part for part in context if part]
    again = vorige_vraag_opnieuw(". ".join(told), text) if told and ouder_vervolg(text) is not None else None
    if again is not None:  # "en voor de moeder zelf?": what the task holds, searched for the parent
        question, slots = again
        search_and_show(dispatcher, question, slots, danger_shown=bool(dangers), gevaren=dangers, in_between=True,
                        place_of_the_question=False)
        dispatcher.utter_message(text=messages.TUSSENDOOR)
        return
    read = lees(text, (tracker.latest_message or {}).get("entities", []))
    age = leeftijd_vervolg(text)  # "en als hij 17 is?": that age, not the one the caller told
    slots, used = met_context(text, read if age is None else {**read, "kaart_leeftijd": age}, context)
    if used:
        dispatcher.utter_message(text=messages.uit_de_taak(used))
    search_and_show(dispatcher, text, slots, danger_shown=bool(dangers), gevaren=dangers, in_between=True)
    dispatcher.utter_message(text=messages.TUSSENDOOR)


def _reset() -> List[Dict[Text, Any]]:
    return [SlotSet(slot, None) for slot in SLOTS]


class ActionKaartReset(Action):
    """Forget an earlier kaart question, also the one searched last, before a new one starts."""

    def name(self) -> Text:
        return "action_kaart_reset"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        return _reset() + [SlotSet(VORIGE_VRAAG, None)]


class ValidateKaartForm(FormValidation):
    def name(self) -> Text:
        return "validate_kaart_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        if tracker.get_slot("kaart_vraag") is None:
            return ["kaart_vraag"]
        if ontbreekt(tracker.get_slot("kaart_gemeente"), tracker.get_slot("kaart_thema")):
            return ["kaart_vraag", "kaart_aanvulling"]
        return ["kaart_vraag"]

    def validate_kaart_vraag(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[Text, Any]:
        text = str(slot_value or "").strip()
        if not text:
            dispatcher.utter_message(text=messages.VRAAG_LEEG)
            return {"kaart_vraag": None}
        previous = remembered_question(tracker)
        again = vorige_vraag_opnieuw(previous, text)
        if again is not None:  # "en in Blaricum?" after the results: the previous question, in that place
            question, slots = again
            return {"kaart_vraag": question, "kaart_aanvulling": None, **slots}
        read = lees(text, tracker.latest_message.get("entities", []))
        if _not_dutch(text, read):  # "my son skips school in Hilversum": say why, not "Waar gaat het vooral om?"
            dispatcher.utter_message(text=messages.NIET_NEDERLANDS)
            return {"kaart_vraag": None}
        return {"kaart_vraag": text[:1000], "kaart_aanvulling": None, **read}

    def validate_kaart_aanvulling(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "kaart_aanvulling":
            return {"kaart_aanvulling": None}  # a stale value, not an answer to our question
        text = str(slot_value or "").strip()[:1000] or "-"
        if alleen_de_kaart(text, (tracker.latest_message.get("intent") or {}).get("name")):
            dispatcher.utter_message(text=messages.AL_IN_DE_KAART)
            return {"kaart_aanvulling": None}  # the form asks its question again
        parsed = parse_vraag(text)
        if _answered_in_between(dispatcher, text, parsed):  # "wat is de winnaarsdriehoek?" is no place
            return {"kaart_aanvulling": None}  # the form asks its question again
        current = {k: tracker.get_slot(k) for k in READ}
        age = leeftijd_vervolg(text, parsed)
        fix = restated(text) if age is None else None
        if fix is not None and fix.kind == AGE:
            age = fix.age
        if age is not None:  # "en als hij 17 is", "nee, ze is 13": the age changes, the rest is still asked
            return {"kaart_aanvulling": None, "kaart_leeftijd": age}
        extra = lees(text, tracker.latest_message.get("entities", []), parsed)
        if _not_dutch(text, extra):
            dispatcher.utter_message(text=messages.NIET_NEDERLANDS)
            return {"kaart_aanvulling": None}  # the form asks its question again
        again = vorige_vraag_opnieuw(remembered_question(tracker), text) if extra["kaart_thema"] is None else None
        if again is not None and current["kaart_thema"] is None:
            # the question only named a place ("iets in hilversum?") and the answer asks the same again ("en hilversum
            # dan"): the previous question, with the place (and age) this question named (a user test of session 22
            # got "Ik herkende in je vraag nog geen probleem")
            question, slots = again
            named = {key: value for key, value in current.items() if value is not None and extra.get(key) is None}
            return {"kaart_vraag": question, "kaart_aanvulling": None, **slots, **named}
        return {"kaart_aanvulling": text, **bijwerken(current, extra)}


def _answered_in_between(dispatcher: CollectingDispatcher, text: str, parsed: Optional[Vraag] = None) -> bool:
    """A question for Rustpunt itself while the kaart waits for the place or the problem ("wat is de
    winnaarsdriehoek?", "welke rol is dit: '...'", "hoe erken ik een boze moeder?"; a user test of session 23 took the
    first as the missing place): answered (``bot.steps.preparation.answer_to_rustpunt``), not kept as the answer, and
    the kaart's question comes again. A wish to practise is no answer either: how to get there. A message that names a
    place or an age is an answer (a problem word alone may stand in a question about the method: "welke vormen van
    ouderschap zijn er na een scheiding?"). ``parsed``: ``text`` as ``parse_vraag`` read it, when the caller has it
    already."""
    from bot.commands import is_practice_request, which_question
    from bot.steps.preparation import answer_to_rustpunt

    if which_question(text) is None:  # "welke rol is dit: '...'" is asked whatever it names
        parsed = parsed or parse_vraag(text)
        if parsed.gemeente or parsed.buiten_regio or parsed.leeftijd is not None:  # "en in Huizen, hoe zit dat?"
            return False
    answers = answer_to_rustpunt(text)
    if answers is None:
        if not is_practice_request(text):
            return False
        answers = [messages.ANDERE_TAAK]  # "ik wil oefenen": the kaart's question is open
    else:
        answers.append(messages.VRAAG_TUSSENDOOR)
    for answer in answers:
        dispatcher.utter_message(text=answer)
    return True


def _not_dutch(text: str, read: Dict[str, Any]) -> bool:
    """The message reads as another language (``bot.language.looks_dutch``) and names no problem the kaart knows: a
    short Dutch note ("jongen 18 Laren, schulden door online gokken") may not look Dutch, but its problem is read (a
    user test of session 22 got a Dutch question about the problem for English, with no word why)."""
    return read.get("kaart_thema") is None and not looks_dutch(text)


class ActionAskKaartVraag(Action):
    """Ask for the situation (first question of the form)."""

    def name(self) -> Text:
        return "action_ask_kaart_vraag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=messages.VRAAG_STELLEN)
        return []


class ActionAskKaartAanvulling(Action):
    """The one follow-up question: ask for the place, the problem, or both."""

    def name(self) -> Text:
        return "action_ask_kaart_aanvulling"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        missing = ontbreekt(tracker.get_slot("kaart_gemeente"), tracker.get_slot("kaart_thema")) or "probleem"
        if missing == "gemeente" and noemt_straat(str(tracker.get_slot("kaart_vraag") or "")):
            # a street and no place ("een portiek aan de Taagdreef"): Rustpunt knows no streets, and says so
            dispatcher.utter_message(text=messages.GEEN_PLAATS_HERKEND)
            return []
        dispatcher.utter_message(text=messages.VERVOLGVRAAG[missing])
        return []


class ActionKaartZoek(Action):
    """Search the kaart with what the form collected and show the best services."""

    def name(self) -> Text:
        return "action_kaart_zoek"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        text = zoektekst(tracker.get_slot("kaart_vraag"), tracker.get_slot("kaart_aanvulling"))
        slots = {k: tracker.get_slot(k) for k in READ}
        previous = tracker.get_slot(VORIGE_VRAAG)
        # a follow-up searches the previous question again: its place is the slot's, not the village that question
        # names ("en in Muiderberg?" after a question about Bussum)
        again = bool(previous) and vorige_zoekopdracht(previous)[0] == text
        search_and_show(dispatcher, text, slots, place_of_the_question=not again)
        return _reset() + [SlotSet(VORIGE_VRAAG, onthoud(text, slots))]


def slot_age(value: Any) -> Tuple[Optional[int], bool]:
    """The ``kaart_leeftijd`` slot as (whole years or None, unreadable): unreadable when it holds something that is no
    number (text a story, a form or an older tracker put there, a bool, NaN); then the age is None. A number out of
    range is passed on: the search refuses it with its own Dutch message (``check_leeftijd``)."""
    if value is None or isinstance(value, str) and not value.strip():
        return None, False
    if isinstance(value, bool):
        return None, True
    try:
        return int(float(value.strip().replace(",", ".") if isinstance(value, str) else value)), False
    except (TypeError, ValueError, OverflowError):
        return None, True


def search_and_show(dispatcher: CollectingDispatcher, text: str, slots: Dict[str, Any],
                    danger_shown: bool = False, gevaren: Sequence[str] = (), in_between: bool = False,
                    place_of_the_question: bool = True) -> None:
    """Search the kaart with the question and what was understood of it (``lees``) and show the best services;
    danger in the question ("denkt aan zelfmoord") first, with what to do right now, unless already shown.
    ``gevaren`` and ``in_between``: a question asked inside another task (``answer_in_between``), with the danger
    signals that task found; it ends without the hint to search again, as the task goes on.
    ``place_of_the_question``: False for a previous question searched again (a follow-up): the reply then names the
    village or wijk only when the slot itself names it, not the one the previous question named
    (``Zoekresultaat.plaats``)."""
    from bot.kaart.format import payload, resultaat_tekst  # lazy: with the search, on first use
    from bot.kaart.search import zoek  # lazy: the search index is built on first use

    danger = None if danger_shown else danger_message(text, then=messages.NA_GEVAAR)
    if danger:
        dispatcher.utter_message(text=danger)

    gemeente: Optional[str] = slots.get("kaart_gemeente")
    leeftijd, unreadable = slot_age(slots.get("kaart_leeftijd"))
    if unreadable:  # a story, a form or an older tracker put something else in the slot: searched without it
        dispatcher.utter_message(text=messages.LEEFTIJD_ONLEESBAAR)
    result = zoek(text, leeftijd=leeftijd, gemeente=gemeente,
                  thema=slots.get("kaart_thema"), limit=5, gevaren=gevaren, voor_gezin=in_between)
    if not place_of_the_question and result.plaats is not None \
            and plain(str(gemeente or "")) != plain(result.plaats):
        result.plaats = None
    if result.hits and not result.ontbreekt and not result.alleen_ingang:  # those messages say what follows
        dispatcher.utter_message(text=messages.RESULTATEN_INTRO)
    dispatcher.utter_message(text=resultaat_tekst(result))
    dispatcher.utter_message(json_message=payload(result))
    if not in_between:
        dispatcher.utter_message(text=messages.NOG_EEN)
