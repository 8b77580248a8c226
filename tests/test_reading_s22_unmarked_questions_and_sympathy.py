"""Turns a trainer's user test of session 22 found read differently by the role-play and `welke stap is dit`, or
misread by both (a new trainer-written scenario: a grandmother calling about her grandson caught between two houses);
one family per block, with own sentences beside the quotes of the user test (none from an evaluation set):

1. an open question typed without its question mark ("waar denkt u zelf aan") is a question, so the learned
   judgement read leaves it alone: the role-play read the options turn as a lecture (oordelen, 45%) while the step
   reader read opties (100%);
2. sympathy with what the other goes through ("dat is ook niet niks om ...", "wat naar zeg dat ...", "dat lijkt me
   zwaar") is erkennen, not the realiteit of what is hard; a reality, advice or a side after it keeps its own read.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.context import Context
from bot.roleplay.engine import Engine
from bot.roleplay.models import JUDGEMENT, PITFALLS
from bot.roleplay.moves import LEARNED_JUDGEMENT, MoveClassifier
from bot.steps.classifier import SYMPATHY, classify_step
from bot.steps.preparation import classification_text

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
MOTHER = KNOWLEDGE.get("scenario", "moeder-dochter-niet-gezien")
GRANDMOTHER_WORRIES = ("Ik lig er 's nachts wakker van. Hij zit er zo tussenin, die jongen, en ik zie hem gewoon "
                       "stiller worden.")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. an open question without its question mark ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "wat zou u zelf kunnen doen zodat hij bij u een rustig plekje heeft? waar denkt u zelf aan",
    # own words: the unmarked question alone and after another question
    "waar denkt u zelf aan",
    "waar denkt u dan zelf aan",
    "Wat zou er bij u thuis kunnen? Waar denkt u dan zelf aan",
])
def test_an_options_question_without_question_mark_is_no_lecture(classify, text):
    move = classify(text)
    assert move.zet == classify_step(text).stap == "opties", move
    assert JUDGEMENT not in move.zetten and LEARNED_JUDGEMENT not in move.signalen
    assert "Opties verkennen" in classification_text(text).splitlines()[0]  # what `welke stap is dit:` answers


def test_the_options_turn_reads_the_same_in_the_role_play_and_with_the_context(classify):
    text = "wat zou u zelf kunnen doen zodat hij bij u een rustig plekje heeft? waar denkt u zelf aan"
    assert classify(text, Context.of(GRANDMOTHER_WORRIES, ("erkennen", "dynamiek"))).zet == "opties"
    engine = Engine(MOTHER, classify=classify, seed=0)
    engine.step(text)
    assert engine.state.turns[-1].zet == classify_step(text).stap == "opties"


@pytest.mark.parametrize("text", [
    # a rhetorical question and an exclamation typed without a mark stay what they were
    "Ach, dat had u toch ook wel kunnen zien aankomen, met zo'n voorgeschiedenis.",
    "Maar eerlijk is eerlijk, je had het ook wat rustiger kunnen brengen, dat weet je zelf ook wel.",
])
def test_a_reproach_is_still_judging(classify, text):
    assert classify(text).zet == JUDGEMENT


# -- 2. sympathy is erkennen ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "…ik hoor echt hoeveel zorgen u zich maakt… dat is ook niet niks om dat van zo dichtbij te zien",
    "dat is ook niet niks om dat van zo dichtbij te zien",
    "wat naar zeg dat u haar al zo lang niet gezien heeft",
    # own words: "niet niks", "wat naar/rot/vervelend/akelig (zeg) dat ...", "dat lijkt me zwaar"
    "nou, dat is echt niet niks voor u",
    "het is ook niet niks wat u allemaal meemaakt",
    "wat naar dat u haar al maanden niet gezien heeft",
    "wat akelig dat hij zo tussen twee vuren zit",
    "wat sneu voor hem",
    "dat lijkt me niet makkelijk, zo tussen twee huizen",
    "pff, dat lijkt me zwaar als oma",
])
def test_sympathy_is_erkennen_for_both_readers(classify, text):
    result = classify_step(text)
    assert result.stap == "erkennen" and "realiteit" not in result.stappen, result.delen
    assert "Erkennen" in classification_text(text).splitlines()[0]
    move = classify(text)
    assert move.zet == "erkennen" and JUDGEMENT not in move.zetten, move


def test_sympathy_is_named_as_the_reason(classify):
    assert SYMPATHY in classify_step("wat naar zeg dat u haar al zo lang niet gezien heeft").kenmerken


def test_sympathy_reads_the_same_with_the_context(classify):
    context = Context.of("Mijn dochter heb ik al een half jaar niet gezien.", ("erkennen",))
    assert classify("wat naar zeg dat u haar al zo lang niet gezien heeft", context).zet == "erkennen"


@pytest.mark.parametrize("text, read", [
    # a reality after the sympathy, or the workbook's reality with "en dat is zwaar": realiteit
    ("dat is zwaar, maar zo is het nu eenmaal", "realiteit"),
    ("zo zal het waarschijnlijk blijven, en dat is zwaar.", "realiteit"),
    # advice after it: redden
    ("dat is niet niks, ik bel haar wel even voor u", "redden"),
])
def test_what_follows_the_sympathy_keeps_its_read(text, read):
    assert classify_step(text).stap == read


def test_sympathy_that_judges_the_other_party_is_no_erkennen():
    assert classify_step("wat naar dat uw ex zo onredelijk is").stap in PITFALLS
