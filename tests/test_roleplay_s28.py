"""Session 28 (practice-path set 48): warm-worded pitfalls are read as sure pitfalls (rescuing as an offer, deciding the
content as a suggestion, a verdict as moral pressure or a softened remark), a worn-out person named back is erkennen,
and the energy tool's questions (100 kilo energie) are opties, also dictated. The sentences are written for these
tests, not taken from the evaluation sets."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import UNSURE, Engine, Move
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-contact-verbreken")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("text, move", [
    ("Als zij weer zo doet, bel ik haar wel op; dat wil ik graag voor je doen.", "redden"),
    ("Die brief aan school? Dat doe ik wel voor u.", "redden"),
    ("Zullen we afspreken dat je zaterdag toch gewoon naar je moeder gaat?", "redden"),
    ("Je bent een fijne jongen. Je moeder verdient toch ook een kans van jou?", "oordelen"),
    ("Uw kinderen verdienen het toch dat u het volhoudt?", "oordelen"),
    # a judging cue does not win over the step reader's redden (bot.roleplay.moves): any sure pitfall
    ("U leeft erg met hem mee, misschien zelfs een tikje te fel.", None),
    ("Misschien heb je er ook wel wat te hard aan getrokken.", "oordelen"),
])
def test_a_warm_pitfall_is_a_sure_pitfall(classify, text, move):
    read = classify(text)
    assert move is None or read.zet == move
    assert read.zet in PITFALLS and read.zekerheid >= UNSURE  # sure: never forgiven as a misread


@pytest.mark.parametrize("text", [
    "Misschien wordt het je allemaal een beetje te veel.",  # a guess at the feeling, no verdict
    "Dat verdient een compliment, hoor.",
])
def test_no_warm_pitfall_cue_where_there_is_none(classify, text):
    assert classify(text).zet not in PITFALLS


@pytest.mark.parametrize("text", [
    "U komt binnen als iemand die helemaal op is.",
    "Dat klinkt als een man die leeg is.",
    "Je ziet eruit als iemand die er klaar mee is.",
    "Al die zittingen, daar word je doodmoe van.",
    "al dat gedoe met advocaten daar wordt een mens gek van",
])
def test_a_worn_out_person_named_back_is_erkennen(classify, text):
    assert classify(text).zet == "erkennen"


def test_a_worn_out_state_of_the_other_parent_is_no_acknowledgement(classify):
    assert classify("Dat klinkt als iemand die het expres doet.").zet != "erkennen"
    assert classify("Hij klinkt als een man die er klaar mee is.").zet != "erkennen"


@pytest.mark.parametrize("text", [
    "Van al uw energie, hoeveel gaat er nu naar de advocaten?",
    "En als je die kilo's vrij mocht besteden, waaraan dan?",
    "van je honderd kilo energie hoeveel gaat er op aan de rechtszaken",  # dictated: no question mark
    "en als u die energie ergens anders in mocht steken waar dan",
])
def test_the_energy_tool_is_opties(classify, text):
    assert classify(text).zet == "opties"


def test_an_acknowledged_worn_out_father_calms_from_the_first_turn(classify):
    engine = Engine(FATHER, classify=classify, seed=0)
    start = engine.state.tension
    engine.step("U zit hier als iemand die helemaal op is.")
    assert engine.state.tension < start
    assert engine.state.turns[0].zet == "erkennen"


def test_a_warm_offer_to_take_over_raises_the_tension():
    reads = iter([Move("erkennen", 0.95), Move("redden", 0.9)])
    engine = Engine(FATHER, classify=lambda text: next(reads), seed=0)
    engine.step("Wat bent u moe van alles.")
    before = engine.state.tension
    engine.step("Dat regel ik wel voor u.")
    assert engine.state.tension > before and not engine.state.turns[-1].onzeker
