"""Threats, throwing things, neglect and a 'ja' about shouting (session 22, a second-round user test of a Vraagbaak
consultant over the web chat).

1. A threat to kill or harm another person ("papa zegt dat hij mama dood maakt als ze weggaat", "hij heeft gezegd dat
   hij haar en de kinderen iets aandoet") is a danger signal: typed outside any task it gets the safety advice (112
   and Veilig Thuis) from the fallback, not 'Sorry, dat begreep ik niet goed', and a kaart answer when it asks one; a
   message with danger the model reads as a greeting or out of scope goes to the fallback too. "zichzelf iets aandoen"
   stays suicide only, and "daar wil ik met jullie iets aan doen" is no threat.
2. A parent who throws things at home together with a parent who is afraid is a signal of domestic violence (Veilig
   Thuis in the kaart's top 3); a child throwing things in a tantrum, or a parent worried 'bang dat ...', is not.
3. Neglect in plain words (children who must fend for themselves, are not cared for, get no food, are often home
   alone) is a signal of child abuse (verwaarlozing): Veilig Thuis in the kaart's top 3.
4. At the intake's question about hitting, a 'ja' followed at once by shouting ("ja ze schreeuwen bij de overdracht")
   is the row, not the violence alert.
"""
from __future__ import annotations

from functools import partial

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.intake.danger import danger_in
from bot.intake.listen import yes_only_to
from bot.intake.session import Intake
from tests.command_guard import guarded

pytestmark = pytest.mark.usefixtures("rules_only_masking")

ACUTE, VIOLENCE, ABUSE, SUICIDE = "gevaar_acuut", "gevaar_geweld", "gevaar_signalen_mishandeling", "gevaar_suicide"

KILL_THREAT = "volgens de juf zei het meisje: papa zegt dat hij mama dood maakt als ze weggaat"
HARM_THREAT = ("moeder uit huizen: haar man heeft gezegd dat hij haar en de kinderen iets aandoet als ze bij hem "
               "weggaat")
THROWING = "leerling 10 jaar in vleuterweide, thuis veel geschreeuw, papa gooit met spullen en moeder is bang"
NEGLECT = "moeder 38 uit eemnes drinkt elke avond een fles wijn, kinderen 6 en 9 moeten zichzelf redden"


def danger_ids(text):
    return {signal.id for signal in danger_in(text)}


# ------------------------------------------------------------------ 1: threats to kill or harm another person

@pytest.mark.parametrize("text", [
    KILL_THREAT, "hij maakt haar dood", "hij zegt: ik maak je dood", "hij gaat haar doodmaken",
    "vader heeft gezegd dat hij de kinderen dood maakt", "hij dreigt haar te vermoorden",
])
def test_a_threat_to_kill_is_acute_danger_and_violence(text):
    assert {ACUTE, VIOLENCE} <= danger_ids(text), text


@pytest.mark.parametrize("text", [
    HARM_THREAT, "hij zegt dat hij haar iets aandoet", "hij heeft gezegd dat hij haar iets aan zal doen",
    "hij zei dat hij de kinderen wat aan zou doen", "ze is bang dat hij haar iets aandoet",
])
def test_a_threat_to_harm_another_is_violence(text):
    assert VIOLENCE in danger_ids(text), text


@pytest.mark.parametrize("text, expected", [
    ("ik ben bang dat ze zichzelf iets aandoet", {SUICIDE}),
    ("ze dreigt zichzelf iets aan te doen", {SUICIDE}),
    ("daar wil ik samen met jullie iets aan doen", set()),
    ("dat kun je haar toch niet aandoen", set()),
    ("hij zou haar nooit iets aandoen", set()),
    ("dat maakt de sfeer dood", set()),
    ("ik lach me dood", set()),
])
def test_harm_to_oneself_doing_something_about_it_and_figures_of_speech_are_no_threat(text, expected):
    assert danger_ids(text) == expected, text


