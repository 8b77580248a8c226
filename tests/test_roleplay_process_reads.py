"""Kinds of sentences the role-play used to misread (example round 8, own sentences, none from a set):
stepping in to guard the conversation is no pitfall, naming what happens at the table acknowledges,
and asking what someone will say or do at a coming moment is an option, also when it names a need."""
import pytest

from bot.roleplay.engine import UNSURE
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("text", [
    "Ik leg het gesprek heel even stil.",
    "ik ga hier even tussenkomen.",  # read as a sure rescue before round 8
    "ik ga het gesprek even onderbreken hoor.",  # likewise
    "Ik grijp even in, dit loopt uit de hand.",
    "Laten we even een pauze nemen met z'n allen.",
    "Ho, stop even, allebei. Laten we rustig blijven ademen.",
])
def test_stepping_in_to_guard_the_conversation_is_not_a_sure_pitfall(classify, text):
    move = classify(text)
    assert not (move.zet in PITFALLS and move.zekerheid >= UNSURE)


def test_stepping_in_because_it_is_heavy_for_both_acknowledges(classify):
    move = classify("Ik stap er even tussen. Ik zie hoe zwaar dit voor jullie allebei is.")
    assert move.zet == "erkennen" and not set(move.zetten) & set(PITFALLS)


def test_naming_the_silence_at_the_table_acknowledges(classify):
    assert classify("Ik merk dat het hier aan tafel stil wordt, ook bij de intern begeleider.").zet == "erkennen"


@pytest.mark.parametrize("text", [
    "Wat ga je vrijdag bij het ophalen tegen haar zeggen over wat jij nodig hebt?",
    "Wat wil je bij het gesprek met de gezinsvoogd zelf vertellen over wat jij nodig hebt?",
])
def test_asking_what_someone_will_say_at_a_coming_moment_is_an_option(classify, text):
    assert classify(text).zet == "opties"


def test_asking_what_someone_hopes_will_happen_stays_a_need(classify):
    assert classify("Wat hoop je dat er gebeurt als de leerkracht al die mails gelezen heeft?").zet == "behoefte"


@pytest.mark.parametrize("text", [
    "Ik ga zijn moeder wel even voor je bellen.",
    "Laten we het zo doen: ik regel die omgangsregeling wel.",
])
def test_taking_the_problem_over_is_still_rescuing(classify, text):
    assert classify(text).zet == "redden"


def test_a_talk_about_the_rules_is_still_the_content(classify):
    assert classify("Laten we het over de regels hebben: om hoe laat moet ze thuis zijn?").zet == "inhoud"
