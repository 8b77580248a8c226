"""What is no turn in the role-play, and what the chat says around it (user tests of session 19, a nervous buurtteam
worker among them): a greeting, an introduction or a "hmm" changes nothing; "nee, ik sta niet aan haar kant" is a
stance; a request to redo a turn in other words, and coming back after a break, are no turns; after the end, a
line still meant for the persona hears that the role-play has ended; "welke stap is dit:" reads a long turn per
sentence; and the persona does not answer what nobody said."""
from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from actions.roleplay import TEXTS, just_ended
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import pacing
from bot.roleplay.context import Context
from bot.roleplay.engine import Engine, Move, RoleplayError
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.retry import LAST_TURN, retry_turn
from bot.roleplay.session import PracticeService
from bot.steps.classifier import classify_step
from bot.steps.preparation import classification_text

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")  # starts at tension 8
MOTHER = KNOWLEDGE.get("scenario", "ouder-wil-partij")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- B-M4, B-L5: a greeting, an introduction or a filler is no turn ---------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "hallo met het buurtteam, u spreekt met anouk",
    "hoi, ik ben anouk van het buurtteam. fijn dat je er bent",
    "goedemiddag mevrouw. eh.. sorry ik ben een beetje zenuwachtig. wat kan ik voor u doen?",
    # own words
    "Goedemiddag, je spreekt met kees van het wijkteam.",
    "dag meneer, mijn naam is fatima. waarmee kan ik u helpen?",
    "hmm", "eh..", "ok",
])
def test_a_greeting_an_introduction_or_a_filler_is_no_turn(classify, text):
    engine = Engine(FATHER, classify=classify, seed=0)
    with pytest.raises(RoleplayError, match="telt niet als beurt: de spanning blijft 8/10"):
        engine.step(text)
    assert engine.state.turns == [] and engine.state.tension == FATHER.spanning.start
    assert engine.step("Ik hoor hoe boos u bent.").turn.nr == 1  # the talk goes on as before


def test_a_filler_hears_what_the_persona_said_last(classify):
    engine = Engine(FATHER, classify=classify, seed=0)
    engine.step("Ik hoor hoe woedend u bent.")
    with pytest.raises(RoleplayError) as raised:
        engine.step("hmm")
    assert engine.state.last_reply in str(raised.value) and "'hmm'" in str(raised.value)


@pytest.mark.parametrize("text", [
    "Ik ben moe van het gedoe.",  # no introduction: the professional's own words to the persona
    "Hoi, ik ben Mirjam. Je zegt het heel stellig, en ik wil eerst even zeggen dat ik niet van plan ben je om te "
    "praten.",
    "Goedemiddag meneer, ik hoor dat u heel boos bent.",
])
def test_a_turn_with_more_than_a_greeting_is_still_a_turn(classify, text):
    engine = Engine(FATHER, classify=classify, seed=0)
    assert engine.step(text).turn.nr == 1


def test_a_turn_of_only_small_talk_is_no_step_also_read_as_a_whole():
    result = classify_step("hoi, ik ben anouk van het buurtteam. fijn dat je er bent")
    assert result.stap == "geen" and "begroeting" in result.tip


def test_a_bare_yes_to_a_request_to_take_a_side_is_no_acknowledgement(classify):
    line = "Ziet u wel! U gelooft me dus. Dan kunt u het toch gewoon opschrijven?"  # the user test (scenario 3)
    for text in ("ok", "ja"):
        assert classify(text, context=Context.of(line, ["erkennen"])).zet == "redden"
    other = "Kun je dat niet gewoon in je verslag opschrijven, dat hij zich nooit aan de afspraken houdt?"
    assert classify("oké", context=Context.of(other, ["erkennen"])).zet == "redden"


@pytest.mark.parametrize("text", [
    "sorry, ik bedoel.. nee ik sta niet aan haar kant",  # the user test
    "Nee hoor, ik sta echt niet aan zijn kant.",
    "Ik sta aan niemands kant, ik ben hier voor de jongens.",
])
def test_taking_no_side_is_the_stance(classify, text):
    line = "Zeg het gewoon. Sta je aan haar kant of niet?"
    assert classify(text, context=Context.of(line, ["erkennen"])).zet == "visie"


def test_a_nervous_start_no_longer_ends_the_call(classify):
    engine = Engine(FATHER, classify=classify, seed=0)
    for text in ("hallo met het buurtteam, u spreekt met anouk", "hmm"):
        with pytest.raises(RoleplayError):
            engine.step(text)
    turn = engine.step("sorry, ik bedoel.. nee ik sta niet aan haar kant").turn
    assert turn.zet == "visie" and engine.state.ending is None


# -- A-M6: asking to redo a turn in other words ----------------------------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("mag ik beurt 2 nog een keer doen?", 2),  # the user test
    ("kan ik beurt drie opnieuw proberen", 3),
    ("ik wil beurt 4 graag overdoen", 4),
    ("probeer opnieuw vanaf de vorige beurt", LAST_TURN),  # the user test
    ("mag ik de laatste beurt nog een keer doen?", LAST_TURN),
])
def test_asking_to_redo_a_turn_in_other_words_is_a_retry(text, number):
    assert retry_turn(text) == number


@pytest.mark.parametrize("text", [
    "Was dat nou je laatste beurt bij papa, of ga je nog een keer?",
    "Ik probeer opnieuw contact met haar te krijgen.",
    "probeer het nog een keer",
])
def test_a_line_with_those_words_is_no_retry(text):
    assert retry_turn(text) is None


