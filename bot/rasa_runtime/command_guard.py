"""Two commands the model must not guess: stop (``bot.commands.is_stop_request``) and forget
(``bot.commands.is_forget_request``).

The model learned "stoppen" as the word of the stop intent, so "zoon 16 wil stoppen met school, Huizen" ended in
"Goed, ik ben gestopt" instead of a kaart search (a user test), and a role-play turn like "ik wil dat jullie
stoppen met ruzie maken" could end the role-play. ``CommandIntentGuard`` runs after the intent classifier and before
the ``FallbackClassifier`` (config.yml): a stop intent on a message that does not ask to stop gives way to the next
intent of the ranking; when that one is unsure, the fallback reads the message as a question (kaart, step, role).

A message in another language ("Hi, I have a mother on the phone ...") goes to the fallback too, which says that
Rustpunt works in Dutch; the model had matched it to an intent and answered "Daar kan ik je niet mee helpen".

A message that names only a child and its age ("zoon 15", "meisje van 14") starts a kaart question
(``bot.kaart.query.only_a_child``): the model read "zoon 15" as out of scope ("Daar kan ik je helaas niet mee helpen", a
user test) while "dochter 13" started the kaart, which then asks for the problem and the place. Inside a task the
task's form still takes the message first (a loop goes before rules).

The intake's intent likewise needs a clear request for an intake (someone on the line, "intake", "vraagverheldering"):
after a role-play ended, a practice line ("ik bel hem vandaag nog en zeg dat hij zich moet gedragen") started an
intake and became the caller's first answer (a user test).

A request to forget ("vergeet mij", "vergeet alles wat ik over mevrouw De Wit heb ingetypt") has no intent of its
own; the model read such messages as the menu or help. ``CommandIntentGuard`` makes it ``nlu_fallback``, whose action
explains how to wipe the conversation; inside a role-play or a task the form reads it as the same request. Its
counterpart "sla toch op" (``bot.commands.asks_to_store_anyway``: an intake summary kept back on such a wish may be
stored after all) goes to the fallback too, which stores that summary.

Three more requests of the one command vocabulary are read here, not guessed (user tests of session 20):
- "probeer opnieuw vanaf beurt 2", "kan ik die laatste beurt nog een keer over doen?" (``bot.roleplay.retry``): the
  retry intent, whose action finds the turn;
- "welke stap is dit: <zin>" and "welke rol is dit: <zin>" (``bot.commands.which_question``, a sentence after it):
  the step or role answer ("... van mama naar papa gaat?" opened the scenario list);
- a wish to practise ("ik wil even oefenen, kan dat?", "ik wil graag een rollenspel met de boze vader", after a
  role-play "nog eentje dan, de mdo" or "ik wil liever scenario 2 doen"; ``bot.commands.is_practice_request``): the
  role-play, unless the model read another role-play request or the roles quiz ("Sorry", a greeting, or a
  preparation before).
Inside a form the form still reads the message first; the role-play form answers these itself, and also a question
about the persona's role ("welke rol heeft zij nu?"), a request for feedback so far ("hoe gaat het tot nu toe?") and a
wish for another scenario during play (``bot.roleplay.session.command_of``); such a wish is never a stop request.

A question about the six steps, the pitfalls or the roles ("wat is stap 5", "hoe erken ik zonder gelijk te geven?",
"mag ik bij stap 2 al advies geven?", "ik merk dat ik zelf steeds ga redden bij die moeder, hoe stop ik daarmee";
``bot.steps.navigation.method_question``) goes to the fallback, which answers it as the preparation does
(``actions.fallback``): the model read them as out of scope ("Daar kan ik je helaas niet mee helpen"), as a kaart
question, or was unsure ('Sorry, dat begreep ik niet', a user test of session 21). A request the model read for a
task or a sentence to analyse stays (``_METHOD_KEEPS``), and so does the explanation of a role the model read as such
(``action_rol_uitleg`` gives the same answer); a question with a place and a problem of the kaart stays the kaart's.

A message that opens a call the consultant has on the line now ("ik heb een ib'er aan de lijn van de wereldwijzer in
hilversum, gaat over een meisje uit groep 8"; ``bot.intake.opening.opens_a_call``) starts the intake unless it asks
the kaart something (``bot.kaart.dialog.asks_the_kaart``: "..., waar kan ik hem heen sturen?") or the model read
another request of its own (``_CALL_KEEPS``): the model read the kaart and a search started (a user test of session
22). A correction of an age or a place ("nee wacht, ze is 13 niet 15"), or a message that only restates one ("nee ze
is 12", "ze is 14", "14 jaar"; ``bot.correction.restated``) goes to the fallback, which searches the previous kaart
question again with it: the model read them as out of scope (0.61 to 0.87, a second-round user test of session 22).
A request of its own that the model read (``_CALL_KEEPS``) stays only when the model is sure of it (``KEEP_AT_LEAST``):
"er belt een voetbaltrainer van een jongen van 10, hij maakt zich zorgen" read as a role analysis at 0.18 got 'Sorry'
(a user test of session 24). A question for a kind of help (``bot.kaart.dialog.asks_for_a_service``: "is er een
voedselbank?", "is er ook een oudercursus of zo voor de ouders?"), and an opening of a call that ends in a question
to the kaart ("huisarts belt: meisje van 9 plast ... is daar iets voor?"), go to the kaart's form, which reads a
follow-up of the previous search or asks for what it lacks (the same user test got 'Sorry', the preparation's info
and an intake).

A message with a danger signal ("papa zegt dat hij mama dood maakt als ze weggaat"; ``bot.intake.danger``) that the
model read as a greeting, thanks, help, the menu or out of scope (``MENU_INTENTS``: a fixed text and the
menu) goes to the fallback, which gives the safety advice first and then answers a kaart question it holds (a user
test of session 22: "Veiligheid eerst, overal").

A question wrapped in markup or an injection string ("<script>alert(1)</script> zoon 14 spijbelt in Huizen",
"'; DROP TABLE records; -- kind 8 gepest laren") goes to the fallback, which reads the words without the noise
(``bot.language.without_noise``) as a kaart, step or role question: the model read both as out of scope (0.99 and
0.62) and answered "Daar kan ik je helaas niet mee helpen" (a user test of session 20).
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from bot.commands import (
    RESUME,
    WHICH_OWN_ROLE,
    WHICH_ROLE,
    WHICH_STEP,
    asks_to_store_anyway,
    is_forget_request,
    is_practice_request,
    is_stop_request,
    which_question,
    whole_message,
)
from bot.correction import restated
from bot.intake.danger import danger_in
from bot.intake.opening import asks_for_an_intake, opens_a_call
from bot.kaart.dialog import asks_for_a_service, asks_the_kaart
from bot.kaart.query import only_a_child, parse_vraag
from bot.language import looks_dutch, without_noise, words
from bot.roleplay.retry import retry_turn
from bot.steps.navigation import DIFFERENCE, method_question
from bot.text import plain

logger = logging.getLogger(__name__)

STOP_INTENT = "stop"
INTAKE_INTENT = "start_vraagverheldering"  # only on a clear request (``bot.intake.opening.asks_for_an_intake``)
KAART_INTENT = "kaart_zoek"  # a kaart question: the kaart's form reads it (actions/kaart.py)
RETRY_INTENT = "rollenspel_opnieuw"
PRACTICE_INTENT = "start_rollenspel"
WHICH_INTENTS = {WHICH_STEP: "voorbereiden_welke_stap", WHICH_ROLE: "rol_analyse", WHICH_OWN_ROLE: "rol_analyse"}
# What the model may read a wish to practise as and stays: another role-play request, or the roles quiz.
_PRACTICE_KEEPS = frozenset({PRACTICE_INTENT, RETRY_INTENT, "rollenspel_nabespreking", STOP_INTENT, "rol_oefenen",
                             "start_rollen"})
# What the model may read a question about the method as and stays: a task, a sentence to analyse, a command.
_METHOD_KEEPS = frozenset({"start_voorbereiden", "voorbereiden_welke_stap", "voorbereiden_toon_plan", "rol_analyse",
                           "rol_oefenen", PRACTICE_INTENT, RETRY_INTENT, "rollenspel_nabespreking", STOP_INTENT,
                           INTAKE_INTENT, "intake_vragen_tonen", "intake_terugbellen", "herlaad_kennis"})
# What the model may read the opening of a call as and stays (``opens_a_call``): a request of its own (a callback, a
# question set, a role-play, a preparation, a command); any other intent (the kaart's, out of scope, an answer) gives
# way to the intake, and the intake's own reading is made sure (the model may have been unsure).
_CALL_KEEPS = frozenset({"intake_vragen_tonen", "intake_terugbellen", PRACTICE_INTENT, RETRY_INTENT,
                         "rollenspel_nabespreking", "rol_oefenen", "start_rollen", "rol_analyse", "rol_uitleg",
                         "voorbereiden_welke_stap", "start_voorbereiden", STOP_INTENT, "herlaad_kennis"})
# ... but only when the model is sure of it: "er belt een voetbaltrainer van een jongen van 10, hij maakt zich zorgen"
# (the role analysis at 0.18) got 'Sorry' (a user test of session 24)
KEEP_AT_LEAST = 0.5
ROLE_EXPLANATION_INTENT = "rol_uitleg"
# Intents whose rule answers with a fixed text and the menu (stories/base.yml): a message with a danger signal read as
# one of them goes to the fallback, which gives the safety advice first (``bot.intake.danger``)
MENU_INTENTS = frozenset({"greet", "menu", "help", "thanks", "goodbye", "out_of_scope"})
MAX_METHOD_CHARS = 400  # a question about the method is short (``bot.steps.navigation``); a long message is none
# Beside an intent the guard decided: no other intent above this, so no ambiguity with it (config.yml: 0.1).
OTHERS_AT_MOST = 0.5
MIN_FOREIGN_WORDS = 3  # "ok thanks" or "sorry" is no message in another language


# A greeting before a request ("goedemiddag, ik wil graag een rollenspel doen met de moeder die ...", "hallo, ik wil een
# intake doen"): the model gave the greeting a share of its certainty (0.26 to 0.45), so the request fell under the
# fallback's threshold ("Sorry, dat begreep ik niet goed", a user test of session 24) or the greeting won. The greeting
# carries nothing when more follows (``CommandIntentGuard``).
GREET_INTENT = "greet"
_GREETING_FIRST = re.compile(
    r"^\W*(?:(?:hoi|hallo|hai|hey|hee|hi|dag|goedemorgen|goedemiddag|goedenavond|goedendag|goeiemorgen|goeiemiddag|"
    r"goeienavond)(?:\s+(?:allemaal|daar|hoor|rustpunt))?(?:[\s,!.:;-]+|$))+")
MIN_WORDS_AFTER_GREETING = 3  # "hallo, ik ben er" is small talk; a request has a few words


def greeted(text: Text) -> bool:
    """The message opens with a greeting and says more (at least ``MIN_WORDS_AFTER_GREETING`` words)."""
    found = _GREETING_FIRST.match(plain(text or ""))
    return found is not None and len(words(plain(text or "")[found.end():])) >= MIN_WORDS_AFTER_GREETING


def wrapped_in_noise(text: Text) -> bool:
    """True when markup or an injection string stands around words of a message ("<b>zoon 14</b> spijbelt"): the
    fallback reads what is left; False for a message of only noise or without any."""
    cleaned = without_noise(text)
    return cleaned != " ".join((text or "").split()) and bool(words(cleaned))

# A task the model read stays only when the message asks for it in words of its own: a how-to question ("hoe erken ik
# een moeder die alleen maar boos is", "ik schiet steeds in de redderrol, ... hoe kom ik daar weer uit?") read as a
# preparation or the intake's questions, "moet ik nou altijd proberen dat ouders weer met elkaar praten?" read as a
# retry of the role-play, or a question about a child in the middle read as a role-play, is a question about the
# method (a user test of session 23 got a preparation at step 1, a question set and "Er is in dit gesprek nog geen
# rollenspel om opnieuw te proberen").
_ASKED_FOR = {
    "start_voorbereiden": re.compile(r"\b(?:voorbereid\w*|voor te bereiden|gespreksplan\w*|plan maken)\b"),
    "intake_vragen_tonen": re.compile(r"\b(?:vragenlijst\w*|vragenset\w*|intakevragen|welke vragen|de vragen)\b"),
    RETRY_INTENT: re.compile(r"\b(?:opnieuw|overnieuw|nog een keer|nog eens|overdoen|over doen|beurt\w*)\b"),
}


def _asked_for(text: Text, intent: Any, asked_intake: Optional[bool] = None) -> bool:
    """The message asks for the task the model read (``_ASKED_FOR``); the intake and the role-play have their own
    checks (``asked_intake``: ``asks_for_an_intake(text)`` when the caller has it already). Other intents of
    ``_METHOD_KEEPS`` always stay."""
    if intent == INTAKE_INTENT:
        return asks_for_an_intake(text) if asked_intake is None else asked_intake
    if intent == PRACTICE_INTENT:
        return is_practice_request(text)
    pattern = _ASKED_FOR.get(intent)
    return pattern is None or bool(pattern.search(plain(text)))


def asks_about_the_method(text: Text, intent: Any, asked_intake: Optional[bool] = None) -> bool:
    """A question about the steps, pitfalls or roles that the fallback answers (see the module doc), unless the model
    read a task or command that the message asks for (``_METHOD_KEEPS``, ``_asked_for``; ``asked_intake`` as there)
    or a plain role explanation, or the question is the kaart's."""
    if (intent in _METHOD_KEEPS and _asked_for(text, intent, asked_intake)) or len(text or "") > MAX_METHOD_CHARS:
        return False
    topics = method_question(text)
    if not topics:
        return False
    if intent == ROLE_EXPLANATION_INTENT and all(kind in ("rol", "driehoek", DIFFERENCE) for kind, _ in topics):
        return False
    parsed = parse_vraag(text)
    return not ((parsed.gemeente or parsed.buiten_regio) and parsed.themas)


