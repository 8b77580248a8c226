"""Session 28: dictated and spoken professional turns (issue 14).

The punctuation of a dictated run-on (``bot.textclass.punctuate``): fillers dropped also in a turn of one clause, a word
group said again after a filler dropped, "hoeft" as a verb, a question after "en", a supposition ("stel dat ...") that
keeps its main question, "laten we" as a new sentence. The step rules: how it is for the other (erkennen), take me along
(dynamiek), what the other does when the plan fails after all (opties), naming one's own words before taking them back
(a self-correction) and a redden read without any rescue cue that does not lead a turn. The sentences are written for
these tests, not taken from an evaluation set."""
from __future__ import annotations

import pytest

from bot import textclass
from bot.steps.classifier import _RESCUE_CUE, HOW_IS_IT, PLAN_FAILS, TAKE_ME_ALONG, classify_step


def read(text: str) -> str:
    return textclass.punctuate(text).text


# -- punctuation of dictated turns -------------------------------------------------------------------------------

def test_fillers_go_also_in_a_run_on_of_one_clause():
    assert read("top en eh wat ga je zeggen als ze weer belt") == "top, en wat ga je zeggen als ze weer belt?"


def test_a_run_on_of_one_clause_without_fillers_stays_as_typed():
    text = "ik vind het een heel lastige situatie voor jullie allebei"
    assert read(text) == text


def test_words_said_again_after_a_filler_go():
    assert "in de in de" not in read("hij zit dan eh in de eh in de auto te wachten en dan belt zij hem op")
    assert read("ze belt dan met een eh met een nieuw nummer en dan neemt hij niet op") \
        == "ze belt dan met een nieuw nummer en dan neemt hij niet op."


def test_hoeft_is_a_verb_that_starts_a_new_sentence():
    assert read("neem gerust een koekje je hoeft nog helemaal niks te zeggen") \
        == "neem gerust een koekje. je hoeft nog helemaal niks te zeggen."


def test_a_question_after_en_is_a_sentence_of_its_own():
    assert read("dat is een goed voornemen en wat zeg je als ze dan toch weer gaat schreeuwen") \
        == "dat is een goed voornemen. en wat zeg je als ze dan toch weer gaat schreeuwen?"


def test_a_supposition_keeps_its_main_question():
    assert read("maar stel dat je zelf iets kleins mocht kiezen voor zaterdag wat zou je dan kiezen") \
        == "maar stel dat je zelf iets kleins mocht kiezen voor zaterdag, wat zou je dan kiezen?"
    assert read("als hij straks weer te laat is wat doe je dan") == "als hij straks weer te laat is, wat doe je dan?"


def test_laten_we_starts_a_new_sentence():
    assert ". laten we" in read("dat was te snel van mij laten we het nog eens rustig bekijken")


def test_a_typed_turn_is_read_as_typed():
    text = "Mooi, en wat doe je als ze toch niet komt?"
    assert read(text) == text


# -- step rules --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "En hoe is dat nou voor jou?",
    "Hoe was dat eigenlijk voor u?",
    "ja nou hoe is dat voor je",
])
def test_asking_how_it_is_for_the_other_is_erkennen(text):
    result = classify_step(text)
    assert result.stap == "erkennen", (text, result.stap)


def test_asking_how_it_is_for_the_other_says_why():
    assert HOW_IS_IT in classify_step("Hoe is dat voor u, als uw dochter niet belt?").kenmerken


@pytest.mark.parametrize("text", [
    "Neem me eens mee naar het moment dat ze de deur uit ging.",
    "oké maar ik wil het even over de overdracht hebben dus neem me even mee naar vorige week zondag",
])
def test_take_me_along_is_dynamiek(text):
    result = classify_step(text)
    assert result.stap == "dynamiek", (text, result.stap, result.zekerheid)


def test_take_me_along_says_why():
    assert TAKE_ME_ALONG in classify_step("nou neem me even mee naar zaterdag bij de voetbal").kenmerken


def test_take_me_along_with_advice_stays_advice():
    assert classify_step("Neem me mee naar school morgen, dan regel ik het wel met de juf.").stap == "redden"


@pytest.mark.parametrize("text", [
    "Dat lijkt me een goede afspraak. En wat ga je doen als ze dan toch weer te laat komt?",
    "prima en eh wat doe je als hij toch nog niet terugbelt",
])
def test_what_the_other_does_when_the_plan_fails_is_opties(text):
    result = classify_step(text)
    assert result.stap == "opties", (text, result.stap)


def test_the_plan_rule_names_its_cue():
    assert PLAN_FAILS in classify_step("Wat doe je als ze dan toch niet komt opdagen?").kenmerken


def test_toch_alone_does_not_make_a_plan_question():
    result = classify_step("Wat doe jij dan, als je in bed ligt en je hoort ze toch?")
    assert result.stap != "opties"


def test_naming_ones_own_words_before_taking_them_back_is_no_move():
    result = classify_step("Ik zei daarnet dat zij overdrijft, en dat was niet handig van mij. "
                           "Ik ben er voor jullie allebei, niet voor een van de twee.")
    assert result.stap != "inhoud" and not result.valkuilen, (result.stap, [(d.stap, d.zin) for d in result.delen])


def test_a_recap_without_a_rescue_does_not_lead_over_the_question_after_it():
    result = classify_step("Dus jij appt haar over de vakantie, zij stuurt het door naar haar advocaat, en dan hoor "
                           "je weken niks. Gaat dat vaker zo tussen jullie?")
    assert result.stap == "dynamiek", (result.stap, [(d.stap, d.zekerheid) for d in result.delen])


@pytest.mark.parametrize("text", [
    "Je moet hem gewoon even bellen.",
    "Ik regel het wel met school.",
    "Bel haar morgen op.",
    "Maak je geen zorgen, het komt wel goed.",
    "Misschien kunt u een schrift meegeven.",
])
def test_rescues_have_a_cue(text):
    assert _RESCUE_CUE.search(text), text


@pytest.mark.parametrize("text", [
    "Dus hij brengt de jongens terug, u zegt er iets van, en hij loopt weg.",
    "En daarna gaat het via de mail verder.",
])
def test_a_recap_has_no_rescue_cue(text):
    assert not _RESCUE_CUE.search(text), text


def test_advice_with_a_cue_still_leads():
    result = classify_step("Ik snap dat het lastig is. U moet hem gewoon vaker bellen. Hoe gaat het nu tussen jullie?")
    assert result.stap == "redden" or "redden" in [p.stap for p in result.valkuilen]
