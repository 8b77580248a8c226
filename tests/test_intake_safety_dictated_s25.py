"""Safety in what a consultant dictates (a user test of session 25): speech-to-text gives long turns without
punctuation, where a negation of one sentence ("ik weet het niet meer", "het is niet makkelijk") silenced the danger of
the next ("hij slaat haar", "papa slaat mama"); and some ways a caller tells of suicide, self-harm, drinking or driving
drunk with the children gave no signal, typed or dictated. Also the kern of a dictated answer, and the age of a
dictated kaart question."""
from __future__ import annotations

import pytest

from bot.heldout import dictated
from bot.intake.listen import kern_from_words
from bot.intake.session import Intake
from bot.intake.signals import find_signals
from bot.kaart.query import extract_leeftijd
from bot.knowledge.loader import get_knowledge
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)


def _dangers(text: str) -> set:
    return {hit.signal_id for hit in find_signals(text, get_knowledge().all("intake_signaal")) if hit.soort == "gevaar"}


def _ids(text: str) -> set:
    return {hit.signal_id for hit in find_signals(text, get_knowledge().all("intake_signaal"))}


# -- 1. a danger after a negation of another sentence, dictated -------------------------------------------------------

@pytest.mark.parametrize("typed_text, danger", [
    ("Ik weet het niet meer. Hij slaat haar als hij gedronken heeft.", "gevaar_geweld"),
    ("Nee, niet echt. Alleen de baby wordt soms door elkaar geschud als hij huilt.", "gevaar_acuut"),
    ("Meisje van 16 mag niet naar buiten, broer bedreigt haar.", "gevaar_geweld"),
    ("Vader smijt met stoelen, moeder durft niet naar huis.", "gevaar_geweld"),
    ("Het lukt niet meer. Hij schopt haar als ze niet luistert.", "gevaar_geweld"),
    ("Het is niet makkelijk. Papa slaat mama en de kinderen zien het.", "gevaar_geweld"),
    ("Dat weet ik niet. Wel heeft ze blauwe plekken op haar armen.", "gevaar_signalen_mishandeling"),
    ("Ik kan niet meer. Ik ben bang dat ik de baby iets aandoe.", "gevaar_ouder_bang_iets_aan_te_doen"),
    ("Ze heeft geen vrienden. Haar vader mishandelt haar.", "gevaar_geweld"),
])
def test_a_danger_dictated_after_a_negation_of_another_sentence_is_heard(typed_text, danger):
    assert danger in _dangers(typed_text)
    assert danger in _dangers(dictated(typed_text))


@pytest.mark.parametrize("text", [
    "ik denk niet dat hij haar slaat",  # the 'dat' binds 'hij' to the negated clause
    "hij slaat ze niet",
    "hij slaat de kinderen niet",
    "papa slaat mama nooit",
    "nee er wordt thuis niet geslagen",
    "geen vader slaat zijn kind zomaar",
    "ze wordt niet door haar vader geslagen",
    "nee ze heeft mij nooit geslagen",
])
def test_a_negation_of_the_same_clause_still_holds_without_punctuation(text):
    assert "gevaar_geweld" not in _dangers(text)


# -- 2. how callers tell of suicide, self-harm, drinking and driving drunk -----------------------------------------

@pytest.mark.parametrize("text, signal", [
    ("ze zei gisteren tegen mij dat ze niet meer wil leven", "gevaar_suicide"),
    ("meisje van 15 zegt dat ze niet meer wil leven", "gevaar_suicide"),
    ("hij zei gisteren wel dat hij zichzelf snijdt", "gevaar_suicide"),
    ("ik weet het echt niet meer ik wil gewoon dood", "gevaar_suicide"),
    ("mijn dochter zegt dat ze zichzelf wil doden", "gevaar_suicide"),
    ("de moeder is vaak onder invloed als de kinderen thuiskomen", "psychisch_middelen"),
    ("ze drinkt elke avond een fles wijn", "psychisch_middelen"),
    ("ze rijdt dronken met de kinderen naar school", "gevaar_signalen_mishandeling"),
    ("vader is dronken en rijdt dan de kinderen naar huis", "gevaar_signalen_mishandeling"),
    ("hij reed onder invloed met de kinderen", "gevaar_signalen_mishandeling"),
])
def test_more_ways_of_telling_are_signals(text, signal):
    assert signal in _ids(text)


@pytest.mark.parametrize("text, signal", [
    ("dat ze zich in haar vinger snijdt bij het koken", "gevaar_suicide"),
    ("hij staat onder invloed van zijn vrienden", "psychisch_middelen"),
    ("hij rijdt nooit dronken", "gevaar_signalen_mishandeling"),
    ("de buren zeggen dat hij dronken is maar hij rijdt geen auto", "gevaar_signalen_mishandeling"),
    ("hij heeft nog nooit onder invloed gereden", "gevaar_signalen_mishandeling"),
])
def test_what_only_looks_like_them_is_none(text, signal):
    assert signal not in _ids(text)


# -- 3. in the intake: the danger of a dictated answer interrupts at once ----------------------------------------------

async def test_a_dictated_danger_at_the_first_safety_question_alerts_at_once():
    intake = Intake(get_knowledge())
    state = (await typed(intake.start("ik heb een moeder aan de lijn").state,
                         "goedemiddag met kim jansen ik heb twee kinderen lotte van negen en sem van twaalf"))[0]
    slots, messages = await typed(state["intake_status"],
                                  "het is niet makkelijk thuis papa slaat mama en de kinderen zien het")
    assert "Let op, eerst de veiligheid" in messages[0]
    assert "huiselijk geweld" in messages[0]


def test_the_kern_of_a_dictated_answer_ends_where_a_new_sentence_starts():
    text = ("ja goedemiddag u spreekt met [NAAM] ik bel over mijn zoon [NAAM] van twaalf hij wil al weken niet meer "
            "naar school we wonen op de [ADRES] in bussum")
    assert kern_from_words(text) == ["de zoon heeft moeite met naar school gaan"]


# -- 4. the age of a dictated kaart question --------------------------------------------------------------------------

@pytest.mark.parametrize("text, age", [
    ("dochter dertien wordt gepest op school in hilversum wat kan ze doen", 13),
    ("zoon veertien spijbelt al weken wie kan helpen", 14),
    ("meisje groep zes in blaricum heeft dyslexie", 9),
    ("dochter 13 wordt gepest", 13),  # as typed
    ("zoon twee keer per week naar de psycholoog", None),
    ("meisje een echte puber", None),
])
def test_a_dictated_age_is_read(text, age):
    assert extract_leeftijd(text) == age