try:  # the component needs Rasa; bot.commands does not
    from rasa.engine.graph import ExecutionContext, GraphComponent
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.engine.storage.resource import Resource
    from rasa.engine.storage.storage import ModelStorage
    from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME as FALLBACK_INTENT
    from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message
except ImportError:  # pragma: no cover - Rasa is a dependency of the project
    GraphComponent = None

if GraphComponent is not None:

    @DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
    class CommandIntentGuard(GraphComponent):
        """After the intent classifier: the stop intent gives way when the message does not ask to stop, and a
        request to forget goes to the fallback's explanation."""

        @staticmethod
        def get_default_config() -> Dict[Text, Any]:
            return {}

        @classmethod
        def create(
            cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
            execution_context: ExecutionContext,
        ) -> "CommandIntentGuard":
            return cls()

        def process(self, messages: List[Message]) -> List[Message]:
            for message in messages:
                intent = message.get(INTENT) or {}
                text = message.get(TEXT) or ""
                if is_forget_request(text) or asks_to_store_anyway(text) \
                        or (len(words(text)) >= MIN_FOREIGN_WORDS and not looks_dutch(text)) or wrapped_in_noise(text):
                    _make_sure(message, FALLBACK_INTENT)
                    continue
                if _without_the_greeting(message, text):
                    intent = message.get(INTENT) or {}
                name = intent.get(INTENT_NAME_KEY)
                asked_intake = name == INTAKE_INTENT and asks_for_an_intake(text)
                if asked_intake and greeted(text):
                    _make_sure(message, INTAKE_INTENT)  # "goedemiddag, ik wil een intake doen" (see ``greeted``)
                    continue
                command = _command_intent(text, name, asked_intake)
                if command is not None:
                    _make_sure(message, command)
                    continue
                if asks_about_the_method(text, name, asked_intake):
                    _make_sure(message, FALLBACK_INTENT)
                    continue
                kaart = asks_the_kaart(text)
                call = opens_a_call(text)
                # a task the model read is kept only when the message asks for it ("ik heb een moeder uit weesp met
                # een zoontje van 8 dat steeds ontploft op school" read as a preparation: a user test of session 24)
                keeps = name in _CALL_KEEPS and float(intent.get("confidence") or 0.0) >= KEEP_AT_LEAST \
                    and _asked_for(text, name, asked_intake)
                if name != KAART_INTENT and not keeps and kaart and (call or asks_for_a_service(text)):
                    # "is er een voedselbank?", "is er ook een oudercursus of zo voor de ouders?" after the results,
                    # "huisarts belt: meisje van 9 plast ... is daar iets voor?": a question for a kind of help, the
                    # kaart's (a user test of session 24 got 'Sorry', the preparation's info or an intake); the kaart's
                    # form reads it as a follow-up of the previous search, or asks for what it lacks
                    _make_sure(message, KAART_INTENT)
                    continue
                if not keeps and call and not kaart:
                    # "ik heb een ib'er aan de lijn van de wereldwijzer in hilversum, gaat over een meisje uit groep
                    # 8": the model read the kaart (0.80) and a search started; someone on the line is an intake. Also
                    # when the model read the intake but unsure: "er belt een meisje van 17 zelf, wil anoniem blijven"
                    # (0.3: the fallback classifier made it "Sorry", a user test of session 23)
                    _make_sure(message, INTAKE_INTENT)
                    continue
                if name not in (KAART_INTENT, "start_kaart") and only_a_child(text) is not None:
                    # "zoon 15", "het is een jongen van 12": the kaart's form reads it (after a search as a follow-up)
                    _make_sure(message, KAART_INTENT)
                    continue
                if name != KAART_INTENT and restated(text) is not None:
                    # "nee wacht, ze is 13 niet 15", "nee ze is 12": the model read out of scope; the fallback searches
                    # the previous kaart question again with it (inside a task the task's form reads it first)
                    _make_sure(message, FALLBACK_INTENT)
                    continue
                if (name == STOP_INTENT and not is_stop_request(text)) or (name == INTAKE_INTENT and not asked_intake):
                    _give_way(message, name, text)
                if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) in MENU_INTENTS and danger_in(text):
                    # "papa zegt dat hij mama dood maakt als ze weggaat" read as a greeting or out of scope: the
                    # fallback gives the safety advice first (and a kaart answer when it asks one)
                    _make_sure(message, FALLBACK_INTENT)
            return messages

    def _without_the_greeting(message: Message, text: Text) -> bool:
        """A message that opens with a greeting and asks more (``greeted``): when the model was unsure of the greeting,
        it leaves the ranking and the others share its confidence, if what is left is a request the model is sure of
        (``KEEP_AT_LEAST``) or the intake or the role-play asked in words of its own. "hallo, hoe gaat het?" stays a
        greeting. Returns whether the ranking changed."""
        if not greeted(text):
            return False
        ranking = message.get(INTENT_RANKING_KEY) or []
        greeting = next((r for r in ranking if r.get(INTENT_NAME_KEY) == GREET_INTENT), None)
        rest = [r for r in ranking if r.get(INTENT_NAME_KEY) != GREET_INTENT]
        if greeting is None or not rest or float(greeting.get("confidence") or 0.0) >= KEEP_AT_LEAST:
            return False  # "hallo, ik heb een vraag" (0.88): a greeting the model is sure of stays one
        share = max(1.0 - float(greeting.get("confidence") or 0.0), 1e-6)
        rest = [{**r, "confidence": min(1.0, float(r.get("confidence") or 0.0) / share)} for r in rest]
        top = rest[0][INTENT_NAME_KEY]
        asked = (top == INTAKE_INTENT and asks_for_an_intake(text)) or (top == PRACTICE_INTENT
                                                                           and is_practice_request(text))
        if float(rest[0]["confidence"]) < KEEP_AT_LEAST and not asked:
            return False
        logger.info("NLU: a greeting before a request; %s instead of %s", top, GREET_INTENT)
        message.set(INTENT, rest[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, rest, add_to_output=True)
        return True

    def _give_way(message: Message, name: Text, text: Text) -> None:
        """The intent ``name`` was not asked for: the next intent of the ranking (the fallback when none), and never
        the intake's without a request for an intake."""
        unasked = {name} if name != INTAKE_INTENT and asks_for_an_intake(text) else {name, INTAKE_INTENT}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in unasked]
        logger.info("NLU: intent %s on a message that does not ask for it; next: %s", name,
                    ranking[0][INTENT_NAME_KEY] if ranking else "none")
        message.set(INTENT, ranking[0] if ranking else {INTENT_NAME_KEY: FALLBACK_INTENT, "confidence": 1.0},
                    add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    def _command_intent(text: Text, intent: Any, asked_intake: bool) -> Any:
        """The intent of a retry, a step or role question with a sentence, or a wish to practise; else None.
        ``asked_intake``: the model chose the intake and the message asks for one (a wish to practise stays one)."""
        if retry_turn(text) is not None:
            return RETRY_INTENT
        # back after a break ("hoi, waar was ik?", "ik wil verder met mijn rollenspel van gisteren"): the role-play's
        # retry action goes on with this conversation's last role-play (a user test of session 29: the next day, after
        # Rasa's session had ended, the greeting and the menu answered)
        if whole_message(text, (RESUME,)) == RESUME:
            return RETRY_INTENT
        asked = which_question(text)
        if asked and asked[1]:
            return WHICH_INTENTS[asked[0]]
        # also when the model read the role-play itself but unsure: "goedemiddag, ik wil graag een rollenspel doen met
        # de moeder die ..." (0.29 beside the greeting's 0.26) became "Sorry, dat begreep ik niet goed" (a user test of
        # session 24): a greeting before a request takes the model's certainty, never the request
        if (intent == PRACTICE_INTENT or intent not in _PRACTICE_KEEPS) and not asked_intake \
                and is_practice_request(text):
            return PRACTICE_INTENT
        return None

    def _make_sure(message: Message, name: Text) -> None:
        """``name`` becomes the message's intent for certain, at the head of the ranking. The other intents keep their
        order, at no more than ``OTHERS_AT_MOST``: the ``FallbackClassifier`` after this guard reads two intents close
        together as ambiguous, so "ik wil oefenen met de vader aan de telefoon" (the model: the intake at 0.96) became
        "Sorry, dat begreep ik niet goed" although the guard had chosen the role-play (a user test)."""
        sure = {INTENT_NAME_KEY: name, "confidence": 1.0}
        message.set(INTENT, sure, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [sure] + [
            {**r, "confidence": min(float(r.get("confidence") or 0.0), OTHERS_AT_MOST)}
            for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name
        ], add_to_output=True)
