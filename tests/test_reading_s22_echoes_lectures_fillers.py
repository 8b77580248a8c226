"""Turns the step reader and the role-play misread in a user test of session 22 (trainees practising the role-play in
long spoken Dutch) and in the forty-third blind set of practice paths; one family per block, with own sentences beside
the quotes of the user test (none from an evaluation set):

1. a filler "ik begrijp het" followed straight by advice is the advice (redden) in `welke stap is dit` and in the
   role-play alike, whether the two are typed as two sentences or one;
2. "hoeft/hoeven" is no rescuing when the professional turns an offer down, gives the persona's own option back, or
   gives a child room to say nothing;
3. echoing the other's own words is no preaching and no content: the persona's own "moeten" given back with a question
   about what it does to them, and a quoted echo ("u zegt 'ze wint' ...") are erkennen;
4. subtle pitfalls: quietly blaming the other parent to the child is inhoud; lecturing about the method or research is
   the role-play's oordelen (de les lezen) and no good step for the step reader;
5. small false pitfalls: appreciating the other's openness ("eerlijk dat u dat zegt.") is erkennen, and a retraction
   ("ik ging het voor u invullen") is no move.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.context import Context
from bot.roleplay.engine import Engine
from bot.roleplay.models import JUDGEMENT, PITFALLS, STEPS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import LECTURE, NO_STEP, OTHER, QUOTED_ECHO, classify_step
from bot.steps.preparation import classification_text

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. "ik begrijp het" followed straight by advice -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test, as two sentences and as one
    "ik begrijp het hoor. weet je wat, misschien kun je het eerst aan papa zelf vertellen dat je het niet leuk vindt "
    "daar?",
    "ik begrijp het hoor, weet je wat, misschien kun je het eerst aan papa zelf vertellen dat je het niet leuk vindt "
    "daar?",
    "Ja, dat snap ik. Weet je wat, schrijf het anders eerst even op in een schriftje.",
    "ik begrijp het, mevrouw. Mijn advies zou zijn: laat die map voortaan gewoon thuis.",
    "Dat snap ik wel, meneer. Ik zou u echt willen aanraden om eerst een nachtje te slapen.",
])
def test_acknowledgement_then_advice_is_the_advice_for_both_readers(text, classify):
    result = classify_step(text)
    assert result.stap == "redden", result.delen
    assert "(redden)" in classification_text(text).splitlines()[0]
    assert classify(text).zet == "redden"


def test_the_turn_reads_the_same_in_the_role_play(classify):
    text = ("ik begrijp het hoor. weet je wat, misschien kun je het eerst aan papa zelf vertellen dat je het niet "
            "leuk vindt daar?")
    engine = Engine(CHILD, classify=classify, seed=0)
    engine.step(text)
    assert engine.state.turns[-1].zet == classify_step(text).stap == "redden"


@pytest.mark.parametrize("text", [
    "Dat snap ik heel goed. Wat zou jij het liefst willen?",
    "ik begrijp het. weet je wat ik me afvraag: hoe gaat het eigenlijk met je?",
])
def test_an_acknowledgement_before_a_step_question_is_no_advice(text):
    assert classify_step(text).stap not in PITFALLS


# -- 2. "hoeft/hoeven" is no rescuing ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik snap dat u dat zou willen, maar ik ga niet voor u met haar praten, dan neem ik het van u over. wat zou u zelf "
    "nog meer kunnen doen?",
    "Dat begrijp ik, maar ik ga niet voor je met de mentor spreken, dan pak ik het van je over. Wat kun jij zelf doen?",
])
def test_turning_an_offer_down_is_no_rescue(text, classify):
    result = classify_step(text)
    assert result.stap == "opties" and "redden" not in result.stappen, result.delen
    assert classify(text).zet == "opties"


def test_the_personas_own_option_given_back_is_no_rescue(classify):
    line = "Misschien kan ik via de mentor laten weten dat ik aan haar denk, zonder dat ze iets hoeft te doen."
    text = "via de mentor laten weten dat u aan haar denkt, zonder dat ze iets hoeft. mooi. en wat nog meer?"
    move = classify(text, context=Context.of(line, ["opties"]))
    assert move.zet not in PITFALLS and "redden" not in move.zetten


@pytest.mark.parametrize("text", [
    "je hoeft er ook niks over te zeggen als je dat niet wil",
    "je hoeft niks te vertellen",
    "Je hoeft hier echt niks te zeggen wat je niet wilt, hoor.",
    "je hoeft niks hoor",
    "Je zegt 'ik wil er niks over kwijt', en dat is goed, je hoeft niks.",
])
def test_room_for_a_child_to_say_nothing_is_erkennen(text, classify):
    assert classify_step(text).stap == "erkennen"
    assert classify(text).zet == "erkennen"


# -- 3. echoing the other's own words ----------------------------------------------------------------------------------

MUST_LINE = "Het is zo vermoeiend om steeds te moeten bewijzen dat ik een goede moeder ben."


def test_the_personas_own_must_given_back_with_a_feeling_question_is_erkennen(classify):
    text = "u moet bewijzen dat u een goede moeder bent, steeds weer. wat doet dat met u"
    assert classify(text, context=Context.of(MUST_LINE, ["visie"])).zet == "erkennen"


@pytest.mark.parametrize("text, line", [
    # a "u moet" of the professional's own, or no question about the feeling: still a lecture
    ("u moet gewoon ophouden met dat bewijzen. wat doet dat met u", MUST_LINE),
    ("u moet bewijzen dat u een goede moeder bent, steeds weer.", MUST_LINE),
    ("u moet bewijzen dat u een goede moeder bent, steeds weer. wat doet dat met u",
     "Ik wil gewoon dat iemand ziet hoe hard ik werk."),
])
def test_a_must_of_ones_own_is_still_a_lecture(text, line, classify):
    assert classify(text, context=Context.of(line, ["visie"])).zet == JUDGEMENT


@pytest.mark.parametrize("text", [
    "u zegt 'ze wint' … dat doet verdriet",
    "U zegt 'ik sta er alleen voor'.",
    "Noor, jij zegt 'het maakt toch niks uit wat ik zeg'.",
    "je zegt 'nooit meer', dat klinkt zwaar",
    "En u zegt: 'hij moet zich gewoon aan de afspraken houden'.",
])
def test_a_quoted_echo_is_erkennen(text, classify):
    result = classify_step(text)
    assert result.stap == "erkennen", result.delen
    assert QUOTED_ECHO in result.kenmerken or result.zekerheid > 0.8
    assert classify(text).zet == "erkennen"


@pytest.mark.parametrize("text", [
    "u zegt 'ze wint', maar u moet wel doorgaan voor de kinderen.",  # the "ja, maar"
    "je zegt 'nooit meer', wat bedoel je daar precies mee?",  # a question: left to the model
])
def test_a_quoted_echo_with_advice_or_a_question_is_not_only_an_echo(text):
    assert QUOTED_ECHO not in classify_step(text).kenmerken


def test_a_check_question_without_a_question_mark_is_no_move():
    result = classify_step("U zegt 'ik ben het zat'. Ik hoor vooral hoe moe u bent. Klopt dat een beetje")
    assert result.stap == "erkennen" and result.delen[-1].stap == OTHER


# -- 4. subtle pitfalls: blaming the other parent, lecturing -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "papa kan soms ook wel een beetje kort door de bocht zijn hè, dat hoor ik van de juf ook",
    "mama is af en toe ook wel een beetje streng, hè",
    "en daar lijkt hij het zich wel heel makkelijk te maken",
])
def test_quietly_blaming_the_other_parent_is_inhoud(text, classify):
    assert classify_step(text).stap == "inhoud"
    assert classify(text).zet in PITFALLS


@pytest.mark.parametrize("text", [
    "we werken hier met zes stappen, en eerst komt de visie. is dat duidelijk?",
    "Zo werkt dat nou eenmaal bij ons, dat staat gewoon in het werkboek.",
    "Uit onderzoek blijkt dat kinderen het beste gedijen als ze beide ouders blijven zien.",
    "weet u, in de pubertijd is het brein nog volop in ontwikkeling, dat is wetenschappelijk aangetoond.",
    "Ik heb op de opleiding geleerd dat kinderen baat hebben bij vaste regels in beide huizen.",
])
def test_a_lecture_about_the_method_or_research_is_judging(text, classify):
    move = classify(text)
    assert move.zet == JUDGEMENT, move
    result = classify_step(text)
    assert result.stap not in STEPS, result.delen
    assert "de les lezen" in classification_text(text)


def test_a_lecture_is_read_as_judging_in_a_turn_of_several_sentences(classify):
    text = "Ik hoor dat u boos bent. Kijk, in onze methode beginnen we altijd met erkennen. Zo werken wij nou eenmaal."
    move = classify(text)
    assert move.zet == JUDGEMENT and LECTURE in move.signalen


# -- 5. small false pitfalls -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "eerlijk dat u dat zegt.",
    "Dapper dat je dat durft te zeggen.",
    "wat eerlijk van u, meneer.",
])
def test_appreciating_openness_is_erkennen(text, classify):
    assert classify_step(text).stap == "erkennen"
    assert classify(text).zet == "erkennen"


@pytest.mark.parametrize("text", [
    "nee wacht, dat kwam er verkeerd uit, ik ging het voor u invullen",
    "oei, sorry, ik was het alweer voor je aan het oplossen",
])
def test_a_retraction_is_no_rescue(text, classify):
    result = classify_step(text)
    assert result.stap == NO_STEP and all(part.zelfcorrectie for part in result.delen)
    assert classify(text).zet not in PITFALLS


def test_a_retraction_before_a_question_leaves_the_question(classify):
    text = "nee wacht, dat kwam er verkeerd uit, ik ging het voor u invullen. Wat zou u het liefst willen?"
    assert classify_step(text).stap == "behoefte"
    assert classify(text).zet == "behoefte"
