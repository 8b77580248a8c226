"""Danger signals in everyday sentences (fourth user test): separable verbs and 'dreigt te' are no violence, a denial
after the danger word counts, doubt ('weet niet of') is no denial, and fear of a parent is a signal."""
from __future__ import annotations

import pytest

from bot.intake.danger import danger_message
from bot.intake.models import IntakeSignaal
from bot.intake.signals import find_signals

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def danger_ids(intake_knowledge, text):
    signals = intake_knowledge.entries["intake_signaal"].values()
    return {hit.signal_id for hit in find_signals(text, signals) if hit.soort == "gevaar"}


@pytest.mark.parametrize("text", [
    # found by the user test: the domestic-violence advice for a child at risk of repeating a year, or skipping things
    "dochter van 15 dreigt te blijven zitten en ze slaat het ontbijt altijd over",
    "mijn dochter van 15 dreigt te blijven zitten, we wonen in Huizen",
    "zoon van 12 slaat steeds zijn huiswerk over, Laren",
    "hij dreigt uit te vallen op school",
    "het traject dreigt vast te lopen",
    "ze dreigt dit jaar te blijven zitten",
    "ze slaat de deur dicht en gaat naar boven",
    "de mentor slaat alarm over haar cijfers",
    "zijn fantasie slaat op hol",
    "dat slaat nergens op",
    "haar kleinzoon wordt thuis steeds boos en slaat met deuren",
    "hij slaat met de deur als hij boos is",
])
def test_a_risk_or_a_separable_verb_is_no_violence(intake_knowledge, text):
    assert danger_ids(intake_knowledge, text) == set()


@pytest.mark.parametrize("text", [
    "hij dreigt haar te slaan",
    "hij dreigde de kinderen mee te nemen",
    "hij heeft gedreigd",
    "hij slaat haar",
    "ze sloeg hem",
    # the exception stays within one clause: here 'over' starts a new sentence
    "hij slaat haar. Over een week gaan ze naar hun oma",
    "hij slaat haar, over de kinderen maakt ze zich zorgen",
    # 'over' followed by 'haar' is a preposition, not 'overslaan'
    "hij slaat haar over haar rug",
    "hij dreigt met geweld als ze de kinderen niet brengt",
    "hij slaat haar met de vlakke hand",
])
def test_real_threats_and_hitting_still_count(intake_knowledge, text):
    assert "gevaar_geweld" in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    # found by the user test: a denial after the word gave the Veilig Thuis advice and the meldcode route
    "Nou ze maken wel veel ruzie aan de telefoon over de omgang, maar slaan of zo, nee dat niet, dat zou hij nooit "
    "doen.",
    "hij slaat hem niet",
    "slaan doet hij niet",
    "geslagen, nee hoor",
])
def test_a_denial_after_the_danger_word_is_no_signal(intake_knowledge, text):
    assert danger_ids(intake_knowledge, text) == set()


@pytest.mark.parametrize("text", [
    "hij slaat haar niet alleen, hij schopt haar ook",
    "hij slaat haar niet alleen",
    "hij slaat haar niet meer sinds de scheiding",  # it did happen
    "hij slaat haar niet zo vaak meer",
    "hij slaat haar als ze niet luistert",  # the 'niet' belongs to another clause
    "hij slaat haar. Nee, dat klopt niet, ik bedoel hem",  # no denial across a sentence end
    "hij slaat haar als ze nee zegt",
    "Nee. Gisteren sloeg hij haar.",  # nor a negation before it across a sentence end
])
def test_not_alone_not_anymore_and_other_clauses_are_no_denial(intake_knowledge, text):
    assert "gevaar_geweld" in danger_ids(intake_knowledge, text)


def test_the_ruzie_of_the_denial_sentence_still_counts_and_other_signals_keep_their_words(intake_knowledge):
    signals = intake_knowledge.entries["intake_signaal"].values()
    text = "Nou ze maken wel veel ruzie aan de telefoon over de omgang, maar slaan of zo, nee dat niet."
    assert "scheiding_conflict" in {hit.signal_id for hit in find_signals(text, signals)}
    assert "psychisch_angst" in {hit.signal_id for hit in find_signals("ze is bang niet goed genoeg te zijn", signals)}
    assert "psychisch_somber" not in {hit.signal_id for hit in find_signals("somber is ze niet", signals)}


@pytest.mark.parametrize("text", [
    # found by the user test: 'niet' before 'slaat' hid the doubt, and the fear was no signal at all
    "Ik weet niet of hij haar slaat, ze is wel doodsbang voor hem als hij drinkt.",
    "ik weet niet of hij haar slaat",
    "ik ben niet zeker of hij haar slaat",
    "geen idee of hij haar slaat",
    "ze is doodsbang voor hem als hij drinkt",
    "de kinderen zijn bang voor hun stiefvader",
    "hij is bang voor zijn vader",
    "ze is erg bang voor haar moeder",
    "de jongste is bang voor papa als hij boos is",
])
def test_doubt_is_no_denial_and_fear_of_a_parent_is_a_signal(intake_knowledge, text):
    assert "gevaar_geweld" in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    "ze is bang voor haar examen",
    "ze is doodsbang voor spinnen",
    "ze is niet bang voor haar vader",
    "er is geen ruzie of geweld",
    "Nee, er wordt thuis niet geslagen.",
])
def test_fear_of_other_things_and_plain_denials_are_no_violence(intake_knowledge, text):
    assert danger_ids(intake_knowledge, text) == set()


def test_kaart_questions_get_no_safety_advice_for_everyday_sentences(intake_knowledge):
    # danger_message is what the sociale kaart and the fallback put before any search
    assert danger_message("mijn dochter van 15 dreigt te blijven zitten, we wonen in Huizen") is None
    assert danger_message("zoon van 12 slaat steeds zijn huiswerk over, Laren") is None
    message = danger_message("Ik weet niet of hij haar slaat, ze is wel doodsbang voor hem als hij drinkt.")
    assert message is not None and "Veilig Thuis" in message


def test_exceptions_are_checked_like_trigger_words():
    base = {"id": "x", "soort": "gevaar", "niveau": "veilig_thuis", "naam": "x", "trefwoorden": ["slaat"],
            "direct_doen": "bel", "bron": {"document": "d", "sectie": "s"}}
    assert IntakeSignaal(**base, uitzonderingen=["slaat|sloeg ... over"]).uitzonderingen == ["slaat|sloeg ... over"]
    assert IntakeSignaal(**base).uitzonderingen == []
    with pytest.raises(ValueError):
        IntakeSignaal(**base, uitzonderingen=["... over"])
