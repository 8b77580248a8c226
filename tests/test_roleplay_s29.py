"""Session 29 (practice-path set 49): subtle pitfalls, also as the last sentence of an otherwise good long turn, are
sure pitfalls: an accusing why-question (oordelen), siding with one parent ("ik ben het met mama eens"), promising an
outcome (a pitfall form of redden), explaining the child's feelings for the child, and the trainee's own story (the
own children, what worked for oneself, "ik weet precies hoe dat voelt"). What is no such pitfall stays a step. The
sentences are written for these tests, not taken from the evaluation sets."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import UNSURE, Engine
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import ACCUSING_WHY, lecture_feature
from bot.steps.pitfall_forms import find_form

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
MOTHER = KNOWLEDGE.get("scenario", "ouder-wil-partij")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("sentence", [
    "Waarom heb je dat dan niet meteen tegen je vader gezegd?",
    "Maar waarom belt u hem eigenlijk elke avond op?",
    "waarom doe je toch zo lelijk tegen je zusje",
    "Waarom gaan jullie dan steeds weer de discussie aan?",
])
def test_an_accusing_why_is_a_lecture(sentence):
    assert lecture_feature(sentence) == ACCUSING_WHY


def test_an_accusing_why_is_oordelen_but_advice_as_a_why_stays_redden(classify):
    assert classify("Waarom schreeuw je dan eigenlijk zo tegen je broertje?").zet == "oordelen"
    assert classify("waarom vraagt u haar niet gewoon om een gesprek?").zet == "redden"


@pytest.mark.parametrize("sentence", [
    "Ik snap heel goed waarom u zo boos bent.",  # indirect: the subject right after "waarom"
    "Waarom is dat zo belangrijk voor je?",  # a why about what matters: behoefte
    "Waarom wil je dat zo graag?",
    "Je hoeft me niet te vertellen waarom.",
    "Waarom denk je dat papa zo reageerde?",  # no reproach word
])
def test_a_why_that_does_not_accuse_is_no_lecture(sentence):
    assert lecture_feature(sentence) != ACCUSING_WHY


@pytest.mark.parametrize("text, move", [
    # the pitfall as the last sentence of a warm turn
    ("Ik zie hoe moe u bent van al die ruzies. Wat gebeurt er meestal als hij belt? Waarom neemt u dan eigenlijk "
     "steeds op?", "oordelen"),
    ("Ik ben er voor jullie allebei, niet voor een van jullie. Maar ik ben het eerlijk gezegd wel met je vader eens "
     "over die telefoon.", "inhoud"),
    ("Ik begrijp eigenlijk ook wel dat u zo over haar denkt.", "inhoud"),
    ("Wat fijn dat je het vertelt. Ik beloof je dat het na de zomer weer goed komt met papa.", "redden"),
    ("Dat klinkt zwaar. Ik kan u wel beloven dat de rechter naar u gaat luisteren.", "redden"),
    ("Ik zie dat je verdrietig bent. Ik denk dat je eigenlijk gewoon je moeder mist.", "redden"),
    ("Hij voelt zich natuurlijk ook niet fijn bij zijn moeder, dat zie je bij jongens.", "redden"),
    ("Wat vervelend voor u. Met mijn eigen zoon ging het net zo, en die draaide vanzelf bij.", "inhoud"),
    ("Goh, ik weet precies hoe u zich voelt.", "inhoud"),
    ("Dat werkte bij mij ook, gewoon even afstand nemen.", "inhoud"),
    # asking the other parent oneself takes the problem over
    ("Dat is lastig, ja. Ik vraag uw ex wel of hij haar wat vaker laat bellen.", "redden"),
])
def test_a_subtle_pitfall_is_a_sure_pitfall(classify, text, move):
    read = classify(text)
    assert read.zet == move
    assert read.zekerheid >= UNSURE  # sure: never forgiven as a misread


@pytest.mark.parametrize("text", [
    "Ik kan niet beloven dat papa en mama meteen ophouden met ruziën.",  # naming a limit
    "Ik ga je niks beloven wat ik niet kan waarmaken.",
    "Oei, dat kan ik eigenlijk helemaal niet beloven, sorry.",
    "Meneer, ik kom zo bij u, dat beloof ik.",  # a turn in the meeting, no outcome
])
def test_no_promise_of_an_outcome_where_there_is_none(text):
    form = find_form(text)
    assert form is None or form.vorm != "uitkomst-beloven"


def test_the_promise_gets_its_own_warning():
    form = find_form("Ik beloof jullie dat het volgende maand rustiger is.")
    assert form is not None and form.vorm == "uitkomst-beloven" and form.valkuil == "redden"
    assert "beloof" in form.waarschuwing


def test_a_turn_that_ends_on_a_promise_does_not_calm(classify):
    engine = Engine(MOTHER, classify=classify, seed=0)
    engine.step("Ik zie hoe zwaar dit voor u is, en hoe lang u dit al draagt.")
    before = engine.state.tension
    result = engine.step("Wat zou u het liefste willen voor uw zoon? Ik beloof u dat ik ervoor zorg dat hij dat "
                         "krijgt.")
    assert result.move.zet in PITFALLS
    assert engine.state.tension >= before