def scripted_service():
    lookup = {p.tekst: p.zet for s in [FATHER] for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


def test_retry_from_the_previous_turn_goes_back_one_turn():
    service = scripted_service()
    session = service.start(FATHER.id, seed=1)
    for turn in FATHER.oefenpad[:2]:
        service.play(session, turn.tekst)
    result = service.play(session, "probeer opnieuw vanaf de vorige beurt")
    assert result.soort == "opnieuw" and result.tekst.startswith("We gaan terug naar vlak voor beurt 2.")
    assert [t["nr"] for t in service.load(session)["state"]["turns"]] == [1]
    assert service.play(session, "mag ik beurt 1 nog een keer doen?").soort == "opnieuw"
    assert service.load(session)["state"]["turns"] == []


# -- B-M5: back after a break ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik ben er weer, sorry moest even weg. waar waren we?",  # the user test
    "Sorry, telefoon. Waar was ik gebleven?",
    "Ik ben er weer.",
])
def test_coming_back_after_a_break_shows_where_the_talk_stands_and_is_no_turn(text):
    service = scripted_service()
    session = service.start(FATHER.id, seed=1)
    service.play(session, FATHER.oefenpad[0].tekst)
    result = service.play(session, text)
    assert result.soort == "feedback" and result.tekst.startswith("Welkom terug.")
    state = service.load(session)["state"]
    assert len(state["turns"]) == 1 and f'"{state["last_reply"]}"' in result.tekst


# -- B-L2: after the end ---------------------------------------------------------------------------------------

def ended_tracker(text, events_between):
    events = [{"event": "user", "text": "Wat zou u zelf kunnen doen?"}] + events_between + [
        {"event": "user", "text": text}]
    return Tracker.from_dict({"sender_id": "t", "slots": {}, "events": events,
                              "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})


def test_a_line_for_the_persona_right_after_the_end_hears_that_the_role_play_has_ended():
    ended = [{"event": "action", "name": "rollenspel_form"}, {"event": "action", "name": "action_rollenspel_afronden"},
             {"event": "action", "name": "utter_menu"}]
    tracker = ended_tracker("jij bent echt boos he, wat een rot weekend moet dat zijn geweest", ended)
    assert just_ended(tracker)
    dispatcher = CollectingDispatcher()
    import asyncio

    events = asyncio.run(ActionOnzekerBericht().run(dispatcher, tracker, {}))
    assert [m["text"] for m in dispatcher.messages] == [TEXTS.text("afgelopen")]
    assert events[0]["value"] is True  # answered: no 'Sorry, dat begreep ik niet' after it
    assert not just_ended(ended_tracker("en verder?", [{"event": "action", "name": "utter_menu"}]))


def test_the_end_of_a_role_play_says_what_can_be_done_now():
    text = TEXTS.text("afgelopen")
    assert "afgelopen" in text and "probeer opnieuw vanaf beurt" in text and "nabespreking" in text


# -- A-M2: "welke stap is dit:" reads a long turn per sentence, as ``rustpunt stap`` does ---------------------

def test_the_chat_answer_shows_the_reading_per_sentence():
    text = classification_text("Nou mevrouw, ik hoor dat u echt helemaal klaar bent met dat gedoe rond het ophalen. "
                               "En tegelijk, u moet ook wel een beetje begrip hebben voor hem hè, hij is ook gewoon de "
                               "vader. Hoe gaat dat dan meestal, als hij te laat komt?")
    assert "Deze beurt bevat meer stappen:" in text and "Erkennen" in text
    assert "Let op, dit klinkt als de les lezen (valkuil oordelen, herkend aan 'u moet')" in text
    offer = classification_text("Wat fijn dat u er bent. Ik snap dat u er helemaal klaar mee bent. "
                                "Zal ik haar anders even bellen?")
    assert "Deze beurt bevat meer stappen: Erkennen" in offer
    assert 'in: "Zal ik haar anders even bellen?"' in offer


def test_a_plain_sentence_gets_no_extra_lines():
    assert len(classification_text("Ik hoor hoe boos u bent.").splitlines()) == 3


# -- B-L8: the persona answers what was said --------------------------------------------------------------------

def test_advice_gets_no_reply_that_takes_up_an_offer():
    advice = "misschien moet je de jongens gewoon zelf laten kiezen wat ze willen."
    lines = pacing.reply_lines(FATHER, "slachtoffer", "redden", 5, advice)
    assert lines and not any(line.startswith(("Als jij met haar praat", "Fijn dat je", "Graag")) for line in lines)
    offer = pacing.reply_lines(FATHER, "slachtoffer", "redden", 5, "Ik bel haar vandaag nog, dan regel ik het.")
    assert any(line.startswith("Als jij met haar praat") for line in offer)


def test_a_question_how_the_other_is_gets_no_reply_about_being_told_a_feeling():
    asked = pacing.reply_lines(FATHER, "aanklager", "erkennen", 8, "sorry dat ik het vraag maar hoe gaat het nu met u?")
    assert asked and not any("vertellen hoe ik me voel" in line for line in asked)
    told = pacing.reply_lines(FATHER, "aanklager", "erkennen", 8, "U bent woedend, dat hoor ik.")
    assert any("vertellen hoe ik me voel" in line for line in told)


def test_the_engine_says_a_fitting_reply():
    engine = Engine(FATHER, classify=lambda text: Move("redden", 0.9), seed=3)
    engine.state.tension, engine.state.role = 5, "slachtoffer"
    reply = engine.step("misschien moet je de jongens gewoon zelf laten kiezen.").reply
    assert not reply.startswith(("Als jij met haar praat", "Fijn dat je", "Graag"))