def _fallback_tracker(text):
    return Tracker.from_dict({"sender_id": "t", "slots": {}, "events": [],
                              "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})


async def _fallback(text):
    from actions.fallback import ActionOnzekerBericht

    dispatcher = CollectingDispatcher()
    events = await ActionOnzekerBericht().run(dispatcher, _fallback_tracker(text), {})
    answered = next(event["value"] for event in events if event.get("name") == "onzeker_beantwoord")
    return answered, [message.get("text") or "" for message in dispatcher.messages]


async def test_a_death_threat_outside_a_task_gets_112_and_veilig_thuis_not_sorry():
    answered, texts = await _fallback(KILL_THREAT)
    assert answered and texts  # not left to the rule that says 'Sorry, dat begreep ik niet goed'
    assert texts[0].startswith("Let op, eerst de veiligheid:")
    assert "112" in texts[0] and "Veilig Thuis (0800-2000" in texts[0]


async def test_a_threat_gets_the_advice_and_with_a_kaart_question_then_the_kaart_once():
    answered, texts = await _fallback(HARM_THREAT)
    assert answered and len(texts) == 1 and texts[0].startswith("Let op, eerst de veiligheid:")
    assert "Veilig Thuis (0800-2000" in texts[0]
    answered, texts = await _fallback(HARM_THREAT + ", waar kan ze terecht?")
    assert answered and texts[0].startswith("Let op, eerst de veiligheid:")
    assert sum("eerst de veiligheid" in text for text in texts) == 1
    # the kaart once: Veilig Thuis and the entrance of the place, announced by the message itself (since session 29
    # not also as "de diensten die het best passen")
    assert sum("1. Veilig Thuis" in text for text in texts[1:]) == 1, texts
    assert any("Naast Veilig Thuis staat hieronder de algemene ingang" in text for text in texts[1:]), texts


_guarded = partial(guarded, confidence=0.9, runner_up=("kaart_zoek", 0.05))


@pytest.mark.parametrize("intent", ["greet", "out_of_scope", "help", "menu", "thanks", "goodbye"])
def test_danger_read_as_a_menu_intent_goes_to_the_fallback_for_the_safety_advice(intent):
    assert _guarded(KILL_THREAT, intent) == "nlu_fallback"
    assert _guarded("goedemorgen, hoe gaat het?", intent) == intent  # no danger: the intent stays


# ------------------------------------------------------------------ 2: throwing things and a parent who is afraid

@pytest.mark.parametrize("text", [
    THROWING, "papa gooit met borden en mama is doodsbang", "vader smijt met stoelen, moeder durft niet naar huis",
])
def test_a_parent_throwing_things_and_a_parent_afraid_is_violence(text):
    assert VIOLENCE in danger_ids(text), text


@pytest.mark.parametrize("text", [
    "peuter van 3 gooit met spullen als hij boos is",
    "zoon 8 gooit met spullen in de klas",
    "zoon 8 gooit met spullen en moeder is bang dat hij van school gestuurd wordt",
    "moeder is bang", "thuis veel geschreeuw",
])
def test_throwing_things_alone_or_a_worried_parent_is_no_violence(text):
    assert VIOLENCE not in danger_ids(text), text


# ------------------------------------------------------------------ 3: neglect in plain words

@pytest.mark.parametrize("text", [
    NEGLECT, "de kinderen worden niet verzorgd", "de kinderen worden niet goed verzorgd", "kinderen krijgen geen eten",
    "de kinderen zijn vaak alleen thuis", "de kinderen moeten voor zichzelf zorgen",
])
def test_neglect_in_plain_words_is_a_signal_of_child_abuse(text):
    assert ABUSE in danger_ids(text), text


@pytest.mark.parametrize("text", [
    "ze kan zichzelf prima redden", "hij redt zichzelf wel", "moeder moet voor zichzelf zorgen",
    "de kinderen worden goed verzorgd", "ze zijn niet vaak alleen thuis",
])
def test_managing_well_or_self_care_of_a_parent_is_no_neglect(text):
    assert ABUSE not in danger_ids(text), text


def _top3(text):
    from bot.kaart.dialog import lees
    from bot.kaart.search import zoek

    slots = lees(text, [])
    leeftijd = slots.get("kaart_leeftijd")
    result = zoek(text, leeftijd=int(leeftijd) if leeftijd is not None else None, gemeente=slots.get("kaart_gemeente"),
                  thema=slots.get("kaart_thema"), limit=5)
    return [hit.id for hit in result.hits[:3]]


@pytest.mark.usefixtures("whole_knowledge")
@pytest.mark.parametrize("text", [THROWING, NEGLECT, HARM_THREAT])
def test_the_kaart_puts_veilig_thuis_in_the_top_3(text):
    assert "veilig_thuis" in _top3(text), text


# ------------------------------------------------------------------ 4: a 'ja' followed by shouting, at hitting

@pytest.mark.parametrize("answer", ["ja ze schreeuwen bij de overdracht, dochter huilt dan", "ja, ze maken veel ruzie",
                                    "klopt er wordt veel geschreeuwd", "ja de ouders schreeuwen tegen elkaar"])
def test_a_yes_followed_by_shouting_is_limited_to_the_row(answer):
    assert yes_only_to(answer), answer


@pytest.mark.parametrize("answer", ["ja", "ja soms", "ja, en ze schreeuwen ook", "ja hij heeft haar geduwd"])
def test_a_plain_or_added_yes_is_not_limited(answer):
    assert not yes_only_to(answer), answer


OPENING = "moeder belt over haar dochter van 9 uit huizen, ze slaapt slecht en is heel stil sinds de scheiding"


def _run(knowledge, answers):
    intake = Intake(knowledge)
    turn = intake.start()
    turns = []
    for answer in answers:
        turn = intake.handle(turn.state, answer)
        turns.append(turn)
    return turns


def test_the_intake_files_a_yes_about_shouting_at_the_handover_as_the_row_not_an_alarm(intake_knowledge):
    last = _run(intake_knowledge, [OPENING, "nee", "ja ze schreeuwen bij de overdracht, dochter huilt dan"])[-1]
    assert last.kind == "vraag" and not last.danger
    assert any(hit[1] == "scheiding" for hit in last.state["hits"])


@pytest.mark.parametrize("answer", ["ja ze schreeuwen en hij duwt haar", "ja, en ze schreeuwen ook"])
def test_a_yes_about_shouting_with_violence_or_added_to_the_yes_stays_an_alarm(intake_knowledge, answer):
    last = _run(intake_knowledge, [OPENING, "nee", answer])[-1]
    assert VIOLENCE in [signal.id for signal in last.danger], answer
