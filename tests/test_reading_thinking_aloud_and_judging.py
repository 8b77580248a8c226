"""Two misreads of the step reader and the role-play (session 20; own sentences, none from an evaluation set):

1. thinking aloud ("en dan denk ik...", "en dan denk ik: wat heeft hij eigenlijk nodig?") is no rescue: the frame is
   no move, the thought after it decides; "en dan denk ik dat je hem moet bellen" is advice and stays redden;
2. judging the one addressed ("ik vind dat u wel erg overdrijft", "je gaat nu echt te ver", "u doet nogal moeilijk")
   is oordelen in the role-play, sure (a cue phrase); the same words about the other party ("ik vind dat uw ex
   overdrijft") take a side: inhoud.
"""
import pytest

from bot.roleplay.moves import SURE_CUE, MoveClassifier
from bot.steps.classifier import NO_STEP, THINKING_ALOUD, classify_step


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. thinking aloud -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["en dan denk ik…", "En dan denk ik...", "hmm, en dan denk ik...", "Ik dacht dan."])
def test_only_the_frame_of_thinking_aloud_is_no_move(classify, text):
    result = classify_step(text)
    assert result.stap == NO_STEP
    assert all(part.stap == "overig" for part in result.delen)
    assert classify(text).zet != "redden"


@pytest.mark.parametrize("text", [
    "en dan denk ik: wat heeft hij eigenlijk nodig?",
    "En dan denk ik... wat heeft hij eigenlijk nodig?",
    "ik dacht bij mezelf, hoe zou dat voor haar zijn?",
    "En dan denk ik: hoe zou ik dat zelf vinden.",
])
def test_a_question_or_reflection_after_thinking_aloud_is_no_rescue(classify, text):
    assert classify_step(text).stap != "redden"
    assert classify(text).zet not in ("redden", "oordelen")


def test_the_frame_is_named_when_the_thought_decides():
    assert THINKING_ALOUD in classify_step("En dan denk ik: hoe zou ik dat zelf vinden.").kenmerken


@pytest.mark.parametrize("text", [
    "en dan denk ik dat je hem moet bellen",
    "en dan denk ik: bel hem gewoon.",
    "Ik denk, ik ga hem gewoon even bellen.",
])
def test_advice_after_ik_denk_stays_redden(classify, text):
    assert classify_step(text).stap == "redden"
    assert classify(text).zet == "redden"


# -- 2. judging the one addressed --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik vind dat u wel erg overdrijft.",
    "ik vind dat je nogal overdrijft",
    "ik vind dat je te ver gaat",
    "ik vind dat u te moeilijk doet",
    "je gaat nu echt te ver",
    "u doet wel erg moeilijk",
    "Nou, u overdrijft echt wel een beetje.",
])
def test_judging_the_one_addressed_is_a_sure_oordelen(classify, text):
    move = classify(text)
    assert move.zet == "oordelen"
    assert move.zekerheid >= SURE_CUE


@pytest.mark.parametrize("text", [
    "ik vind dat uw ex overdrijft",
    "ik vind dat je moeder nogal overdrijft",
    "ik vind dat je vader te ver gaat",
    "ik vind dat uw ex wel erg moeilijk doet",
])
def test_the_same_words_about_the_other_party_are_inhoud(classify, text):
    assert classify(text).zet == "inhoud"


@pytest.mark.parametrize("text", [
    "hij schrijft dat u wel erg overdrijft",
    "zij zegt dat je overdrijft, je belt haar elke avond.",
    "uw ex vindt dat u te ver gaat",
    "ik merk dat u het zo moeilijk heeft",
    "wat gebeurt er als je te ver gaat?",
])
def test_reported_words_or_a_hard_time_are_no_judgement(classify, text):
    assert classify(text).zet != "oordelen"
